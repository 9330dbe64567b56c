import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { MeetingOrigin, MeetingStatus, Sector } from '@jinan/contracts';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';

/**
 * A meeting between one Japanese firm and one Ji'nan company in one edition
 * (docs/product.md §3). Status changes only through MeetingTransitionsService, which
 * compares and swaps `version`; timestamps are written from the injected clock.
 */
@Entity('meetings')
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @Column({ name: 'jp_organization_id', type: 'uuid' })
  jpOrganizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'jp_organization_id' })
  jpOrganization?: Relation<Organization>;

  @Column({ name: 'cn_organization_id', type: 'uuid' })
  cnOrganizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'cn_organization_id' })
  cnOrganization?: Relation<Organization>;

  @Column({ name: 'offer_id', type: 'uuid', nullable: true })
  offerId!: string | null;

  @ManyToOne(() => Offer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'offer_id' })
  offer?: Relation<Offer> | null;

  @Column({ type: 'text' })
  origin!: MeetingOrigin;

  /** The negotiation session it belongs in: the offer's sector, else one both share. */
  @Column({ type: 'text' })
  sector!: Sector;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'smallint' })
  priority!: number;

  @Column({ type: 'text' })
  status!: MeetingStatus;

  /** Raised by every transition; the compare-and-swap key. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'answer_deadline', type: 'timestamptz', nullable: true })
  answerDeadline!: Date | null;

  @Column({ name: 'jp_accepted_at', type: 'timestamptz', nullable: true })
  jpAcceptedAt!: Date | null;

  @Column({ name: 'cn_accepted_at', type: 'timestamptz', nullable: true })
  cnAcceptedAt!: Date | null;

  @Column({ name: 'slot_published_at', type: 'timestamptz', nullable: true })
  slotPublishedAt!: Date | null;

  @Column({ name: 'jp_confirmed_at', type: 'timestamptz', nullable: true })
  jpConfirmedAt!: Date | null;

  @Column({ name: 'cn_confirmed_at', type: 'timestamptz', nullable: true })
  cnConfirmedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
