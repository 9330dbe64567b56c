import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';

/**
 * The real matching and scheduler runs, handed in by the caller (bootstrap/demo-engines.ts):
 * the database folder must not import the domains that import it.
 */
export interface DemoEngines {
  /** Runs matching for the edition to the end; returns the run's id. */
  matchingRun(db: DataSource, editionId: string, caller: AuthUser): Promise<string>;
  /** Runs the scheduler on the accepted meetings and writes the result; returns how many it placed. */
  schedulerRun(db: DataSource, editionId: string, bureauId: string): Promise<number>;
}

type Rnd = { next: () => number; int: (min: number, max: number) => number; pick: <T>(items: readonly T[]) => T };

/** Requests each Japanese firm made, from its own recommendations (best first). */
const REQUESTS_PER_FIRM = 11;
/** Every seventh firm has made no request yet: the "no request" reminder has someone to remind. */
const IDLE_FIRM_EVERY = 7;

/** Final states of a request, with their share (sums to 1); accepted ones are then scheduled. */
const REQUEST_STATES: [string, number][] = [
  ['requested', 0.12],
  ['approved', 0.12],
  ['accepted', 0.5],
  ['rejected', 0.05],
  ['declined', 0.07],
  ['expired', 0.07],
  ['cancelled', 0.07],
];

const HOUR = 3_600_000;

/**
 * The demo edition in full swing (issue 13): on top of the firms, offers and accounts, a
 * finished matching run (the real MatchingService), hundreds of requests in every state
 * chosen from those recommendations, bureau proposals, a scheduler run (the real engine,
 * validator and writer), published slots mostly confirmed, the meetings of the first day
 * held with feedback, and two key projects. The edition began yesterday (edition zone), so
 * every screen — queues, scheduler grid, agendas, dashboard, reminders — shows the state
 * of a live event. The same firms, requests and states for the same `now` (the runs' ids differ).
 */
export async function seedLivingEdition(db: DataSource, editionId: string, rnd: Rnd, now: Date, engines: DemoEngines): Promise<string> {
  const [bureau] = await db.query(`SELECT id, time_zone FROM users WHERE role = 'bureau' ORDER BY created_at LIMIT 1`);
  const caller: AuthUser = { id: bureau.id, role: 'bureau', organizationId: null, timeZone: bureau.time_zone };
  await db.query(`UPDATE editions SET requests_open_at = $2 WHERE id = $1`, [editionId, new Date(now.getTime() - 20 * 24 * HOUR)]);

  // Every verified organization gets a delegate (same demo password), so notifications and reminders reach someone.
  await db.query(
    `INSERT INTO users (email, role, organization_id, full_name, locale, time_zone, password_hash, token_version, consent)
     SELECT 'delegate' || row_number() OVER (ORDER BY o.country, o.created_at, o.id) || '@demo.test', lower(o.country), o.id,
            coalesce(o.name_ja, o.name_zh, o.name_en) || ' 担当', CASE o.country WHEN 'JP' THEN 'ja' ELSE 'zh-CN' END,
            CASE o.country WHEN 'JP' THEN 'Asia/Tokyo' ELSE 'Asia/Shanghai' END, b.password_hash, 0, b.consent
       FROM organizations o CROSS JOIN (SELECT password_hash, consent FROM users WHERE email = 'jp1@demo.test') b
      WHERE o.verification = 'verified' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.organization_id = o.id)`,
  );
  const runId = await engines.matchingRun(db, editionId, caller);

  const meetings = await db.transaction((tx) => insertMeetings(tx, editionId, bureau.id, rnd, now));
  const scheduled = await engines.schedulerRun(db, editionId, bureau.id);
  const lived = await db.transaction((tx) => liveTheEdition(tx, editionId, bureau.id, rnd, now));
  return `${meetings} meetings, matching run ${runId}, ${scheduled} placed by the scheduler, ${lived}`;
}

