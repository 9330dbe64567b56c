import { Routes } from '@angular/router';

// Waits for the scheduling API (GET /api/events/:eventId/agenda?zone=, agenda.ics).
export default [
  {
    path: '',
    title: 'title.agenda',
    loadComponent: () => import('../shared/pending-feature').then((m) => m.PendingFeature),
    data: { titleKey: 'title.agenda', detailKey: 'pending.agenda' },
  },
] satisfies Routes;
