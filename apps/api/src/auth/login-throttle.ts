import { ExecutionContext } from '@nestjs/common';
import { loadEnvironment } from '../config/environment';

let limitPerMinute: number | undefined;

/**
 * Login and registration are limited per client address *and* email, so guessing one
 * account's password is slow while a shared office address still lets colleagues in.
 */
export const LOGIN_THROTTLE = {
  default: {
    limit: () => (limitPerMinute ??= loadEnvironment().LOGIN_ATTEMPTS_PER_MINUTE),
    ttl: 60_000,
    getTracker: (req: Record<string, unknown>, _ctx: ExecutionContext) => {
      const body = (req['body'] ?? {}) as { email?: unknown };
      const email = typeof body.email === 'string' ? body.email.toLowerCase().slice(0, 254) : '';
      return `${String(req['ip'])}|${email}`;
    },
  },
};
