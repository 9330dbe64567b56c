import { Routes } from '@angular/router';

export default [
  { path: '', title: 'title.notifications', loadComponent: () => import('./notifications.page').then((m) => m.NotificationsPage) },
] satisfies Routes;
