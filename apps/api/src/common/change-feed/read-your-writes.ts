import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ChangeFeed } from './change-feed';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that may have written answers once its changes have reached this instance's read
 * caches: a client that logs out, confirms a meeting or edits an edition and reads again at once
 * sees its own change, even on the instance that wrote. The feed's settle() waits for the
 * notifications of everything committed so far (one round trip); only when it cannot (feed down,
 * too late) are all of the instance's caches emptied. It used to empty them on every write: at
 * the venue every login and every answer to a meeting emptied every party's agenda copy.
 *
 * Express middleware that holds back the end of a write's response until then (as
 * express-session holds it back to save the session), not a global Nest interceptor: an
 * interceptor costs every request Nest's interceptor plumbing (an rxjs pipeline, two
 * AsyncResource bindings), even the reads it lets through, and reads are nearly every request:
 * one instance served 1,133–1,145 agenda reads/s at saturation at 10× with the interceptor,
 * 1,426–1,450 without (docs/operations.md).
 */
export function readYourWrites(feed: ChangeFeed): RequestHandler {
  const settled = async (): Promise<void> => {
    if (!(await feed.settle().catch(() => false))) feed.changedHere(null);
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    if (READS.has(req.method)) return next();
    const end = res.end;
    let ending = false;
    res.end = function (this: Response, ...args: unknown[]): Response {
      if (!ending) {
        ending = true;
        void settled().then(() => end.apply(this, args as Parameters<Response['end']>));
      }
      return this;
    } as Response['end'];
    next();
  };
}
