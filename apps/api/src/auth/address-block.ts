import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiExceptionFilter } from '../common/errors/api-exception.filter';
import { AbuseLimits, tooMany } from './abuse-limits';
import { PasswordHasher } from './password-hasher';

/** The routes that run argon2 for anyone who asks (mounted under /api). */
const PASSWORD_ROUTES = new Set(['/api/auth/login', '/api/auth/register', '/api/auth/password-reset', '/api/auth/password-reset/confirm']);

/**
 * The very first middleware: a POST to a password route from an address this process
 * already knows to be over its failed-login limit, or whose password-hash queue here is
 * full, is refused (429) from memory — before the body is parsed, before the rate-limit
 * counters, the user lookup or argon2. A flood that is being refused costs almost
 * nothing, so it cannot slow other addresses down.
 */
export function refuseBlockedAddresses(limits: AbuseLimits, hasher: PasswordHasher): RequestHandler {
  const filter = new ApiExceptionFilter();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !PASSWORD_ROUTES.has(req.path)) return next();
    const address = req.ip ?? 'unknown';
    try {
      limits.refuseIfKnownBlocked('loginFailuresPerAddress', address);
      if (hasher.isBusy(address)) throw tooMany();
    } catch (error) {
      // The body is left unread, and an abusive client's connection is not kept alive:
      // making it reconnect slows the flood down at no cost to anyone else.
      res.setHeader('Connection', 'close');
      return filter.send(res, error);
    }
    next();
  };
}
