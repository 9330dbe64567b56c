import type { MeetingStatus, Sector } from '@jinan/contracts';
import { TestApp } from './support/test-app';

/**
 * Meetings, their history and their bookings written straight into the tables, so the
 * reports (stats, calendar, exports, audit) are tested on exactly known data. The
 * meeting lifecycle itself is tested through its own API elsewhere.
 */
export interface DemoParties {
  /** jp1's, jp2's and jp3's firms, then two more verified Japanese firms. */
  jp: string[];
  /** cn1's, cn2's and cn3's companies, then two more verified Ji'nan companies. */
  cn: string[];
  bureauId: string;
}

export async function demoParties(t: TestApp): Promise<DemoParties> {
  const own = async (prefix: string) => {
    const rows: { organization_id: string }[] = await t.db.query(
      `SELECT organization_id FROM users WHERE email IN ($1, $2, $3) ORDER BY email`,
      [1, 2, 3].map((i) => `${prefix}${i}@demo.test`),
    );
    return rows.map((r) => r.organization_id);
  };
  const more = async (country: string, taken: string[]) => {
    const rows: { id: string }[] = await t.db.query(
      `SELECT id FROM organizations WHERE country = $1 AND verification = 'verified' AND NOT (id = ANY($2::uuid[])) ORDER BY name_en LIMIT 2`,
      [country, taken],
    );
    return rows.map((r) => r.id);
  };
  const jp = await own('jp');
  const cn = await own('cn');
  const [{ id: bureauId }] = await t.db.query(`SELECT id FROM users WHERE email = 'bureau@demo.test'`);
  return { jp: [...jp, ...(await more('JP', jp))], cn: [...cn, ...(await more('CN', cn))], bureauId };
}

export interface MeetingSpec {
  jp: string;
  cn: string;
  sector: Sector;
  status: MeetingStatus;
  origin?: 'request' | 'proposal';
  createdAt: string;
  offerId?: string | null;
  published?: boolean;
  confirmed?: boolean;
}

export async function insertMeeting(t: TestApp, editionId: string, m: MeetingSpec): Promise<string> {
  const pending = ['requested', 'approved', 'proposed'].includes(m.status);
  const [row] = await t.db.query(
    `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, offer_id, origin, sector, status, created_at, updated_at,
                           answer_deadline, slot_published_at, jp_confirmed_at, cn_confirmed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $11) RETURNING id`,
    [
      editionId,
      m.jp,
      m.cn,
      m.offerId ?? null,
      m.origin ?? 'request',
      m.sector,
      m.status,
      m.createdAt,
      pending ? '2027-05-01T00:00:00Z' : null,
      m.published || m.confirmed ? m.createdAt : null,
      m.confirmed ? m.createdAt : null,
    ],
  );
  return row.id;
}

export async function insertTransition(
  t: TestApp,
  meetingId: string,
  action: string,
  from: MeetingStatus | null,
  to: MeetingStatus,
  at: string,
  role: 'jp' | 'cn' | 'bureau' | 'system' = 'system',
  actorId: string | null = null,
): Promise<void> {
  await t.db.query(
    `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [meetingId, actorId, role, action, from, to, at],
  );
}

/**
 * Books a meeting at table `table` of slot `slotIndex` of its sector's `block`-th
 * negotiation session (0: day 1 afternoon, 1: day 2 morning, 2: day 2 afternoon),
 * on each party's first delegate seat.
 */
export async function book(
  t: TestApp,
  meetingId: string,
  sector: Sector,
  block: number,
  slotIndex: number,
  table: number,
): Promise<{ startsAt: Date; endsAt: Date }> {
  const sessions: { id: string }[] = await t.db.query(
    `SELECT s.id FROM programme_sessions s JOIN meetings m ON m.edition_id = s.edition_id
      WHERE m.id = $1 AND s.kind = 'negotiation' AND s.sector = $2 ORDER BY s.starts_at`,
    [meetingId, sector],
  );
  const [row] = await t.db.query(
    `INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat)
     SELECT m.id, m.edition_id, x.session_id, x.id, n.id, x.during, m.jp_organization_id, 1, m.cn_organization_id, 1
       FROM meetings m, slots x, negotiation_tables n
      WHERE m.id = $1 AND x.session_id = $2 AND x.index = $3 AND n.session_id = $2 AND n.number = $4
     RETURNING lower(during) AS starts_at, upper(during) AS ends_at`,
    [meetingId, sessions[block].id, slotIndex, table],
  );
  return { startsAt: row.starts_at, endsAt: row.ends_at };
}

/** A clock the test moves by hand (the app reads it for "now"). */
export class ManualClock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}
