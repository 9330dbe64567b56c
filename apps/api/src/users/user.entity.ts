import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale, Role } from '@jinan/contracts';

/** What the registrant agreed to share (PIPL / APPI), recorded with a timestamp. */
export interface Consent {
  shareProfile: boolean;
  shareContactWithAcceptedCounterparts: boolean;
  recordedAt: string;
}

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'citext' })
  email!: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text' })
  locale!: Locale;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** false: reminders reach this user in the app only, not by e-mail. */
  @Column({ name: 'email_reminders', type: 'boolean', default: true })
  emailReminders!: boolean;

  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion!: number;

  @Column({ type: 'jsonb' })
  consent!: Consent | Record<string, never>;

  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
