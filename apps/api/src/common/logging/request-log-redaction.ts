/**
 * Request-log redaction. Secrets travel in addresses: a calendar feed's token in its path
 * (/api/calendar/<token>.ics), a password-reset token in the web page's query
 * (?token=…). pino-http copies the address into several places of a log line — url,
 * params (Express names the path's parts), query, the Referer of the next request — so
 * the secret is found once, from the address, then removed from every string of the
 * line. Authorization, cookies and passwords in bodies are removed by pino's `redact`
 * paths (app.module.ts). Runs on pino's serialized copy of the request, never on the
 * request itself.
 */
const FEED_TOKEN = /\/calendar\/([^/?#]+)\.ics/g;
const TOKEN_QUERY = /[?&](?:token|resetToken|code)=([^&#]+)/gi;
export const REDACTED = '[redacted]';

/** The secrets an address carries, as written and percent-decoded. */
export function secretsInAddress(address: string): string[] {
  const found = [...address.matchAll(FEED_TOKEN), ...address.matchAll(TOKEN_QUERY)].map((m) => m[1]).filter((s) => s.length >= 8);
  return [...new Set(found.flatMap((s) => [s, safeDecode(s)]))];
}

export function redactSecrets<T>(value: T, secrets: string[]): T {
  if (!secrets.length) return value;
  if (typeof value === 'string') return secrets.reduce((s, secret) => s.split(secret).join(REDACTED), value as string) as T;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecrets(v, secrets)])) as T;
  }
  return value;
}

export function redactRequestLog<T extends { url?: unknown; headers?: Record<string, unknown> }>(req: T): T {
  if (!req || typeof req !== 'object') return req;
  const addresses = [req.url, req.headers?.['referer'], req.headers?.['referrer']].filter((a): a is string => typeof a === 'string');
  return redactSecrets(req, addresses.flatMap(secretsInAddress));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