async function insertMeetings(tx: EntityManager, editionId: string, bureauId: string, rnd: Rnd, now: Date): Promise<number> {
  const firms: { id: string; user_id: string | null; email: string | null }[] = await tx.query(
    `SELECT o.id, u.id AS user_id, u.email
       FROM organizations o LEFT JOIN LATERAL (SELECT id, email FROM users WHERE organization_id = o.id ORDER BY email DESC LIMIT 1) u ON true
      WHERE o.country = 'JP' AND o.verification = 'verified' ORDER BY o.created_at, o.id`,
  );
  const recommended: { jp: string; cn: string; offer_id: string; sector: string }[] = await tx.query(
    `SELECT r.jp_organization_id AS jp, r.cn_organization_id AS cn, r.offer_id, f.sector
       FROM recommendations r JOIN matching_runs m ON m.id = r.run_id AND m.status = 'succeeded'
       JOIN offers f ON f.id = r.offer_id
      WHERE r.edition_id = $1 AND r.kind = 'company' ORDER BY r.jp_organization_id, r.rank`,
    [editionId],
  );
  const byFirm = new Map<string, typeof recommended>();
  for (const r of recommended) byFirm.set(r.jp, [...(byFirm.get(r.jp) ?? []), r]);

  const rows: MeetingRow[] = [];
  firms.forEach((firm, i) => {
    // jp3's firm has not requested anything yet (the "no request" reminder's demo); jp1 and jp2 have.
    if (firm.email === 'jp3@demo.test' || (i % IDLE_FIRM_EVERY === IDLE_FIRM_EVERY - 2 && !/^jp\d@/.test(firm.email ?? ''))) return;
    const picks = (byFirm.get(firm.id) ?? []).slice(0, REQUESTS_PER_FIRM);
    picks.forEach((p, k) => {
      // The last pick of some firms is a bureau proposal instead of a request.
      const proposal = k === picks.length - 1 && i % 3 === 0;
      const status = proposal ? rnd.pick(['proposed', 'proposed', 'accepted', 'declined']) : weighted(rnd, REQUEST_STATES);
      rows.push(meetingRow(editionId, firm.id, p, proposal ? 'proposal' : 'request', status, rnd, now, proposal ? bureauId : firm.user_id));
    });
  });
  for (const chunk of chunks(rows, 200)) {
    await tx.query(
      `INSERT INTO meetings (id, edition_id, jp_organization_id, cn_organization_id, offer_id, origin, sector, message, priority, status, created_by,
                             answer_deadline, jp_accepted_at, cn_accepted_at, created_at, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, edition_id uuid, jp_organization_id uuid, cn_organization_id uuid, offer_id uuid, origin text,
              sector text, message text, priority smallint, status text, created_by uuid, answer_deadline timestamptz, jp_accepted_at timestamptz,
              cn_accepted_at timestamptz, created_at timestamptz, updated_at timestamptz)`,
      [JSON.stringify(chunk.map((r) => r.meeting))],
    );
    await tx.query(
      `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, note, at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(meeting_id uuid, actor_id uuid, actor_role text, action text, from_status text, to_status text, note text, at timestamptz)`,
      [JSON.stringify(chunk.flatMap((r) => r.history))],
    );
  }
  return rows.length;
}

interface MeetingRow {
  meeting: Record<string, unknown>;
  history: Record<string, unknown>[];
}

const MESSAGES = [
  '貴社の案件に大変関心があります。商談の機会をいただけますと幸いです。',
  'We would like to discuss a joint project with your team in Ji\u2019nan.',
  '弊社の技術で貴社の課題解決に貢献できると考えております。',
  null,
];

