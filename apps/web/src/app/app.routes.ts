import { inject } from '@angular/core';
import { Route } from '@angular/router';
import { homeOf, roleGuard } from './core/role.guard';
import { Session } from './core/session';

/** One lazy routes file per area; each area is guarded by role. */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: () => homeOf(inject(Session).role()) },
  { path: '', loadChildren: () => import('./auth/auth.routes') },
  { path: 'discover', canMatch: [roleGuard('jp', 'bureau')], loadChildren: () => import('./discover/discover.routes') },
  { path: 'offers', canMatch: [roleGuard('cn')], loadChildren: () => import('./offers/offers.routes') },
  { path: 'meetings', canMatch: [roleGuard('jp', 'cn', 'bureau')], loadChildren: () => import('./meetings/meetings.routes') },
  { path: 'agenda', canMatch: [roleGuard('jp', 'cn')], loadChildren: () => import('./agenda/agenda.routes') },
  { path: 'organizations', canMatch: [roleGuard('jp', 'cn', 'bureau')], loadChildren: () => import('./organizations/organizations.routes') },
  { path: 'bureau', canMatch: [roleGuard('bureau')], loadChildren: () => import('./bureau/bureau.routes') },
  { path: 'reports', canMatch: [roleGuard('jp', 'cn', 'bureau')], loadChildren: () => import('./reports/reports.routes') },
  { path: 'notifications', canMatch: [roleGuard('jp', 'cn', 'bureau')], loadChildren: () => import('./notifications/notifications.routes') },
  { path: 'profile', canMatch: [roleGuard('jp', 'cn', 'bureau')], loadChildren: () => import('./profile/profile.routes') },
  {
    path: 'forbidden',
    title: 'title.forbidden',
    data: { kind: 'forbidden' },
    loadComponent: () => import('./shared/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
  { path: '**', title: 'title.notFound', loadComponent: () => import('./shared/not-found/not-found.page').then((m) => m.NotFoundPage) },
];
