import { Routes } from '@angular/router';

export default [{ path: '', title: 'title.profile', loadComponent: () => import('./profile.page').then((m) => m.ProfilePage) }] satisfies Routes;
