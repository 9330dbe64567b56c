import { Routes } from '@angular/router';

export default [
  { path: 'login', title: 'title.login', loadComponent: () => import('./login.page').then((m) => m.LoginPage) },
  { path: 'register', title: 'title.register', loadComponent: () => import('./register.page').then((m) => m.RegisterPage) },
  { path: 'forgot-password', title: 'title.forgotPassword', loadComponent: () => import('./forgot-password.page').then((m) => m.ForgotPasswordPage) },
  { path: 'reset-password', title: 'title.resetPassword', loadComponent: () => import('./reset-password.page').then((m) => m.ResetPasswordPage) },
] satisfies Routes;