/** One meeting in its final state, and the history that got it there. */
function meetingRow(
  editionId: string,
  jp: string,
  pick: { cn: string; offer_id: string; sector: string },
  origin: 'request' | 'proposal',
  status: string,
  rnd: Rnd,
  now: Date,
  createdBy: string | null,
): MeetingRow {
  const id = uuid(rnd);
  const created = new Date(now.getTime() - rnd.int(2, 18 * 24) * HOUR);
  const at = (hoursAfter: number) => new Date(Math.min(created.getTime() + hoursAfter * HOUR, now.getTime() - HOUR)).toISOString();
  const pending = ['requested', 'approved', 'proposed'].includes(status);
  // Pending answers run out over the next three days; some within the day.
  const deadline = pending ? new Date(now.getTime() + rnd.int(2, 72) * HOUR).toISOString() : null;
  const acceptedByCn = ['accepted'].includes(status);
  const history: Record<string, unknown>[] = [];
  const step = (role: string, action: string, from: string | null, to: string, hours: number, note: string | null = null) =>
    history.push({ meeting_id: id, actor_id: null, actor_role: role, action, from_status: from, to_status: to, note, at: at(hours) });
  if (origin === 'request') {
    step('jp', 'request', null, 'requested', 0);
    if (status === 'rejected') step('bureau', 'reject', 'requested', 'rejected', 20, 'outside the themes of this edition');
    if (['approved', 'accepted', 'declined', 'expired'].includes(status)) step('bureau', 'approve', 'requested', 'approved', 12);
    if (status === 'accepted') step('cn', 'accept', 'approved', 'accepted', 40);
    if (status === 'declined') step('cn', 'decline', 'approved', 'declined', 40, '日程が合わないため');
    if (status === 'expired') step('system', 'expire', 'approved', 'expired', 84, 'no answer by the deadline');
    if (status === 'cancelled') step('jp', 'cancel', 'requested', 'cancelled', 30, 'plans changed');
  } else {
    step('bureau', 'propose', null, 'proposed', 0);
    if (status === 'accepted') {
      step('jp', 'accept', 'proposed', 'proposed', 10);
      step('cn', 'accept', 'proposed', 'accepted', 30);
    }
    if (status === 'declined') step('cn', 'decline', 'proposed', 'declined', 30);
  }
  return {
    meeting: {
      id,
      edition_id: editionId,
      jp_organization_id: jp,
      cn_organization_id: pick.cn,
      offer_id: pick.offer_id,
      origin,
      sector: pick.sector,
      message: origin === 'request' ? rnd.pick(MESSAGES) : null,
      priority: rnd.int(1, 3),
      status,
      created_by: createdBy,
      answer_deadline: deadline,
      jp_accepted_at: origin === 'request' || status === 'accepted' ? at(origin === 'request' ? 0 : 10) : null,
      cn_accepted_at: acceptedByCn ? at(origin === 'request' ? 40 : 30) : null,
      created_at: created.toISOString(),
      updated_at: history.length ? history[history.length - 1]['at'] : created.toISOString(),
    },
    history,
  };
}

/**
 * Publishes the schedule two days ago; most parties confirmed; the meetings whose slot has
 * ended were held (a few no-shows) and most parties gave feedback; two signed agreements
 * became key projects.
 */
