import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingStatus, NotificationKind, ReminderKind } from '@jinan/contracts';

export interface MeetingNotificationPayload {
  action: string;
  from: MeetingStatus | null;
  to: MeetingStatus;
  note: string | null;
  jpOrganizationId: string;
  jpName: { zh: string | null; ja: string | null; en: string | null };
  cnName: { zh: string | null; ja: string | null; en: string | null };
  /** Reminders (action remind_<kind>): which one. */
  reminder?: ReminderKind;
}

/** The outbox: queued with the change it reports, listed in the app, then mailed. */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: MeetingNotificationPayload;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'email_status', type: 'text' })
  emailStatus!: 'pending' | 'sent' | 'failed' | 'skipped';

  @Column({ name: 'email_attempts', type: 'smallint' })
  emailAttempts!: number;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;
}
