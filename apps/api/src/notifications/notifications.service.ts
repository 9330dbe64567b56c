import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { MeetingStatus, NotificationQueryDto, NotificationView, Page, PAGE_SIZE_DEFAULT } from '@jinan/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from './mail.service';
import { Notification } from './notification.entity';
import { meetingMail } from './notification-mail';
import {
  claimPendingMails,
  insertMessageNotices,
  insertTransitionNotices,
  insertTransitionNoticesFor,
  markMailed,
  markMailFailed,
  markNotificationRead,
  userNotification,
  userNotifications,
} from './notifications.queries';

export const SEND_NOTIFICATIONS_JOB = 'notifications-send';
export const PUBLISH_NOTICES_JOB = 'notifications-publish';

/** A publish's notices, queued in the publisher's transaction (queuePublishNotices). */
export interface PublishNotices {
  /** Written once: a retried job finds it in notice_batches. */
  batch: string;
  meetingIds: string[];
  actorId: string;
  /** The publish's time (ISO), the notices' created_at. */
  at: string;
}

/** After this many failed attempts a mail is given up (the notification stays listed). */
const MAX_MAIL_ATTEMPTS = 5;

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
    this.jobs.registerWorker<PublishNotices>({
      name: PUBLISH_NOTICES_JOB,
      expireInSeconds: 300,
      retryLimit: 5,
      handler: (job) => this.writePublishNotices(job),
    });
  }

  /**
   * The notices of meetings just published (one per delegate of both parties but the actor),
   * queued in the publisher's transaction as one job that writes them after the commit: at 100×
   * a session's 11,000 meetings have 22,000 notices, and writing them took about as long as
   * publishing. Where jobs do not run in this instance they are written in the transaction.
   */
  async queuePublishNotices(tx: EntityManager, meetingIds: string[], actorId: string, now: Date): Promise<void> {
    if (!meetingIds.length) return;
    if (!this.jobs.canEnqueue) {
      await insertTransitionNoticesFor(tx, meetingIds, publishNotice(actorId), now);
      return;
    }
    const data: PublishNotices = { batch: randomUUID(), meetingIds, actorId, at: now.toISOString() };
    await this.jobs.enqueueIn(tx, PUBLISH_NOTICES_JOB, [{ data }]);
  }

  /** Writes a queued publish's notices once (a retried job finds its batch), then mails them soon. */
  async writePublishNotices(job: PublishNotices): Promise<number> {
    const written = await this.db.transaction(async (tx) => {
      const claimed: unknown[] = await tx.query(`INSERT INTO notice_batches (id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id`, [job.batch]);
      return claimed.length ? insertTransitionNoticesFor(tx, job.meetingIds, publishNotice(job.actorId), new Date(job.at)) : 0;
    });
    if (written) await this.kick();
    return written;
  }

  /**
   * Queues one notification per affected user — every delegate of both parties but the
   * actor, and the bureau when asked — in the caller's transaction, so a transition and
   * its notifications commit or roll back together. Returns how many were queued.
   */
  async queueMeetingTransition(tx: EntityManager, n: MeetingTransitionNotice): Promise<number> {
    return insertTransitionNotices(tx, n, this.clock.now());
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
    return insertMessageNotices(tx, n, this.clock.now());
  }

  /** Mails queued notifications soon (after the caller's commit); the cron run is the fallback. */
  async kick(): Promise<void> {
    await this.jobs.trigger(SEND_NOTIFICATIONS_JOB);
  }

  async list(caller: AuthUser, query: NotificationQueryDto): Promise<Page<NotificationView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
    const [rows, total] = await userNotifications(this.db.manager, caller.id, query.unread, page, pageSize);
    return { items: rows.map((n) => notificationView(n, caller)), page, pageSize, total };
  }

  async markRead(caller: AuthUser, id: string): Promise<NotificationView> {
    const found = /^\d{1,18}$/.test(id) ? await userNotification(this.db.manager, id, caller.id) : null;
    if (!found) throw new DomainError('NOTIFICATION_NOT_FOUND', `no notification ${id}`);
    if (!found.readAt) {
      found.readAt = this.clock.now();
      await markNotificationRead(this.db.manager, id, found.readAt);
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
      const rows = await claimPendingMails(tx, limit);
      for (const row of rows) {
        try {
          await this.mail.send({ to: row.email, ...meetingMail(row.payload, row.organization_id, row.locale) });
          await markMailed(tx, row.id, this.clock.now());
          result.sent++;
        } catch (error) {
          const givenUp = row.attempts + 1 >= MAX_MAIL_ATTEMPTS;
          await markMailFailed(tx, row.id, givenUp);
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
    // The bureau is told which two organisations, so no notification reads " requested a meeting".
    ...(!caller.organizationId && p.jpName && p.cnName ? { parties: { jp: p.jpName, cn: p.cnName } } : {}),
    note: p.note,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

/** A publish, as its notices say: the slot is fixed (scheduled → scheduled). */
function publishNotice(actorId: string) {
  return { action: 'publish', from: 'scheduled', to: 'scheduled', note: null, actorId };
}
