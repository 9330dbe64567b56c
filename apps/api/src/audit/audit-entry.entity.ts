import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what, when: every bureau action lands here. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entity!: string;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId!: string | null;

  @Column({ name: 'edition_id', type: 'uuid', nullable: true })
  editionId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
