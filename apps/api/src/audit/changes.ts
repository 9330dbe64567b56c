/** Field-level before/after of the fields a change named, for the audit trail (never secrets). */
export function changes<T extends object>(before: T, after: T, fields: string[]): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) {
    const from = (before as Record<string, unknown>)[f];
    const to = (after as Record<string, unknown>)[f];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[f] = { from: from ?? null, to: to ?? null };
  }
  return out;
}
