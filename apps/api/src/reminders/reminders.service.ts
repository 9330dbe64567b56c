import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REMINDER_KINDS, ReminderKind, ReminderRecipientView, RemindersRunView } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { reminderSettings } from '../editions/edition.view';
import { loadEdition } from '../editions/editions';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { claimAndNotify, DueReminder, dueReminders, openEditionIds } from './reminders.queries';

export const SEND_REMINDERS_JOB = 'reminders-send';

/**
 * Reminders that move people (issue 17): firms with no request, answers about to expire,
 * published slots not confirmed, feedback and the 90-day follow-up. A pg-boss cron job
 * runs a round every 10 minutes (one instance per tick); the bureau can preview or send a
 * round now. Each reminder goes once per (kind, user, subject), enforced by the database,
 * in the app and — unless the user opted out — by e-mail, in the user's language.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: SEND_REMINDERS_JOB, cron: '*/10 * * * *', handler: () => this.sendAll() });
  }

  /** A round over every open edition, by the job (and by tests with their clock). */
  async sendAll(): Promise<RemindersRunView[]> {
    const views: RemindersRunView[] = [];
    for (const id of await openEditionIds(this.db.manager)) views.push(await this.round(id, false, null));
    return views;
  }

  /** POST /api/events/:eventId/reminders/run: who would be reminded (dryRun) or a round sent now; audited either way. */
  run(caller: AuthUser, editionId: string, dryRun: boolean): Promise<RemindersRunView> {
    return this.round(editionId, dryRun, caller);
  }

  private async round(editionId: string, dryRun: boolean, caller: AuthUser | null): Promise<RemindersRunView> {
    const now = this.clock.now();
    const edition = await loadEdition(this.db, editionId);
    const due = await dueReminders(this.db.manager, editionId, now, reminderSettings(edition));
    const sent = await this.db.transaction(async (tx) => {
      const claimed = dryRun ? due : await claimAndNotify(tx, editionId, due, now);
      // The job's rounds that send nothing are not worth an audit row; the bureau's always are.
      if (caller || claimed.length) {
        await this.audit.record(tx, {
          actorId: caller?.id ?? null,
          action: dryRun ? 'reminders.preview' : 'reminders.send',
          entity: 'event',
          entityId: editionId,
          editionId,
          details: { at: now.toISOString(), counts: countByKind(claimed) },
        });
      }
      return claimed;
    });
    if (!dryRun && sent.length) await this.notifications.kick();
    return { editionId, dryRun, at: now.toISOString(), recipients: byKind(sent) };
  }
}

function byKind(rows: DueReminder[]): Record<ReminderKind, ReminderRecipientView[]> {
  const out = Object.fromEntries(REMINDER_KINDS.map((k) => [k, [] as ReminderRecipientView[]])) as Record<ReminderKind, ReminderRecipientView[]>;
  for (const r of rows) out[r.kind].push({ userId: r.user_id, email: r.email, organizationId: r.organization_id, subjectId: r.subject_id });
  return out;
}

function countByKind(rows: DueReminder[]): Record<ReminderKind, number> {
  return Object.fromEntries(Object.entries(byKind(rows)).map(([k, v]) => [k, v.length])) as Record<ReminderKind, number>;
}
