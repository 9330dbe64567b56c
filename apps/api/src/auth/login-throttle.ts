import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { ThrottlerOptions } from '@nestjs/throttler';

const LOGIN_ATTEMPT = 'loginAttempt';

/** Marks a route whose calls count as login attempts (login, registration). */
export const LoginAttempt = () => SetMetadata(LOGIN_ATTEMPT, true);

export const isLoginAttempt = (context: ExecutionContext): boolean => Reflect.getMetadata(LOGIN_ATTEMPT, context.getHandler()) === true;

/**
 * Login attempts are limited per client address *and* email, so guessing one
 * account's password is slow while colleagues behind one office address still get in.
 * Applies only to routes marked @LoginAttempt().
 */
export function loginThrottler(limitPerMinute: number): ThrottlerOptions {
  return {
    name: 'login',
    ttl: 60_000,
    limit: limitPerMinute,
    skipIf: (context: ExecutionContext) => !isLoginAttempt(context),
    getTracker: (req: Record<string, unknown>) => {
      const body = (req['body'] ?? {}) as { email?: unknown };
      const email = typeof body.email === 'string' ? body.email.toLowerCase().slice(0, 254) : '';
      return `${String(req['ip'])}|${email}`;
    },
  };
}
