import { Type } from 'class-transformer';
import { IsDefined, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { COOPERATION_TYPES, CooperationType, SECTORS, Sector } from './enums';
import { PageQueryDto } from './pagination';
import { LIMITS, named, Presence } from './validation';
import { OneOf, Text } from './fields';

export const OFFER_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Offer fields, required on creation and optional on update (one definition for both). */
function offerDto(presence: Presence) {
  const Present = presence === 'required' ? () => IsDefined(named('is required')) : () => IsOptional();

  class Offer {
    @Present()
    @OneOf(SECTORS)
    sector!: Sector;

    @Present()
    @OneOf(COOPERATION_TYPES)
    cooperationType!: CooperationType;

    /** Chinese title and summary are mandatory; Japanese or English come alongside. */
    @Present()
    @Text(LIMITS.name, 2)
    titleZh!: string;

    @IsOptional()
    @Text(LIMITS.name)
    titleJa?: string;

    @IsOptional()
    @Text(LIMITS.name)
    titleEn?: string;

    @Present()
    @Text(LIMITS.longText, 2)
    summaryZh!: string;

    @IsOptional()
    @Text(LIMITS.longText)
    summaryJa?: string;

    @IsOptional()
    @Text(LIMITS.longText)
    summaryEn?: string;

    @IsOptional()
    @Text(LIMITS.longText)
    partnerSought?: string;

    /** Investment range in millions of CNY. */
    @IsOptional()
    @Type(() => Number)
    @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, named('must be a number'))
    @Min(0, named('must not be negative'))
    @Max(1_000_000, named('must be at most 1000000'))
    investmentMinMcny?: number;

    @IsOptional()
    @Type(() => Number)
    @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, named('must be a number'))
    @Min(0, named('must not be negative'))
    @Max(1_000_000, named('must be at most 1000000'))
    investmentMaxMcny?: number;
  }
  return Offer;
}

export class CreateOfferDto extends offerDto('required') {}
export class UpdateOfferDto extends offerDto('optional') {}

export class OfferQueryDto extends PageQueryDto {
  @IsOptional()
  @OneOf(SECTORS)
  sector?: Sector;

  @IsOptional()
  @OneOf(COOPERATION_TYPES)
  cooperationType?: CooperationType;

  @IsOptional()
  @Text(LIMITS.searchQuery)
  q?: string;

  /** `mine` lists the caller's own offers in every status. */
  @IsOptional()
  @OneOf(['mine'])
  scope?: 'mine';
}

/** Words of a search query an offer matched, in each viewer locale (for highlighting). */
export interface MatchedTermsView {
  en: string[];
  ja: string[];
  'zh-CN': string[];
}

export interface OfferView {
  id: string;
  organizationId: string;
  organizationName: { zh: string | null; ja: string | null; en: string | null };
  sector: Sector;
  cooperationType: CooperationType;
  titleZh: string;
  titleJa: string | null;
  titleEn: string | null;
  summaryZh: string;
  summaryJa: string | null;
  summaryEn: string | null;
  partnerSought: string | null;
  investmentMinMcny: number | null;
  investmentMaxMcny: number | null;
  status: OfferStatus;
  publishedAt: string | null;
  version: number;
  updatedAt: string;
  /** Only in results of a search (`q`): the query's words this offer matched, per locale. */
  matched?: MatchedTermsView;
}
