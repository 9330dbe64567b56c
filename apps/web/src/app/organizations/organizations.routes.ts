import { Routes } from '@angular/router';

export default [
  { path: ':id', title: 'title.organization', loadComponent: () => import('./organization.page').then((m) => m.OrganizationPage) },
] satisfies Routes;
