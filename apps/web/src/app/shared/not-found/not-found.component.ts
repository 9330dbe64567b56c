/** web1's name for the not-found page (meeting and organisation pages embed it). */
export { NotFoundPage as NotFoundComponent } from './not-found.page';
