import { Routes } from '@angular/router';

export default [{ path: '', title: 'title.meetings', loadComponent: () => import('./meetings.page').then((m) => m.MeetingsPage) }] satisfies Routes;
