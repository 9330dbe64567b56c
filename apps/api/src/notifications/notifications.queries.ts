import { Locale } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import type { MeetingTransitionNotice } from './notifications.service';
import { MeetingNotificationPayload, Notification } from './notification.entity';

/** The notifications domain's SQL: the outbox rows written with a meeting's change, the mailer's claims, and a user's inbox. */
type Db = Pick<EntityManager, 'query'>;

/** The payload fields naming both parties (MeetingNotificationPayload), from MEETING_PARTIES_SQL's aliases. */
const PARTY_NAMES_SQL = `'jpOrganizationId', m.jp_organization_id,
                'jpName', jsonb_build_object('zh', jp.name_zh, 'ja', jp.name_ja, 'en', jp.name_en),
                'cnName', jsonb_build_object('zh', cn.name_zh, 'ja', cn.name_ja, 'en', cn.name_en)`;
const MEETING_PARTIES_SQL = `FROM meetings m
         JOIN organizations jp ON jp.id = m.jp_organization_id
         JOIN organizations cn ON cn.id = m.cn_organization_id`;

/** One row per delegate of both parties (and the bureau when asked), not the actor; returns how many. */
export async function insertTransitionNotices(tx: Db, n: MeetingTransitionNotice, now: Date): Promise<number> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO notifications (user_id, kind, meeting_id, payload, created_at)
       SELECT u.id, 'meeting.transition', m.id,
              jsonb_build_object(
                'action', $2::text, 'from', $3::text, 'to', $4::text, 'note', $5::text,
                ${PARTY_NAMES_SQL}),
              $6
         ${MEETING_PARTIES_SQL}
         JOIN users u ON u.organization_id IN (m.jp_organization_id, m.cn_organization_id) OR (u.role = 'bureau' AND $7)
        WHERE m.id = $1 AND u.id IS DISTINCT FROM $8 AND u.anonymised_at IS NULL
       RETURNING id`,
    [n.meetingId, n.action, n.from, n.to, n.note, now, n.notifyBureau, n.actorId],
  );
  return rows.length;
}

/** The same notice for many meetings at once (a bulk publish), never to the bureau; returns how many rows. */
export async function insertTransitionNoticesFor(
  tx: Db,
  meetingIds: readonly string[],
  n: { action: string; from: string; to: string; note: string | null; actorId: string | null },
  now: Date,
): Promise<number> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO notifications (user_id, kind, meeting_id, payload, created_at)
       SELECT u.id, 'meeting.transition', m.id,
              jsonb_build_object(
                'action', $2::text, 'from', $3::text, 'to', $4::text, 'note', $5::text,
                ${PARTY_NAMES_SQL}),
              $6
         ${MEETING_PARTIES_SQL}
         JOIN users u ON u.organization_id IN (m.jp_organization_id, m.cn_organization_id)
        WHERE m.id = ANY($1::uuid[]) AND u.id IS DISTINCT FROM $7 AND u.anonymised_at IS NULL
       RETURNING id`,
    [meetingIds, n.action, n.from, n.to, n.note, now, n.actorId],
  );
  return rows.length;
}

/** One row per delegate of the other party (both when the bureau writes); returns how many. */
export async function insertMessageNotices(
  tx: Db,
  n: { meetingId: string; authorId: string; authorOrganizationId: string | null; excerpt: string },
  now: Date,
): Promise<number> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO notifications (user_id, kind, meeting_id, payload, created_at)
       SELECT u.id, 'meeting.message', m.id,
              jsonb_build_object(
                'action', 'message', 'from', m.status, 'to', m.status, 'note', $2::text,
                ${PARTY_NAMES_SQL}),
              $3
         ${MEETING_PARTIES_SQL}
         JOIN users u ON u.organization_id IN (m.jp_organization_id, m.cn_organization_id)
        WHERE m.id = $1 AND u.id <> $4 AND u.organization_id IS DISTINCT FROM $5 AND u.anonymised_at IS NULL
       RETURNING id`,
    [n.meetingId, n.excerpt, now, n.authorId, n.authorOrganizationId],
  );
  return rows.length;
}

export interface PendingMail {
  id: string;
  payload: MeetingNotificationPayload;
  email: string;
  locale: Locale;
  organization_id: string | null;
  attempts: number;
}

/** Up to `limit` pending mails, oldest first, locked for this transaction; rows another run holds are skipped. */
export function claimPendingMails(tx: Db, limit: number): Promise<PendingMail[]> {
  return tx.query(
    `SELECT n.id, n.payload, n.email_attempts AS attempts, u.email, u.locale, u.organization_id
       FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.email_status = 'pending'
      ORDER BY n.id
      LIMIT $1
      FOR UPDATE OF n SKIP LOCKED`,
    [limit],
  );
}

export async function markMailed(tx: Db, id: string, at: Date): Promise<void> {
  await tx.query(`UPDATE notifications SET email_status = 'sent', emailed_at = $2, email_attempts = email_attempts + 1 WHERE id = $1`, [id, at]);
}

/** Counts the attempt; `givenUp` stops further tries (the notification stays listed). */
export async function markMailFailed(tx: Db, id: string, givenUp: boolean): Promise<void> {
  await tx.query(`UPDATE notifications SET email_attempts = email_attempts + 1, email_status = $2 WHERE id = $1`, [id, givenUp ? 'failed' : 'pending']);
}

/** One page of the user's notifications, newest first; `unread` true/false filters on read_at. */
export function userNotifications(
  db: EntityManager,
  userId: string,
  unread: boolean | undefined,
  page: number,
  pageSize: number,
): Promise<[Notification[], number]> {
  const qb = db.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me', { me: userId });
  if (unread === true) qb.andWhere('n.read_at IS NULL');
  if (unread === false) qb.andWhere('n.read_at IS NOT NULL');
  return qb
    .orderBy('n.id', 'DESC')
    .skip((page - 1) * pageSize)
    .take(pageSize)
    .getManyAndCount();
}

/** The user's own notification with this id. */
export function userNotification(db: EntityManager, id: string, userId: string): Promise<Notification | null> {
  return db.getRepository(Notification).findOneBy({ id, userId });
}

export async function markNotificationRead(db: EntityManager, id: string, at: Date): Promise<void> {
  await db.getRepository(Notification).update({ id }, { readAt: at });
}
