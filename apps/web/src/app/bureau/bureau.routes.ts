import { Routes } from '@angular/router';

const pending = () => import('../shared/pending-feature').then((m) => m.PendingFeature);

export default [
  { path: '', pathMatch: 'full', redirectTo: 'organizations' },
  { path: 'organizations', title: 'title.verification', loadComponent: () => import('./organizations.page').then((m) => m.OrganizationsPage) },
  { path: 'edition', title: 'title.edition', loadComponent: () => import('./edition.page').then((m) => m.EditionPage) },
  // Waits for the meetings API (review queue) and the scheduling API (runs, grid, publish).
  { path: 'review', title: 'title.review', loadComponent: pending, data: { titleKey: 'title.review', detailKey: 'pending.review' } },
  { path: 'scheduler', title: 'title.scheduler', loadComponent: pending, data: { titleKey: 'title.scheduler', detailKey: 'pending.scheduler' } },
] satisfies Routes;
