import { ReminderKind, ReminderSettings } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import { FOLLOW_UP_AFTER_DAYS } from '../feedback/feedback.service';

/** The open editions, oldest first: a round of the job goes over each. */
export async function openEditionIds(db: Pick<EntityManager, 'query'>): Promise<string[]> {
  const editions: { id: string }[] = await db.query(`SELECT id FROM editions WHERE status = 'open' ORDER BY year`);
  return editions.map((e) => e.id);
}

/** One reminder due: who, what kind, about what (a meeting, or the edition for "no request yet"). */
export interface DueReminder {
  kind: ReminderKind;
  user_id: string;
  email: string;
  organization_id: string | null;
  subject_id: string;
}

/** Hours before an answer deadline, and before a published slot, when the reminder goes out. */
export const ANSWER_DUE_HOURS = 24;
export const UNCONFIRMED_SLOT_HOURS = 48;

/** The delegates of the organization `orgExpr` names, not anonymised, not reminded of this yet. */
const recipients = (kind: ReminderKind, orgExpr: string, subjectExpr: string) => `
  JOIN users u ON u.organization_id = ${orgExpr} AND u.anonymised_at IS NULL
 WHERE NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.kind = '${kind}' AND r.user_id = u.id AND r.subject_id = ${subjectExpr})`;

const COLUMNS = (kind: ReminderKind, subjectExpr: string) =>
  `SELECT '${kind}' AS kind, u.id AS user_id, u.email, u.organization_id, ${subjectExpr} AS subject_id`;

/**
 * What each reminder kind means, as SQL over the edition `$1` at the instant `$2`:
 * - no_request: a verified Japanese firm with no request in the edition, N ($3) days or more
 *   after requests opened;
 * - answer_due: a request approved for the Ji'nan company, or a proposal a party has not
 *   accepted, whose answer deadline is within 24 h (and not passed);
 * - unconfirmed_slot: a published slot a party has not confirmed, starting within 48 h;
 * - feedback_due: a published slot that has ended, with no feedback from the party;
 * - follow_up_due: the party's first feedback given and the slot ended 90 days ago or more,
 *   with no follow-up yet.
 */
const DUE: Record<ReminderKind, string> = {
  no_request: `${COLUMNS('no_request', 'e.id')}
      FROM editions e JOIN organizations o ON o.country = 'JP' AND o.verification = 'verified'
      ${recipients('no_request', 'o.id', 'e.id')}
       AND e.id = $1 AND e.status = 'open' AND coalesce(e.requests_open_at, e.created_at) + make_interval(days => $3) <= $2
       AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.edition_id = e.id AND m.jp_organization_id = o.id AND m.origin = 'request')`,
  answer_due: `${COLUMNS('answer_due', 'm.id')}
      FROM meetings m JOIN LATERAL (VALUES ('jp', m.jp_organization_id, m.jp_accepted_at), ('cn', m.cn_organization_id, m.cn_accepted_at)) p(side, org, accepted_at)
        ON (m.status = 'approved' AND p.side = 'cn') OR (m.status = 'proposed' AND p.accepted_at IS NULL)
      ${recipients('answer_due', 'p.org', 'm.id')}
       AND m.edition_id = $1 AND m.answer_deadline > $2 AND m.answer_deadline <= $2 + make_interval(hours => ${ANSWER_DUE_HOURS})`,
  unconfirmed_slot: `${COLUMNS('unconfirmed_slot', 'm.id')}
      FROM meetings m JOIN bookings b ON b.meeting_id = m.id
      JOIN LATERAL (VALUES (m.jp_organization_id, m.jp_confirmed_at), (m.cn_organization_id, m.cn_confirmed_at)) p(org, confirmed_at) ON p.confirmed_at IS NULL
      ${recipients('unconfirmed_slot', 'p.org', 'm.id')}
       AND m.edition_id = $1 AND m.status = 'scheduled' AND m.slot_published_at IS NOT NULL
       AND lower(b.during) > $2 AND lower(b.during) <= $2 + make_interval(hours => ${UNCONFIRMED_SLOT_HOURS})`,
  feedback_due: `${COLUMNS('feedback_due', 'm.id')}
      FROM meetings m JOIN bookings b ON b.meeting_id = m.id
      JOIN LATERAL (VALUES (m.jp_organization_id), (m.cn_organization_id)) p(org) ON true
      ${recipients('feedback_due', 'p.org', 'm.id')}
       AND m.edition_id = $1 AND m.status IN ('scheduled', 'confirmed', 'held') AND m.slot_published_at IS NOT NULL AND upper(b.during) <= $2
       AND NOT EXISTS (SELECT 1 FROM meeting_feedback f WHERE f.meeting_id = m.id AND f.organization_id = p.org AND f.stage = 'initial')`,
  follow_up_due: `${COLUMNS('follow_up_due', 'm.id')}
      FROM meetings m JOIN bookings b ON b.meeting_id = m.id
      JOIN meeting_feedback f ON f.meeting_id = m.id AND f.stage = 'initial'
      ${recipients('follow_up_due', 'f.organization_id', 'm.id')}
       AND m.edition_id = $1 AND upper(b.during) + make_interval(days => ${FOLLOW_UP_AFTER_DAYS}) <= $2
       AND NOT EXISTS (SELECT 1 FROM meeting_feedback g WHERE g.meeting_id = m.id AND g.organization_id = f.organization_id AND g.stage = 'follow_up')`,
};

