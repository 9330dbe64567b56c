import { Routes } from '@angular/router';

export default [
  { path: '', title: 'title.discover', loadComponent: () => import('./offers-search.page').then((m) => m.OffersSearchPage) },
  { path: 'offers/:id', title: 'title.offer', loadComponent: () => import('./offer-detail.page').then((m) => m.OfferDetailPage) },
] satisfies Routes;
