import { CONTACT_VISIBLE_STATUSES, ProfileMeetingView, ProfileOfferView } from '@jinan/contracts';
import { EntityManager } from 'typeorm';

/** The organization's published offers, newest first. */
export async function publishedOffers(manager: EntityManager, organizationId: string): Promise<ProfileOfferView[]> {
  const rows = await manager.query(
    `SELECT id, sector, cooperation_type, title_zh, title_ja, title_en, summary_zh, summary_ja, summary_en, published_at
       FROM offers WHERE organization_id = $1 AND status = 'published'
      ORDER BY published_at DESC NULLS LAST, id`,
    [organizationId],
  );
  return rows.map(
    (r: Record<string, string | null>): ProfileOfferView => ({
      id: r.id as string,
      sector: r.sector as ProfileOfferView['sector'],
      cooperationType: r.cooperation_type as ProfileOfferView['cooperationType'],
      titleZh: r.title_zh as string,
      titleJa: r.title_ja,
      titleEn: r.title_en,
      summaryZh: r.summary_zh as string,
      summaryJa: r.summary_ja,
      summaryEn: r.summary_en,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    }),
  );
}

/** Meetings between the two organizations (either direction), newest first. */
export function meetingsBetween(manager: EntityManager, a: string, b: string): Promise<ProfileMeetingView[]> {
  return manager.query(
    `SELECT id, status FROM meetings
      WHERE (jp_organization_id = $1 AND cn_organization_id = $2) OR (jp_organization_id = $2 AND cn_organization_id = $1)
      ORDER BY created_at DESC`,
    [a, b],
  );
}

/** A meeting between them has reached the state from which contacts are shared. */
export function contactsShared(meetings: readonly ProfileMeetingView[]): boolean {
  return meetings.some((m) => (CONTACT_VISIBLE_STATUSES as readonly string[]).includes(m.status));
}

export interface DelegateRow {
  full_name: string;
  email: string;
  phone: string | null;
  shares_contact: boolean;
}

/** The organization's delegates (anonymised people left out), with their consent to share contacts. */
export function delegatesOf(manager: EntityManager, organizationId: string): Promise<DelegateRow[]> {
  return manager.query(
    `SELECT full_name, email, phone,
            coalesce((consent->>'shareContactWithAcceptedCounterparts')::boolean, false) AS shares_contact
       FROM users WHERE organization_id = $1 AND anonymised_at IS NULL ORDER BY full_name`,
    [organizationId],
  );
}
