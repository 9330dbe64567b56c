import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { roleGuard } from '../core/role.guard';
import { Session } from '../core/session';

/**
 * Reports: the bureau's dashboard and the printables. Linked from app.routes.ts as
 * `reports` (any signed-in role; each page below narrows it).
 */
export default [
  { path: '', pathMatch: 'full', redirectTo: () => (inject(Session).role() === 'bureau' ? 'dashboard' : 'agenda') },
  {
    path: 'dashboard',
    title: 'reports.title.dashboard',
    canMatch: [roleGuard('bureau')],
    providers: [provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) })],
    loadComponent: () => import('./dashboard.page').then((m) => m.DashboardPage),
  },
  // A party's own agenda; the bureau adds ?organization=<id>.
  { path: 'agenda', title: 'reports.title.agenda', loadComponent: () => import('./agenda-print.page').then((m) => m.AgendaPrintPage) },
  {
    path: 'table-cards/:sessionId',
    title: 'reports.title.tableCards',
    canMatch: [roleGuard('bureau')],
    loadComponent: () => import('./table-cards.page').then((m) => m.TableCardsPage),
  },
] satisfies Routes;
