/**
 * The calendar feed's address carries its secret token; request logs must not. Used as
 * the request-log serializer (app.module.ts), on pino's already-serialized copy of the
 * request, never on the request itself.
 */
export function redactFeedToken(url: string): string {
  return url.replace(/\/calendar\/[^/?#]+\.ics/, '/calendar/[redacted].ics');
}

export function redactRequestLog<T extends { url?: unknown }>(req: T): T {
  if (req && typeof req.url === 'string') req.url = redactFeedToken(req.url);
  return req;
}
