import { Routes } from '@angular/router';
import { roleGuard } from '../core/role.guard';

export default [
  { path: '', title: 'title.discover', loadComponent: () => import('./offers-search.page').then((m) => m.OffersSearchPage) },
  {
    path: 'recommendations',
    title: 'title.recommendations',
    canMatch: [roleGuard('jp')],
    loadComponent: () => import('./recommendations.page').then((m) => m.RecommendationsPage),
  },
  { path: 'offers/:id', title: 'title.offer', loadComponent: () => import('./offer-detail.page').then((m) => m.OfferDetailPage) },
] satisfies Routes;