async function liveTheEdition(tx: EntityManager, editionId: string, bureauId: string, rnd: Rnd, now: Date): Promise<string> {
  const published = new Date(now.getTime() - 48 * HOUR);
  const rows: { id: string; ended: boolean }[] = await tx.query(
    `SELECT m.id, upper(b.during) <= $2 AS ended FROM meetings m JOIN bookings b ON b.meeting_id = m.id
      WHERE m.edition_id = $1 AND m.status = 'scheduled' ORDER BY lower(b.during), m.id`,
    [editionId, now],
  );
  const confirmedBoth: string[] = [];
  const confirmedOne: string[] = [];
  for (const r of rows) {
    const roll = rnd.next();
    if (r.ended || roll < 0.7) confirmedBoth.push(r.id);
    else if (roll < 0.85) confirmedOne.push(r.id);
  }
  await tx.query(`UPDATE meetings SET slot_published_at = $2, updated_at = $2 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), published]);
  await tx.query(`UPDATE meetings SET status = 'confirmed', jp_confirmed_at = $2, cn_confirmed_at = $2 WHERE id = ANY($1::uuid[])`, [
    confirmedBoth,
    new Date(published.getTime() + 6 * HOUR),
  ]);
  await tx.query(`UPDATE meetings SET cn_confirmed_at = $2 WHERE id = ANY($1::uuid[])`, [confirmedOne, new Date(published.getTime() + 8 * HOUR)]);
  await tx.query(
    `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, at)
     SELECT id, $2, 'bureau', 'publish', 'scheduled', 'scheduled', $3 FROM unnest($1::uuid[]) AS id`,
    [rows.map((r) => r.id), bureauId, published],
  );

  const ended = rows.filter((r) => r.ended).map((r) => r.id);
  const noShow = ended.filter((_, i) => i % 12 === 11);
  const held = ended.filter((id) => !noShow.includes(id));
  await tx.query(`UPDATE meetings SET status = 'no_show' WHERE id = ANY($1::uuid[])`, [noShow]);
  await tx.query(`UPDATE meetings SET status = 'held' WHERE id = ANY($1::uuid[])`, [held]);
  await tx.query(
    `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, at)
     SELECT id, $3, 'bureau', CASE WHEN id = ANY($2::uuid[]) THEN 'no_show' ELSE 'hold' END, 'confirmed',
            CASE WHEN id = ANY($2::uuid[]) THEN 'no_show' ELSE 'held' END, $4
       FROM unnest($1::uuid[]) AS id`,
    [ended, noShow, bureauId, new Date(now.getTime() - HOUR)],
  );

  const outcomes = ['follow_up_planned', 'follow_up_planned', 'agreement_expected', 'no_interest', 'agreement_signed'];
  const feedback: Record<string, unknown>[] = [];
  const parties: { id: string; jp: string; cn: string; ended_at: Date }[] = await tx.query(
    `SELECT m.id, m.jp_organization_id AS jp, m.cn_organization_id AS cn, upper(b.during) AS ended_at
       FROM meetings m JOIN bookings b ON b.meeting_id = m.id WHERE m.id = ANY($1::uuid[]) ORDER BY m.id`,
    [held],
  );
  for (const m of parties) {
    const outcome = rnd.pick(outcomes);
    for (const org of [m.jp, m.cn]) {
      if (rnd.next() < 0.2) continue; // Some have not answered yet: the "feedback due" reminder.
      feedback.push({
        meeting_id: m.id,
        organization_id: org,
        stage: 'initial',
        rating: outcome === 'no_interest' ? rnd.int(1, 2) : rnd.int(3, 4),
        outcome,
        note: null,
        at: new Date(new Date(m.ended_at).getTime() + rnd.int(1, 5) * HOUR).toISOString(),
      });
    }
  }
  if (feedback.length) {
    await tx.query(
      `INSERT INTO meeting_feedback (meeting_id, organization_id, stage, rating, outcome, note, at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS f(meeting_id uuid, organization_id uuid, stage text, rating smallint, outcome text, note text, at timestamptz)`,
      [JSON.stringify(feedback)],
    );
  }
  const keyProjects: unknown[] = await tx.query(
    `INSERT INTO key_projects (edition_id, meeting_id, feedback_id, title_zh, title_ja, title_en, signing_parties, created_by)
     SELECT DISTINCT ON (m.id) m.edition_id, m.id, f.id,
            coalesce(o.title_zh, '中日合作项目'), coalesce(o.title_ja, o.title_zh, '日中協力プロジェクト'), coalesce(o.title_en, o.title_zh, 'China–Japan cooperation project'),
            jsonb_build_array(coalesce(jp.name_ja, jp.name_en), coalesce(cn.name_zh, cn.name_en)), $2
       FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id
       JOIN organizations jp ON jp.id = m.jp_organization_id JOIN organizations cn ON cn.id = m.cn_organization_id
       LEFT JOIN offers o ON o.id = m.offer_id
      WHERE m.edition_id = $1 AND f.outcome = 'agreement_signed'
      ORDER BY m.id, f.id
      LIMIT 2
     RETURNING id`,
    [editionId, bureauId],
  );
  return `${rows.length} slots published, ${confirmedBoth.length - ended.length} confirmed ahead, ${held.length} held, ${noShow.length} no-shows, ${feedback.length} feedback answers, ${keyProjects.length} key projects`;
}

function weighted(rnd: Rnd, table: [string, number][]): string {
  let roll = rnd.next();
  for (const [value, share] of table) {
    if (roll < share) return value;
    roll -= share;
  }
  return table[table.length - 1][0];
}

/** A version-4 UUID from the seeded generator: the demo is the same on every machine. */
function uuid(rnd: Rnd): string {
  const hex = Array.from({ length: 32 }, () => rnd.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((rnd.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
