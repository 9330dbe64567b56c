import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Sector, SessionKind } from '@jinan/contracts';
import { Edition } from './edition.entity';
import { Slot } from './slot.entity';
import { NegotiationTable } from './negotiation-table.entity';

/** A block of the programme: plenary, a sector's negotiation session, a site visit or a break. */
@Entity('programme_sessions')
export class ProgrammeSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, (e) => e.sessions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'text' })
  kind!: SessionKind;

  @Column({ type: 'text', nullable: true })
  sector!: Sector | null;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh!: string;

  @Column({ name: 'title_ja', type: 'text' })
  titleJa!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'slot_minutes', type: 'smallint', nullable: true })
  slotMinutes!: number | null;

  @Column({ name: 'table_count', type: 'smallint', nullable: true })
  tableCount!: number | null;

  /** Chinese–Japanese / Chinese–English interpreters available in each slot. */
  @Column({ type: 'smallint', nullable: true })
  interpreters!: number | null;

  @OneToMany(() => Slot, (s) => s.session)
  slots?: Relation<Slot[]>;

  @OneToMany(() => NegotiationTable, (t) => t.session)
  tables?: Relation<NegotiationTable[]>;
}
