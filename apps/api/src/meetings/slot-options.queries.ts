import { EntityManager } from 'typeorm';

export interface SlotOptionRow {
  slot_id: string;
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  free_tables: number;
}

/**
 * The slots where meeting `meetingId` could take place now, in one statement: a slot of a
 * negotiation session of the meeting's sector, not yet begun, where
 * - a table of the session is free,
 * - both parties are present (not away that half-day, not on the park visit they joined)
 *   and have a delegate free (bookings at that time < delegates),
 * - neither party has reached the edition's daily maximum that day (edition's zone),
 * - if the parties share no working language, an interpreter of the pool is free
 *   (the pool is every session's interpreters on duty at that time, as the optimiser counts it).
 * The meeting's own booking is ignored (a party proposing to move it is not busy with it),
 * and its own slot is not offered again.
 * Reads only: the bookings' exclusion constraints decide who gets a slot when two race.
 */
export async function slotOptions(db: EntityManager, meetingId: string, now: Date, onlySlotId: string | null = null): Promise<SlotOptionRow[]> {
  return db
    .query(
      `WITH m AS (
       SELECT m.id, m.edition_id, m.sector, m.jp_organization_id AS jp, m.cn_organization_id AS cn, e.time_zone, e.max_meetings_per_org_per_day AS daily_max,
              NOT (jo.languages && co.languages) AS needs_interpreter
         FROM meetings m JOIN editions e ON e.id = m.edition_id
         JOIN organizations jo ON jo.id = m.jp_organization_id JOIN organizations co ON co.id = m.cn_organization_id
        WHERE m.id = $1),
     parties AS (
       SELECT o.id, o.delegates, coalesce(p.absent, '{}') AS absent, coalesce(p.joins_site_visit, false) AS joins_site_visit
         FROM m JOIN organizations o ON o.id IN (m.jp, m.cn)
         LEFT JOIN participations p ON p.edition_id = m.edition_id AND p.organization_id = o.id),
     others AS (
       SELECT b.* FROM bookings b, m WHERE b.edition_id = m.edition_id AND b.meeting_id <> m.id)
     SELECT sl.id AS slot_id, sl.session_id, sl.starts_at, sl.ends_at,
            (SELECT count(*)::int FROM negotiation_tables t
              WHERE t.session_id = se.id AND NOT EXISTS (SELECT 1 FROM others b WHERE b.table_id = t.id AND b.during && sl.during)) AS free_tables
       FROM m
       JOIN programme_sessions se ON se.edition_id = m.edition_id AND se.kind = 'negotiation' AND se.sector = m.sector
       JOIN slots sl ON sl.session_id = se.id
      WHERE sl.starts_at > $2
        AND ($3::uuid IS NULL OR sl.id = $3)
        AND NOT EXISTS (SELECT 1 FROM bookings own WHERE own.meeting_id = m.id AND own.slot_id = sl.id)
        AND NOT EXISTS (
          SELECT 1 FROM parties pa
           WHERE pa.absent && sl.during
              OR (pa.joins_site_visit AND EXISTS (
                    SELECT 1 FROM programme_sessions v WHERE v.edition_id = m.edition_id AND v.kind = 'site_visit' AND tstzrange(v.starts_at, v.ends_at) && sl.during))
              OR (SELECT count(*) FROM others b WHERE pa.id IN (b.jp_organization_id, b.cn_organization_id) AND b.during && sl.during) >= pa.delegates
              OR (SELECT count(*) FROM others b
                   WHERE pa.id IN (b.jp_organization_id, b.cn_organization_id)
                     AND (lower(b.during) AT TIME ZONE m.time_zone)::date = (sl.starts_at AT TIME ZONE m.time_zone)::date) >= m.daily_max)
        AND (NOT m.needs_interpreter OR
             (SELECT coalesce(sum(s2.interpreters), 0) FROM programme_sessions s2
               WHERE s2.edition_id = m.edition_id AND s2.kind = 'negotiation' AND tstzrange(s2.starts_at, s2.ends_at) @> sl.starts_at)
             > (SELECT count(*) FROM others b
                  JOIN organizations bj ON bj.id = b.jp_organization_id JOIN organizations bc ON bc.id = b.cn_organization_id
                 WHERE b.during && sl.during AND NOT (bj.languages && bc.languages)))
      ORDER BY sl.starts_at, sl.id`,
      [meetingId, now, onlySlotId],
    )
    .then((rows: SlotOptionRow[]) => rows.filter((r) => r.free_tables > 0));
}

/** A table of the slot's session with no booking at that time (the lowest number), or null. */
export async function freeTable(db: EntityManager, slotId: string, meetingId: string): Promise<string | null> {
  const [row] = await db.query(
    `SELECT t.id FROM slots sl JOIN negotiation_tables t ON t.session_id = sl.session_id
      WHERE sl.id = $1 AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.table_id = t.id AND b.during && sl.during AND b.meeting_id <> $2)
      ORDER BY t.number LIMIT 1`,
    [slotId, meetingId],
  );
  return row?.id ?? null;
}

/**
 * Books meeting `meetingId` at `slotId`, table `tableId`, on a free delegate seat of each
 * party. Whether table and seats are still free when it commits is the exclusion
 * constraints' decision (23P01), not this code's.
 */
export async function insertBooking(db: EntityManager, meetingId: string, slotId: string, tableId: string): Promise<void> {
  await db.query(
    `WITH m AS (SELECT id, edition_id, jp_organization_id AS jp, cn_organization_id AS cn FROM meetings WHERE id = $1),
          sl AS (SELECT id, session_id, during FROM slots WHERE id = $2)
     INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat)
     SELECT m.id, m.edition_id, sl.session_id, sl.id, $3, sl.during, m.jp, ${freeSeat('jp')}, m.cn, ${freeSeat('cn')}
       FROM m, sl`,
    [meetingId, slotId, tableId],
  );
}

/** A seat of the party not taken at the slot's time; seat 1 when none, so the capacity constraint refuses with its own name. */
function freeSeat(side: 'jp' | 'cn'): string {
  return `coalesce((SELECT s.seat FROM organization_seats s
             WHERE s.organization_id = m.${side}
               AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.${side}_organization_id = m.${side} AND b.${side}_seat = s.seat AND b.during && sl.during)
             ORDER BY s.seat LIMIT 1), 1)`;
}

/** Meetings the parties booked themselves in a `participants` edition: a scheduler run pins them where they are. */
export async function selfBookedMeetings(db: EntityManager, editionId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT m.id FROM meetings m JOIN editions e ON e.id = m.edition_id JOIN bookings b ON b.meeting_id = m.id
      WHERE m.edition_id = $1 AND e.scheduling_mode = 'participants' AND m.self_booked_at IS NOT NULL`,
    [editionId],
  );
  return rows.map((r) => r.id);
}
