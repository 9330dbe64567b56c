import { Column, CreateDateColumn, Entity, ManyToOne, JoinColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, Relation } from 'typeorm';
import type { CooperationType, OfferStatus, Sector } from '@jinan/contracts';
import { Organization } from '../organizations/organization.entity';

/** numeric columns arrive from pg as strings; the API speaks numbers. */
const numeric = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity('offers')
export class Offer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  sector!: Sector;

  @Column({ name: 'cooperation_type', type: 'text' })
  cooperationType!: CooperationType;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh!: string;

  @Column({ name: 'title_ja', type: 'text', nullable: true })
  titleJa!: string | null;

  @Column({ name: 'title_en', type: 'text', nullable: true })
  titleEn!: string | null;

  @Column({ name: 'summary_zh', type: 'text' })
  summaryZh!: string;

  @Column({ name: 'summary_ja', type: 'text', nullable: true })
  summaryJa!: string | null;

  @Column({ name: 'summary_en', type: 'text', nullable: true })
  summaryEn!: string | null;

  @Column({ name: 'partner_sought', type: 'text', nullable: true })
  partnerSought!: string | null;

  @Column({ name: 'investment_min_mcny', type: 'numeric', nullable: true, transformer: numeric })
  investmentMinMcny!: number | null;

  @Column({ name: 'investment_max_mcny', type: 'numeric', nullable: true, transformer: numeric })
  investmentMaxMcny!: number | null;

  @Column({ type: 'text' })
  status!: OfferStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'search_text', type: 'text', select: false })
  searchText!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
