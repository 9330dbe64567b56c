import { FeedbackStage, FeedbackView } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import { Row } from '../organizations/organization.view';

/** The feedback domain's SQL; `db` is the DataSource's or a transaction's manager. */
type Db = Pick<EntityManager, 'query'>;

export interface MeetingForFeedback {
  id: string;
  status: string;
  jp_organization_id: string;
  cn_organization_id: string;
  slot_published_at: Date | null;
  slot_end: Date | null;
}

export interface FeedbackRow {
  meeting_id: string;
  organization_id: string;
  stage: FeedbackStage;
  rating: number;
  outcome: FeedbackView['outcome'];
  note: string | null;
  at: Date;
}

/** The meeting with its slot's end, locked for the rest of the transaction (answers to one meeting queue up). */
export async function lockMeeting(tx: Db, meetingId: string): Promise<MeetingForFeedback | undefined> {
  const [m] = await tx.query(
    `SELECT m.id, m.status, m.jp_organization_id, m.cn_organization_id, m.slot_published_at, upper(b.during) AS slot_end
       FROM meetings m LEFT JOIN bookings b ON b.meeting_id = m.id
      WHERE m.id = $1 FOR UPDATE OF m`,
    [meetingId],
  );
  return m;
}

export async function meetingParties(db: Db, meetingId: string): Promise<{ jp_organization_id: string; cn_organization_id: string } | undefined> {
  const [m] = await db.query('SELECT jp_organization_id, cn_organization_id FROM meetings WHERE id = $1', [meetingId]);
  return m;
}

export async function hasInitialFeedback(db: Db, meetingId: string, organizationId: string): Promise<boolean> {
  const [initial] = await db.query(`SELECT 1 FROM meeting_feedback WHERE meeting_id = $1 AND organization_id = $2 AND stage = 'initial'`, [
    meetingId,
    organizationId,
  ]);
  return !!initial;
}

/** One answer per meeting, organisation and stage: giving it again replaces it. */
export async function saveFeedback(
  tx: Db,
  f: {
    meetingId: string;
    organizationId: string;
    authorId: string;
    stage: FeedbackStage;
    rating: number;
    outcome: FeedbackView['outcome'];
    note: string | null;
    at: Date;
  },
): Promise<FeedbackRow> {
  const [row] = await tx.query(
    `INSERT INTO meeting_feedback (meeting_id, organization_id, author_id, stage, rating, outcome, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT ON CONSTRAINT meeting_feedback_once DO UPDATE
       SET author_id = EXCLUDED.author_id, rating = EXCLUDED.rating, outcome = EXCLUDED.outcome, note = EXCLUDED.note, at = EXCLUDED.at
     RETURNING meeting_id, organization_id, stage, rating, outcome, note, at`,
    [f.meetingId, f.organizationId, f.authorId, f.stage, f.rating, f.outcome, f.note, f.at],
  );
  return row;
}

/** A meeting's answers: one organisation's, or (null) both parties'. */
export function feedbackOf(db: Db, meetingId: string, organizationId: string | null): Promise<FeedbackRow[]> {
  return db.query(
    `SELECT meeting_id, organization_id, stage, rating, outcome, note, at FROM meeting_feedback
      WHERE meeting_id = $1 AND ($2::uuid IS NULL OR organization_id = $2) ORDER BY at, id`,
    [meetingId, organizationId],
  );
}

/** First answers whose follow-up is due (slot end + `days` ≤ now) and not given yet, with both parties' names. */
export function followUpsDue(db: Db, editionId: string, now: Date, days: number): Promise<Row[]> {
  return db.query(
    `SELECT f.meeting_id, f.outcome, f.at, upper(b.during) + make_interval(days => $3) AS due_since,
              o.id AS org_id, o.name_zh AS org_zh, o.name_ja AS org_ja, o.name_en AS org_en,
              c.id AS other_id, c.name_zh AS other_zh, c.name_ja AS other_ja, c.name_en AS other_en
         FROM meeting_feedback f
         JOIN meetings m ON m.id = f.meeting_id
         JOIN bookings b ON b.meeting_id = m.id
         JOIN organizations o ON o.id = f.organization_id
         JOIN organizations c ON c.id = CASE WHEN m.jp_organization_id = f.organization_id THEN m.cn_organization_id ELSE m.jp_organization_id END
        WHERE m.edition_id = $1 AND f.stage = 'initial'
          AND upper(b.during) + make_interval(days => $3) <= $2
          AND NOT EXISTS (SELECT 1 FROM meeting_feedback g WHERE g.meeting_id = f.meeting_id AND g.organization_id = f.organization_id AND g.stage = 'follow_up')
        ORDER BY due_since, o.name_en, f.meeting_id`,
    [editionId, now, days],
  );
}
