import { inject } from '@angular/core';
import { CanMatchFn, RedirectCommand, Router } from '@angular/router';
import type { Role } from '@jinan/contracts';
import { Session } from './session';

/**
 * Lets a lazy area load only for a signed-in user of one of `roles`. Anonymous users go
 * to sign-in; a signed-in user of another role is told (the forbidden page, at the same
 * address), not silently sent elsewhere.
 */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return (_route, segments) => {
    const session = inject(Session);
    const router = inject(Router);
    const role = session.role();
    if (!role) {
      const returnUrl = '/' + segments.map((s) => s.path).join('/');
      return router.createUrlTree(['/login'], { queryParams: { returnUrl } });
    }
    return roles.includes(role) || new RedirectCommand(router.createUrlTree(['/forbidden']), { skipLocationChange: true });
  };
}

/** The landing page of each role. */
export function homeOf(role: Role | null): string {
  switch (role) {
    case 'jp':
      return '/discover';
    case 'cn':
      return '/offers';
    case 'bureau':
      return '/bureau/organizations';
    default:
      return '/login';
  }
}
