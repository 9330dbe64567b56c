import type { MeetingContact, MeetingStatus } from './meetings';
import type { OfferView } from './offers';
import type { OrganizationView } from './organizations';

/** A published offer as listed on its company's profile. */
export type ProfileOfferView = Pick<
  OfferView,
  'id' | 'sector' | 'cooperationType' | 'titleZh' | 'titleJa' | 'titleEn' | 'summaryZh' | 'summaryJa' | 'summaryEn' | 'publishedAt'
>;

/** The caller's own meeting with this organization in the current edition, if any. */
export interface ProfileMeetingView {
  id: string;
  status: MeetingStatus;
}

/**
 * GET /api/organizations/:id/profile: everything a counterpart may see of an organization.
 * `delegates` is null while the caller may not see them (docs/product.md §8): the bureau and
 * the organization itself always, a counterpart once a meeting between them is accepted;
 * e-mail and phone then only with each delegate's consent.
 */
export interface OrganizationProfileView {
  organization: OrganizationView;
  offers: ProfileOfferView[];
  delegates: MeetingContact[] | null;
  meetings: ProfileMeetingView[];
}
