import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CooperationType, Country, Language, Sector, SizeBand, VerificationState } from '@jinan/contracts';

@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  country!: Country;

  @Column({ name: 'name_zh', type: 'text', nullable: true })
  nameZh!: string | null;

  @Column({ name: 'name_ja', type: 'text', nullable: true })
  nameJa!: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn!: string | null;

  @Column({ type: 'text', array: true })
  sectors!: Sector[];

  @Column({ name: 'size_band', type: 'text' })
  sizeBand!: SizeBand;

  @Column({ type: 'text', array: true })
  languages!: Language[];

  /** How many meetings the organization can hold in parallel. */
  @Column({ type: 'smallint' })
  delegates!: number;

  @Column({ name: 'cooperation_types', type: 'text', array: true })
  cooperationTypes!: CooperationType[];

  @Column({ name: 'seeks_zh', type: 'text', nullable: true })
  seeksZh!: string | null;

  @Column({ name: 'seeks_ja', type: 'text', nullable: true })
  seeksJa!: string | null;

  @Column({ name: 'seeks_en', type: 'text', nullable: true })
  seeksEn!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  @Column({ type: 'text' })
  verification!: VerificationState;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'search_text', type: 'text', select: false })
  searchText!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
