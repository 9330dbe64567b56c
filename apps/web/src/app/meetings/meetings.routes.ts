import { Routes } from '@angular/router';

export default [
  { path: '', title: 'title.meetings', loadComponent: () => import('./meetings.page').then((m) => m.MeetingsPage) },
  { path: ':id', title: 'title.meeting', loadComponent: () => import('./meeting-detail/meeting-detail.page').then((m) => m.MeetingDetailPage) },
] satisfies Routes;
