import { Routes } from '@angular/router';

export default [
  { path: '', title: 'title.offers', loadComponent: () => import('./my-offers.page').then((m) => m.MyOffersPage) },
  { path: 'new', title: 'title.newOffer', loadComponent: () => import('./offer-form.page').then((m) => m.OfferFormPage) },
  { path: ':id/edit', title: 'title.editOffer', loadComponent: () => import('./offer-form.page').then((m) => m.OfferFormPage) },
] satisfies Routes;
