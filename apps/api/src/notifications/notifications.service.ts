import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Locale, MeetingStatus, NotificationQueryDto, NotificationView, Page, PAGE_SIZE_DEFAULT } from '@jinan/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from './mail.service';
import { Notification, MeetingNotificationPayload } from './notification.entity';
import { meetingMail } from './notification-mail';

export const SEND_NOTIFICATIONS_JOB = 'notifications-send';

/** After this many failed attempts a mail is given up (the notification stays listed). */
const MAX_MAIL_ATTEMPTS = 5;

/** The payload fields naming both parties (MeetingNotificationPayload), from MEETING_PARTIES_SQL's aliases. */
const PARTY_NAMES_SQL = `'jpOrganizationId', m.jp_organization_id,
                'jpName', jsonb_build_object('zh', jp.name_zh, 'ja', jp.name_ja, 'en', jp.name_en),
                'cnName', jsonb_build_object('zh', cn.name_zh, 'ja', cn.name_ja, 'en', cn.name_en)`;
const MEETING_PARTIES_SQL = `FROM meetings m
         JOIN organizations jp ON jp.id = m.jp_organization_id
         JOIN organizations cn ON cn.id = m.cn_organization_id`;

export interface MeetingTransitionNotice {
  meetingId: string;
  action: string;
  from: MeetingStatus | null;
  to: MeetingStatus;
  note: string | null;
  /** Not told about their own action. */
  actorId: string | null;
  /** Also tell the bureau (a request waiting for its review). */
  notifyBureau: boolean;
}

@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: SEND_NOTIFICATIONS_JOB, cron: '* * * * *', handler: () => this.sendPending() });
  }

  /**
   * Queues one notification per affected user — every delegate of both parties but the
   * actor, and the bureau when asked — in the caller's transaction, so a transition and
   * its notifications commit or roll back together. Returns how many were queued.
   */
  async queueMeetingTransition(tx: EntityManager, n: MeetingTransitionNotice): Promise<number> {
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
      [n.meetingId, n.action, n.from, n.to, n.note, this.clock.now(), n.notifyBureau, n.actorId],
    );
    return rows.length;
  }

  /**
   * Queues a 'meeting.message' notification for every delegate of the other party (both
   * parties when the bureau writes), in the author's transaction; the payload carries an excerpt of the message
   * (the thread itself is read on the meeting page). Returns how many were queued.
   */
  async queueMeetingMessage(
    tx: EntityManager,
    n: { meetingId: string; authorId: string; authorOrganizationId: string | null; excerpt: string },
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
      [n.meetingId, n.excerpt, this.clock.now(), n.authorId, n.authorOrganizationId],
    );
    return rows.length;
  }

  /** Mails queued notifications soon (after the caller's commit); the cron run is the fallback. */
  async kick(): Promise<void> {
    await this.jobs.trigger(SEND_NOTIFICATIONS_JOB);
  }

  async list(caller: AuthUser, query: NotificationQueryDto): Promise<Page<NotificationView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
    const qb = this.db.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me', { me: caller.id });
    if (query.unread === true) qb.andWhere('n.read_at IS NULL');
    if (query.unread === false) qb.andWhere('n.read_at IS NOT NULL');
    const [rows, total] = await qb
      .orderBy('n.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((n) => notificationView(n, caller)), page, pageSize, total };
  }

  async markRead(caller: AuthUser, id: string): Promise<NotificationView> {
    const repo = this.db.getRepository(Notification);
    const found = /^\d{1,18}$/.test(id) ? await repo.findOneBy({ id, userId: caller.id }) : null;
    if (!found) throw new DomainError('NOTIFICATION_NOT_FOUND', `no notification ${id}`);
    if (!found.readAt) {
      found.readAt = this.clock.now();
      await repo.update({ id }, { readAt: found.readAt });
    }
    return notificationView(found, caller);
  }

  /**
   * Mails pending notifications, oldest first. Rows are claimed with SKIP LOCKED, so
   * two runs never mail the same one; a failed mail is retried on later runs.
   */
  async sendPending(limit = 100): Promise<{ sent: number; failed: number; skipped: number }> {
    const result = { sent: 0, failed: 0, skipped: 0 };
    await this.db.transaction(async (tx) => {
      const rows: { id: string; payload: MeetingNotificationPayload; email: string; locale: Locale; organization_id: string | null; attempts: number }[] =
        await tx.query(
          `SELECT n.id, n.payload, n.email_attempts AS attempts, u.email, u.locale, u.organization_id
             FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.email_status = 'pending'
            ORDER BY n.id
            LIMIT $1
            FOR UPDATE OF n SKIP LOCKED`,
          [limit],
        );
      for (const row of rows) {
        try {
          await this.mail.send({ to: row.email, ...meetingMail(row.payload, row.organization_id, row.locale) });
          await tx.query(`UPDATE notifications SET email_status = 'sent', emailed_at = $2, email_attempts = email_attempts + 1 WHERE id = $1`, [
            row.id,
            this.clock.now(),
          ]);
          result.sent++;
        } catch (error) {
          const givenUp = row.attempts + 1 >= MAX_MAIL_ATTEMPTS;
          await tx.query(`UPDATE notifications SET email_attempts = email_attempts + 1, email_status = $2 WHERE id = $1`, [
            row.id,
            givenUp ? 'failed' : 'pending',
          ]);
          this.logger.warn(`mail for notification ${row.id} failed: ${(error as Error).message}`);
          result.failed++;
        }
      }
    });
    return result;
  }
}

function notificationView(n: Notification, caller: AuthUser): NotificationView {
  const p = n.payload;
  const counterpartName = !caller.organizationId ? null : caller.organizationId === p.jpOrganizationId ? p.cnName : p.jpName;
  return {
    id: n.id,
    kind: n.kind,
    meetingId: n.meetingId,
    action: p.action,
    from: p.from,
    to: p.to,
    counterpartName,
    note: p.note,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
