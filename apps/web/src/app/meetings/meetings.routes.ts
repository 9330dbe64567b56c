import { Routes } from '@angular/router';

// Waits for the meetings API (POST/GET /api/events/:eventId/meetings, review, respond).
export default [
  {
    path: '',
    title: 'title.meetings',
    loadComponent: () => import('../shared/pending-feature').then((m) => m.PendingFeature),
    data: { titleKey: 'title.meetings', detailKey: 'pending.meetings' },
  },
] satisfies Routes;
