import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, Relation } from 'typeorm';
import type { EditionStatus, GapScope, ReminderSettings, SchedulingMode } from '@jinan/contracts';
import { ProgrammeSession } from './programme-session.entity';

/** One yearly edition of the conference ("event" on the wire). */
@Entity('editions')
export class Edition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Column({ name: 'name_ja', type: 'text' })
  nameJa!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  /** The event's IANA zone: every local date and time of the edition is in it. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** Local dates (yyyy-MM-dd) in the edition's zone; pg `date` kept as a string. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ name: 'slot_minutes', type: 'smallint' })
  slotMinutes!: number;

  @Column({ name: 'max_meetings_per_org_per_day', type: 'smallint' })
  maxMeetingsPerOrgPerDay!: number;

  @Column({ name: 'max_pending_requests', type: 'smallint' })
  maxPendingRequests!: number;

  @Column({ type: 'text' })
  status!: EditionStatus;

  /** Who gives meetings a time: the bureau's optimiser, or the parties themselves. */
  @Column({ name: 'scheduling_mode', type: 'text', default: 'organiser' })
  schedulingMode!: SchedulingMode;

  /** Where the scheduler counts idle gaps: per half-day, or per day when the half-days run on without a break. */
  @Column({ name: 'gap_scope', type: 'text', default: 'half_day' })
  gapScope!: GapScope;

  /** Only the settings the bureau changed; the rest are DEFAULT_REMINDER_SETTINGS. */
  @Column({ name: 'reminder_settings', type: 'jsonb', default: {} })
  reminderSettings!: Partial<ReminderSettings>;

  @Column({ name: 'requests_open_at', type: 'timestamptz', nullable: true })
  requestsOpenAt!: Date | null;

  @OneToMany(() => ProgrammeSession, (s) => s.edition)
  sessions?: Relation<ProgrammeSession[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
