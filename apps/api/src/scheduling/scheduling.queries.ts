import { EntityManager } from 'typeorm';
import { HotReads } from '../common/hot-reads/hot-reads';
import type { PartyRow } from './agenda-copies';
import { AGENDA_SQL, EDITION_AGENDA_SIZE_SQL, EDITION_AGENDA_SQL } from './agenda.queries';

/**
 * The scheduling domain's SQL outside a run: publication, the grid, the agenda, and the
 * bureau's placement by hand. (A run reads its input in scheduling-input.ts and writes its
 * result in schedule-writer.ts; publication's set-based writes are in bulk-publish.ts.)
 * `db` is the DataSource's or a transaction's manager.
 */
type Db = Pick<EntityManager, 'query'>;

/** A meeting that leaves its slot frees it. */
export async function releaseBooking(tx: Db, meetingId: string): Promise<void> {
  await tx.query('DELETE FROM bookings WHERE meeting_id = $1', [meetingId]);
}

/**
 * The sessions (of `sessionIds`, or all) with scheduled, unpublished meetings, in the order they
 * take place. Session by session, each up to its first such meeting: grouping every booking
 * of the edition read all of them (90 ms for a session of 11,000 meetings at 100×, before
 * the publish itself).
 */
export async function sessionsToPublish(db: Db, editionId: string, sessionIds: string[] | null): Promise<string[]> {
  const sessions: { session_id: string }[] = await db.query(
    `SELECT s.id AS session_id FROM programme_sessions s
      WHERE s.edition_id = $1 AND ($2::uuid[] IS NULL OR s.id = ANY($2::uuid[]))
        AND EXISTS (SELECT 1 FROM bookings b JOIN meetings m ON m.id = b.meeting_id
                     WHERE b.edition_id = $1 AND b.session_id = s.id AND m.edition_id = $1 AND m.status = 'scheduled' AND m.slot_published_at IS NULL)
      ORDER BY s.starts_at, s.id`,
    [editionId, sessionIds],
  );
  return sessions.map((s) => s.session_id);
}

/** The edition's most recent scheduler run. */
export async function latestScheduleRun<T>(db: Db, editionId: string): Promise<T | undefined> {
  const [row] = await db.query('SELECT * FROM schedule_runs WHERE edition_id = $1 ORDER BY created_at DESC LIMIT 1', [editionId]);
  return row;
}

/** Every booking of the edition with its slot, table and parties, in time and table order. */
export function gridRows(db: Db, editionId: string): Promise<Record<string, string & number & boolean>[]> {
  return db.query(
    `SELECT b.meeting_id, b.session_id, b.slot_id, t.number AS table_number, m.status, m.slot_published_at IS NOT NULL AS published,
            jo.id AS jp_id, jo.name_zh AS jp_zh, jo.name_ja AS jp_ja, jo.name_en AS jp_en,
            co.id AS cn_id, co.name_zh AS cn_zh, co.name_ja AS cn_ja, co.name_en AS cn_en
       FROM bookings b
       JOIN meetings m ON m.id = b.meeting_id
       JOIN negotiation_tables t ON t.id = b.table_id
       JOIN organizations jo ON jo.id = b.jp_organization_id
       JOIN organizations co ON co.id = b.cn_organization_id
      WHERE b.edition_id = $1
      ORDER BY lower(b.during), b.session_id, t.number`,
    [editionId],
  );
}

/** One organisation's agenda (AGENDA_SQL, on the hot reads' pool: the venue's hottest read); `withUnpublished` for the bureau. */
export function agendaRows(hot: HotReads, editionId: string, organizationId: string, withUnpublished: boolean): Promise<Record<string, never>[]> {
  return hot.query('agenda', AGENDA_SQL, [editionId, organizationId, withUnpublished]);
}

/** A batch of every party's agenda rows in the edition (EDITION_AGENDA_SQL): `batch` bookings after meeting id `after`. */
export function editionAgendaRows(hot: HotReads, editionId: string, after: string, batch: number): Promise<PartyRow[]> {
  return hot.query('edition-agenda', EDITION_AGENDA_SQL, [editionId, after, batch]);
}

/** Editions not yet over (in their own zone) with published meetings, soonest first: the agendas about to be read. */
export async function upcomingPublishedEditions(hot: HotReads): Promise<string[]> {
  const rows = await hot.query<{ id: string }>(
    'upcoming-published-editions',
    `SELECT e.id FROM editions e
      WHERE e.end_date >= (now() AT TIME ZONE e.time_zone)::date
        AND EXISTS (SELECT 1 FROM meetings m WHERE m.edition_id = e.id AND m.slot_published_at IS NOT NULL)
      ORDER BY e.start_date, e.id LIMIT 5`,
    [],
  );
  return rows.map((r) => r.id);
}

