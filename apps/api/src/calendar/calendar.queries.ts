import { AgendaItemView, Locale, Role } from '@jinan/contracts';
import { EntityManager } from 'typeorm';

/** The calendar domain's SQL (feeds and the per-organisation ledger of what calendars were sent). */
type Db = Pick<EntityManager, 'query'>;

export type EntryStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

/** One meeting as an organization's calendar was last sent it. */
export interface CalendarEntry {
  meeting_id: string;
  status: EntryStatus;
  sequence: number;
  item: AgendaItemView;
  event_zone: string;
}

/** The user a calendar is for, with what renders it. */
export interface CalendarUserRow {
  id: string;
  role: Role;
  organization_id: string;
  locale: Locale;
  time_zone: string;
}

/** The owner of a live feed token (hashed), unless revoked, anonymised or without an organisation. */
export async function feedOwner(db: Db, tokenHash: string): Promise<CalendarUserRow | undefined> {
  const [feed] = await db.query(
    `SELECT u.id, u.role, u.organization_id, u.locale, u.time_zone FROM calendar_feeds f JOIN users u ON u.id = f.user_id
      WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.anonymised_at IS NULL AND u.organization_id IS NOT NULL`,
    [tokenHash],
  );
  return feed;
}

export async function calendarUser(db: Db, userId: string): Promise<CalendarUserRow> {
  const [u] = await db.query('SELECT id, role, organization_id, locale, time_zone FROM users WHERE id = $1', [userId]);
  return u;
}

/** Editions where the organisation has bookings or was sent calendar entries. */
export async function editionsOnCalendar(db: Db, organizationId: string): Promise<string[]> {
  const rows: { edition_id: string }[] = await db.query(
    `SELECT edition_id FROM bookings WHERE $1 IN (jp_organization_id, cn_organization_id)
     UNION SELECT edition_id FROM calendar_entries WHERE organization_id = $1`,
    [organizationId],
  );
  return rows.map((r) => r.edition_id);
}

/** In the caller's transaction: revokes the user's live feed and stores the new one; returns when it was created. */
export async function replaceFeed(tx: Db, userId: string, tokenHash: string): Promise<Date> {
  await tx.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
  await tx.query('UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  const [row] = await tx.query('INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2) RETURNING created_at', [userId, tokenHash]);
  return row.created_at;
}

export async function activeFeedCreatedAt(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db.query('SELECT created_at FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  return row?.created_at ?? null;
}

export async function revokeFeeds(db: Db, userId: string): Promise<void> {
  await db.query('UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}

/** Stores what the calendar shows now; SEQUENCE rises only for an entry whose fingerprint changed. */
export async function recordEntries(
  tx: Db,
  organizationId: string,
  editionId: string,
  current: { item: AgendaItemView; status: EntryStatus; fingerprint: string }[],
): Promise<void> {
  if (!current.length) return;
  await tx.query(
    `INSERT INTO calendar_entries (meeting_id, organization_id, edition_id, status, sequence, fingerprint, item)
     SELECT x.meeting_id, $1, $2, x.status, 0, x.fingerprint, x.item
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::jsonb[]) AS x(meeting_id, status, fingerprint, item)
     ON CONFLICT (meeting_id, organization_id) DO UPDATE
       SET status = EXCLUDED.status, fingerprint = EXCLUDED.fingerprint, item = EXCLUDED.item,
           sequence = calendar_entries.sequence + 1, updated_at = now()
       WHERE calendar_entries.fingerprint IS DISTINCT FROM EXCLUDED.fingerprint`,
    [
      organizationId,
      editionId,
      current.map((c) => c.item.meetingId),
      current.map((c) => c.status),
      current.map((c) => c.fingerprint),
      current.map((c) => JSON.stringify(c.item)),
    ],
  );
}

/** Entries no longer on the agenda are sent as cancelled (with their last time), once. */
export async function cancelGone(tx: Db, organizationId: string, editionId: string, present: string[]): Promise<void> {
  await tx.query(
    `UPDATE calendar_entries SET status = 'CANCELLED', fingerprint = 'cancelled', sequence = sequence + 1, updated_at = now()
      WHERE organization_id = $1 AND edition_id = $2 AND status <> 'CANCELLED' AND NOT (meeting_id = ANY($3::uuid[]))`,
    [organizationId, editionId, present],
  );
}

export function entriesOf(tx: Db, organizationId: string, editionId: string, editionZone: string): Promise<CalendarEntry[]> {
  return tx.query(
    `SELECT meeting_id, status, sequence, item, $3::text AS event_zone FROM calendar_entries
      WHERE organization_id = $1 AND edition_id = $2 ORDER BY item->>'startsAt', meeting_id`,
    [organizationId, editionId, editionZone],
  );
}