/** The reminders due in the edition at `now` for the kinds switched on, not sent before. */
export async function dueReminders(db: EntityManager, editionId: string, now: Date, settings: ReminderSettings): Promise<DueReminder[]> {
  const on: Record<ReminderKind, boolean> = {
    no_request: settings.noRequest,
    answer_due: settings.answerDue,
    unconfirmed_slot: settings.unconfirmedSlot,
    feedback_due: settings.feedbackDue,
    follow_up_due: settings.followUpDue,
  };
  const out: DueReminder[] = [];
  for (const kind of Object.keys(DUE) as ReminderKind[]) {
    if (!on[kind]) continue;
    const params = kind === 'no_request' ? [editionId, now, settings.noRequestDays] : [editionId, now];
    out.push(...(await db.query(`${DUE[kind]} ORDER BY 3, 5`, params)));
  }
  return out;
}

/**
 * Claims the reminders and queues their notifications, in the caller's transaction. The
 * unique key of reminders_sent lets only the first claim of a (kind, user, subject) through,
 * whichever instance makes it; only claimed reminders are notified. Returns those claimed.
 */
export async function claimAndNotify(tx: EntityManager, editionId: string, due: DueReminder[], now: Date): Promise<DueReminder[]> {
  if (!due.length) return [];
  const claimed: { kind: DueReminder['kind']; user_id: string; subject_id: string }[] = await tx.query(
    `INSERT INTO reminders_sent (edition_id, kind, user_id, subject_id, sent_at)
     SELECT $1, r.kind, r.user_id, r.subject_id, $2 FROM unnest($3::text[], $4::uuid[], $5::uuid[]) AS r(kind, user_id, subject_id)
     ON CONFLICT ON CONSTRAINT reminders_sent_once DO NOTHING
     RETURNING kind, user_id, subject_id`,
    [editionId, now, due.map((d) => d.kind), due.map((d) => d.user_id), due.map((d) => d.subject_id)],
  );
  if (!claimed.length) return [];
  // The payload reads like a meeting notification (action remind_<kind>), so the list and the mail show it alike.
  await tx.query(
    `INSERT INTO notifications (user_id, kind, meeting_id, payload, created_at, email_status)
     SELECT u.id, 'reminder', m.id,
            jsonb_build_object('action', 'remind_' || r.kind, 'reminder', r.kind, 'from', NULL, 'to', m.status, 'note', NULL, 'editionId', $1::uuid,
              'jpOrganizationId', coalesce(m.jp_organization_id, u.organization_id),
              'jpName', CASE WHEN m.id IS NULL THEN jsonb_build_object('zh', own.name_zh, 'ja', own.name_ja, 'en', own.name_en)
                             ELSE jsonb_build_object('zh', jp.name_zh, 'ja', jp.name_ja, 'en', jp.name_en) END,
              'cnName', CASE WHEN m.id IS NULL THEN NULL ELSE jsonb_build_object('zh', cn.name_zh, 'ja', cn.name_ja, 'en', cn.name_en) END),
            $2, CASE WHEN u.email_reminders THEN 'pending' ELSE 'skipped' END
       FROM unnest($3::text[], $4::uuid[], $5::uuid[]) AS r(kind, user_id, subject_id)
       JOIN users u ON u.id = r.user_id
       LEFT JOIN organizations own ON own.id = u.organization_id
       LEFT JOIN meetings m ON m.id = r.subject_id
       LEFT JOIN organizations jp ON jp.id = m.jp_organization_id
       LEFT JOIN organizations cn ON cn.id = m.cn_organization_id`,
    [editionId, now, claimed.map((c) => c.kind), claimed.map((c) => c.user_id), claimed.map((c) => c.subject_id)],
  );
  const key = (r: { kind: string; user_id: string; subject_id: string }) => `${r.kind}:${r.user_id}:${r.subject_id}`;
  const won = new Set(claimed.map(key));
  return due.filter((d) => won.has(key(d)));
}