/** An upper bound of editionAgendaRows' rows in all. */
export async function editionAgendaSize(hot: HotReads, editionId: string): Promise<number> {
  const [{ rows }] = await hot.query<{ rows: number }>('edition-agenda-size', EDITION_AGENDA_SIZE_SQL, [editionId]);
  return rows;
}

// ---- the bureau's placement by hand (booking-moves.ts) ----

export interface MeetingToPlace {
  id: string;
  edition_id: string;
  status: string;
  sector: string;
  jp_organization_id: string;
  cn_organization_id: string;
}

export interface SlotToPlace {
  id: string;
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  sector: string;
}

export async function meetingEdition(tx: Db, meetingId: string): Promise<string | undefined> {
  const [found] = await tx.query(`SELECT edition_id FROM meetings WHERE id = $1`, [meetingId]);
  return found?.edition_id;
}

/**
 * One writer of an edition's bookings at a time, edition first as the scheduler's writer
 * does: concurrent moves queue here instead of deadlocking on the exclusion constraints.
 * (NO KEY: inserts that merely reference the edition are not blocked.)
 */
export async function lockEditionBookings(tx: Db, editionId: string): Promise<void> {
  await tx.query(`SELECT id FROM editions WHERE id = $1 FOR NO KEY UPDATE`, [editionId]);
}

export async function lockMeetingToPlace(tx: Db, meetingId: string): Promise<MeetingToPlace | undefined> {
  const [meeting] = await tx.query(`SELECT id, edition_id, status, sector, jp_organization_id, cn_organization_id FROM meetings WHERE id = $1 FOR UPDATE`, [
    meetingId,
  ]);
  return meeting;
}

/** The slot, if it belongs to the edition, with its session's sector. */
export async function slotInEdition(tx: Db, slotId: string, editionId: string): Promise<SlotToPlace | undefined> {
  const [slot] = await tx.query(
    `SELECT sl.id, sl.session_id, sl.starts_at, sl.ends_at, se.sector FROM slots sl JOIN programme_sessions se ON se.id = sl.session_id
      WHERE sl.id = $1 AND sl.edition_id = $2`,
    [slotId, editionId],
  );
  return slot;
}

export async function tableOfSession(tx: Db, sessionId: string, tableNumber: number): Promise<string | undefined> {
  const [table] = await tx.query(`SELECT id FROM negotiation_tables WHERE session_id = $1 AND number = $2`, [sessionId, tableNumber]);
  return table?.id;
}

/** The first delegate seat of the party free at the slot's time, if any. */
export async function freeSeat(tx: Db, side: 'jp' | 'cn', organizationId: string, slotId: string): Promise<number | undefined> {
  const rows: { seat: number }[] = await tx.query(
    `SELECT s.seat FROM organization_seats s
      WHERE s.organization_id = $1
        AND NOT EXISTS (SELECT 1 FROM bookings b, slots t
                         WHERE t.id = $2 AND b.${side}_organization_id = $1 AND b.${side}_seat = s.seat AND b.during && t.during)
      ORDER BY s.seat LIMIT 1`,
    [organizationId, slotId],
  );
  return rows[0]?.seat;
}

export async function insertPlacedBooking(
  tx: Db,
  b: {
    meetingId: string;
    editionId: string;
    slotId: string;
    tableId: string;
    jpOrganizationId: string;
    jpSeat: number;
    cnOrganizationId: string;
    cnSeat: number;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat)
     SELECT $1, $2, s.session_id, s.id, $4, s.during, $5, $6, $7, $8 FROM slots s WHERE s.id = $3`,
    [b.meetingId, b.editionId, b.slotId, b.tableId, b.jpOrganizationId, b.jpSeat, b.cnOrganizationId, b.cnSeat],
  );
}

/** The meeting is scheduled again, unpublished and unconfirmed: a published slot that moved is no longer what the parties were told. */
export async function markScheduledAgain(tx: Db, meetingId: string): Promise<{ status: string; version: number }> {
  const [updated] = await tx.query(
    `WITH moved AS (
       UPDATE meetings SET status = 'scheduled', slot_published_at = NULL, jp_confirmed_at = NULL, cn_confirmed_at = NULL,
              version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING status, version)
     SELECT * FROM moved`,
    [meetingId],
  );
  return updated;
}

/** The bureau's placement in the meeting's history (at the transaction's time). */
export async function recordPlacement(tx: Db, t: { meetingId: string; actorId: string; action: string; from: string; note: string }): Promise<void> {
  await tx.query(
    `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, note)
     VALUES ($1, $2, 'bureau', $3, $4, 'scheduled', $5)`,
    [t.meetingId, t.actorId, t.action, t.from, t.note],
  );
}
