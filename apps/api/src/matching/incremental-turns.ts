/** Reached firms screened at a time at least (one read of what the run shows them). */
export const SCREEN_SLICE = 100;

/**
 * The firms an incremental pass scores again, in the turns it commits them: first `always` (the
 * firms showing a changed offer or company, a changed profile), then the `candidates` (the
 * reached firms, those the changed offers match best first) that `screen` keeps, in their order.
 * Turns double in size (`first`, twice that, …): the first is small, so its firms see the change
 * soonest, and a pass of 1,245 firms makes 5 turns, not 25 — each scoring call pays a set-up
 * over every offer (the demand, the companies' offers: ~0.35 s at 300,000 offers; turns of 50
 * took 35 s of scoring against 25 s in one call). Candidates are screened a slice at a time, as
 * the turns need them: at 100× screening all of 2,076 reached firms (what the run shows each
 * read first) took 2.6 s before the first turn could start. `timing.screening` adds up the
 * screen's time.
 */
export async function* commitTurns(
  always: readonly string[],
  candidates: readonly string[],
  screen: (slice: readonly string[]) => Promise<string[]>,
  options: { first: number; timing?: { screening: number } },
): AsyncGenerator<string[]> {
  const ready = [...always];
  let next = 0;
  for (let size = Math.max(1, options.first); ready.length || next < candidates.length; size *= 2) {
    while (ready.length < size && next < candidates.length) {
      const slice = candidates.slice(next, next + Math.max(size - ready.length, SCREEN_SLICE));
      next += slice.length;
      const started = performance.now();
      ready.push(...(await screen(slice)));
      if (options.timing) options.timing.screening += performance.now() - started;
    }
    if (ready.length) yield ready.splice(0, size);
  }
}
