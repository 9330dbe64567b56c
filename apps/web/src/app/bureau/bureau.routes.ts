import { Routes } from '@angular/router';

export default [
  { path: '', pathMatch: 'full', redirectTo: 'organizations' },
  { path: 'organizations', title: 'title.verification', loadComponent: () => import('./organizations.page').then((m) => m.OrganizationsPage) },
  { path: 'edition', title: 'title.edition', loadComponent: () => import('./edition.page').then((m) => m.EditionPage) },
  { path: 'review', title: 'title.review', loadComponent: () => import('./review.page').then((m) => m.ReviewPage) },
  { path: 'scheduler', title: 'title.scheduler', loadComponent: () => import('./scheduler.page').then((m) => m.SchedulerPage) },
] satisfies Routes;
