import { Routes } from '@angular/router';

const pending = () => import('../shared/pending-feature').then((m) => m.PendingFeature);

export default [
  { path: '', pathMatch: 'full', redirectTo: 'organizations' },
  { path: 'organizations', title: 'title.verification', loadComponent: () => import('./organizations.page').then((m) => m.OrganizationsPage) },
  { path: 'edition', title: 'title.edition', loadComponent: () => import('./edition.page').then((m) => m.EditionPage) },
  { path: 'review', title: 'title.review', loadComponent: () => import('./review.page').then((m) => m.ReviewPage) },
  // The scheduler screen waits (runs, grid, publish): its API landed while this screen set was being built.
  { path: 'scheduler', title: 'title.scheduler', loadComponent: pending, data: { titleKey: 'title.scheduler', detailKey: 'pending.scheduler' } },
] satisfies Routes;
