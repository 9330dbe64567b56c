import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ProgrammeSession } from './programme-session.entity';

/** A numbered table of a negotiation session: one meeting per slot. */
@Entity('negotiation_tables')
export class NegotiationTable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => ProgrammeSession, (s) => s.tables, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<ProgrammeSession>;

  @Column({ type: 'smallint' })
  number!: number;

  @Column({ type: 'text', nullable: true })
  label!: string | null;
}
