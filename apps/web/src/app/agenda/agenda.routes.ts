import { Routes } from '@angular/router';

export default [{ path: '', title: 'title.agenda', loadComponent: () => import('./agenda.page').then((m) => m.AgendaPage) }] satisfies Routes;
