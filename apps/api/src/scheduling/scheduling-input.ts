import { meetingWeight, type Language, type MeetingRequest, type NegotiationSession, type Organization, type SchedulingInput } from '@jinan/scheduling';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { MatchScoreService } from '../matching/match-score.service';

/** Statuses the scheduler places (accepted) or keeps track of (already booked). */
export const SCHEDULABLE_STATUSES = ['accepted', 'scheduled', 'confirmed'] as const;

export interface RunOptions {
  pin?: string[];
  exclude?: string[];
  allowAnySession?: boolean;
  seed?: number;
  maxGapsPerOrganization?: number;
}

/** What the writer needs to know about each meeting besides the engine's input. */
export interface MeetingState {
  id: string;
  status: string;
  version: number;
  jpOrganizationId: string;
  cnOrganizationId: string;
  /** Current booking, if any. */
  booking: { slotId: string; tableNumber: number; jpSeat: number; cnSeat: number } | null;
  published: boolean;
  pinned: boolean;
}

export interface LoadedInput {
  input: SchedulingInput;
  meetings: Map<string, MeetingState>;
  /** slot id → [start, end] in epoch ms, and its session. */
  slots: Map<string, { start: number; end: number; sessionId: string }>;
  /** session id → table number → table id. */
  tableIds: Map<string, Map<number, string>>;
  delegates: Map<string, number>;
}

/**
 * Reads everything the engine needs for one edition, in one snapshot: sessions with
 * slots and tables, the parties' capacity, languages and absences (half-days away, the
 * park visit), the schedulable meetings with their bookings, and interpreter pools.
 */
