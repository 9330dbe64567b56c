import { Routes } from '@angular/router';

export default [
  { path: 'login', title: 'title.login', loadComponent: () => import('./login.page').then((m) => m.LoginPage) },
  { path: 'register', title: 'title.register', loadComponent: () => import('./register.page').then((m) => m.RegisterPage) },
] satisfies Routes;
