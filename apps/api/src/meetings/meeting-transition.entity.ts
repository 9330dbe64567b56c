import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingActorSide, MeetingStatus } from '@jinan/contracts';

/** One row per change of a meeting: the audit trail of GET /api/meetings/:id/history. */
@Entity('meeting_transitions')
export class MeetingTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  /** null: the platform (expiry job, scheduler). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: MeetingActorSide;

  @Column({ type: 'text' })
  action!: string;

  /** null for the creation of the meeting. */
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: MeetingStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: MeetingStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