export async function loadSchedulingInput(db: EntityManager, editionId: string, options: RunOptions, matchScores: MatchScoreService): Promise<LoadedInput> {
  const [edition] = await db.query(`SELECT time_zone, max_meetings_per_org_per_day, gap_scope FROM editions WHERE id = $1`, [editionId]);
  const zone: string = edition.time_zone;

  const sessionRows: { id: string; sector: string; table_count: number; interpreters: number | null; starts_at: Date; ends_at: Date }[] = await db.query(
    `SELECT id, sector, table_count, interpreters, starts_at, ends_at FROM programme_sessions
      WHERE edition_id = $1 AND kind = 'negotiation' ORDER BY starts_at, sector`,
    [editionId],
  );
  const slotRows: { id: string; session_id: string; starts_at: Date; ends_at: Date }[] = await db.query(
    `SELECT id, session_id, starts_at, ends_at FROM slots WHERE edition_id = $1 ORDER BY session_id, index`,
    [editionId],
  );
  const tableRows: { id: string; session_id: string; number: number }[] = await db.query(
    `SELECT t.id, t.session_id, t.number FROM negotiation_tables t JOIN programme_sessions s ON s.id = t.session_id WHERE s.edition_id = $1`,
    [editionId],
  );

  const slots = new Map<string, { start: number; end: number; sessionId: string }>();
  const sessions: NegotiationSession[] = sessionRows.map((s) => ({ id: s.id, sector: s.sector, tables: s.table_count, slots: [] }));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  for (const row of slotRows) {
    const start = row.starts_at.getTime();
    const local = DateTime.fromMillis(start, { zone });
    sessionById.get(row.session_id)?.slots.push({
      id: row.id,
      start,
      end: row.ends_at.getTime(),
      day: local.toISODate()!,
      halfDay: local.hour < 12 ? 'am' : 'pm',
    });
    slots.set(row.id, { start, end: row.ends_at.getTime(), sessionId: row.session_id });
  }
  const tableIds = new Map<string, Map<number, string>>();
  for (const t of tableRows) {
    const bySession = tableIds.get(t.session_id) ?? new Map<number, string>();
    bySession.set(t.number, t.id);
    tableIds.set(t.session_id, bySession);
  }

  const meetingRows: {
    id: string;
    status: string;
    version: number;
    sector: string;
    priority: 1 | 2 | 3;
    offer_id: string | null;
    jp_organization_id: string;
    cn_organization_id: string;
    slot_published_at: Date | null;
    slot_id: string | null;
    table_number: number | null;
    jp_seat: number | null;
    cn_seat: number | null;
  }[] = await db.query(
    `SELECT m.id, m.status, m.version, m.sector, m.priority, m.offer_id,
            m.jp_organization_id, m.cn_organization_id, m.slot_published_at,
            b.slot_id, t.number AS table_number, b.jp_seat, b.cn_seat
       FROM meetings m
       LEFT JOIN bookings b ON b.meeting_id = m.id
       LEFT JOIN negotiation_tables t ON t.id = b.table_id
      -- An excluded meeting that holds a booking is read too: the writer frees its booking (it
      -- must not keep a table and both parties' time the engine does not know about).
      WHERE m.edition_id = $1 AND m.status = ANY($2) AND (NOT (m.id = ANY($3::uuid[])) OR b.slot_id IS NOT NULL)
      ORDER BY m.id`,
    [editionId, SCHEDULABLE_STATUSES, options.exclude ?? []],
  );
  // A pair outside the firm's stored recommendations (or before any matching run) counts as 0.
  const scores = await matchScores.scoresFor(
    editionId,
    meetingRows.map((m) => ({ jpOrganizationId: m.jp_organization_id, cnOrganizationId: m.cn_organization_id, offerId: m.offer_id })),
  );
  const pin = new Set(options.pin ?? []);
  const excluded = new Set(options.exclude ?? []);
  const sessionsOfSector = (sector: string) =>
    options.allowAnySession ? sessions.map((s) => s.id) : sessions.filter((s) => s.sector === sector).map((s) => s.id);

  const meetings = new Map<string, MeetingState>();
  const requests: MeetingRequest[] = meetingRows.flatMap((m, i): MeetingRequest[] => {
    const booking = m.slot_id ? { slotId: m.slot_id, tableNumber: m.table_number!, jpSeat: m.jp_seat!, cnSeat: m.cn_seat! } : null;
    // Confirmed meetings never move; the bureau may pin others where they are.
    const pinned = !!booking && !excluded.has(m.id) && (m.status === 'confirmed' || pin.has(m.id));
    meetings.set(m.id, {
      id: m.id,
      status: m.status,
      version: m.version,
      jpOrganizationId: m.jp_organization_id,
      cnOrganizationId: m.cn_organization_id,
      booking,
      published: !!m.slot_published_at,
      pinned,
    });
    if (excluded.has(m.id)) return [];
    const placement = booking ? { slotId: booking.slotId, table: booking.tableNumber } : undefined;
    return [
      {
        id: m.id,
        organizationIds: [m.jp_organization_id, m.cn_organization_id],
        // Meetings say 1 = highest priority; the engine's weight grows with its argument.
        weight: meetingWeight((4 - m.priority) as 1 | 2 | 3, scores[i] ?? 0),
        sessionIds: sessionsOfSector(m.sector),
        ...(pinned ? { pinned: placement } : placement ? { previous: placement } : {}),
      },
    ];
  });

  const organizationIds = [...new Set(meetingRows.flatMap((m) => [m.jp_organization_id, m.cn_organization_id]))];
  const organizationRows: { id: string; delegates: number; languages: Language[]; absences: { start: Date; end: Date }[] | null }[] = await db.query(
    `SELECT o.id, o.delegates, o.languages,
            (SELECT json_agg(json_build_object('start', lower(r), 'end', upper(r)))
               FROM (SELECT unnest(p.absent) AS r
                     UNION ALL
                     SELECT tstzrange(v.starts_at, v.ends_at) FROM programme_sessions v
                      WHERE p.joins_site_visit AND v.edition_id = $1 AND v.kind = 'site_visit') a) AS absences
       FROM organizations o
       LEFT JOIN participations p ON p.edition_id = $1 AND p.organization_id = o.id
      WHERE o.id = ANY($2::uuid[])`,
    [editionId, organizationIds],
  );
  const delegates = new Map(organizationRows.map((o) => [o.id, o.delegates]));
  const organizations: Organization[] = organizationRows.map((o) => ({
    id: o.id,
    delegates: o.delegates,
    maxMeetingsPerDay: edition.max_meetings_per_org_per_day,
    languages: o.languages,
    absences: (o.absences ?? []).map((a) => ({ start: new Date(a.start).getTime(), end: new Date(a.end).getTime() })),
  }));

  const interpreters = sessionRows
    .filter((s) => (s.interpreters ?? 0) > 0)
    .map((s) => ({ start: s.starts_at.getTime(), end: s.ends_at.getTime(), count: s.interpreters! }));

  const gapScope = edition.gap_scope === 'day' ? 'day' : 'halfDay';
  return { input: { sessions, organizations, meetings: requests, interpreters, gapScope }, meetings, slots, tableIds, delegates };
}
