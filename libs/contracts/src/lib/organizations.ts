import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsUrl, MaxLength, IsDefined } from 'class-validator';
import { COOPERATION_TYPES, CooperationType, Country, LANGUAGES, Language, SECTORS, Sector, SIZE_BANDS, SizeBand } from './enums';
import { PageQueryDto } from './pagination';
import { LIMITS, named, Presence } from './validation';
import { IntIn, OneOf, Text } from './fields';

export const VERIFICATION_STATES = ['pending', 'verified', 'rejected'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/**
 * Builds the profile DTO with every field either required (registration) or optional
 * (partial update), so the two stay one definition.
 */
function organizationProfileDto(presence: Presence) {
  const Present = presence === 'required' ? () => IsDefined(named('is required')) : () => IsOptional();

  class OrganizationProfile {
    @IsOptional()
    @Text(LIMITS.name, 1)
    nameZh?: string;

    @IsOptional()
    @Text(LIMITS.name, 1)
    nameJa?: string;

    @IsOptional()
    @Text(LIMITS.name, 1)
    nameEn?: string;

    @Present()
    @IsArray(named('must be an array'))
    @ArrayMinSize(1, named('must name at least one sector'))
    @ArrayMaxSize(SECTORS.length)
    @ArrayUnique(named('must not repeat a sector'))
    @OneOf(SECTORS, true)
    sectors!: Sector[];

    @Present()
    @OneOf(SIZE_BANDS)
    sizeBand!: SizeBand;

    @Present()
    @IsArray(named('must be an array'))
    @ArrayMinSize(1, named('must name at least one language'))
    @ArrayMaxSize(LANGUAGES.length)
    @ArrayUnique(named('must not repeat a language'))
    @OneOf(LANGUAGES, true)
    languages!: Language[];

    /** Delegates able to sit in parallel meetings. */
    @IsOptional()
    @IntIn(1, 10)
    delegates?: number;

    @IsOptional()
    @IsArray(named('must be an array'))
    @ArrayMaxSize(COOPERATION_TYPES.length)
    @ArrayUnique(named('must not repeat a type'))
    @OneOf(COOPERATION_TYPES, true)
    cooperationTypes?: CooperationType[];

    @IsOptional()
    @Text(LIMITS.longText)
    seeksZh?: string;

    @IsOptional()
    @Text(LIMITS.longText)
    seeksJa?: string;

    @IsOptional()
    @Text(LIMITS.longText)
    seeksEn?: string;

    @IsOptional()
    @Text(LIMITS.longText)
    description?: string;

    @IsOptional()
    @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, named('must be an http(s) URL'))
    @MaxLength(LIMITS.shortText, named(`must be at most ${LIMITS.shortText} characters`))
    website?: string;

    @IsOptional()
    @Text(LIMITS.name)
    city?: string;
  }
  return OrganizationProfile;
}

export class OrganizationProfileDto extends organizationProfileDto('required') {}
export class UpdateOrganizationDto extends organizationProfileDto('optional') {}

export class OrganizationQueryDto extends PageQueryDto {
  @IsOptional()
  @OneOf(SECTORS)
  sector?: Sector;

  @IsOptional()
  @OneOf(['JP', 'CN'])
  country?: Country;

  @IsOptional()
  @OneOf(VERIFICATION_STATES)
  verification?: VerificationState;

  @IsOptional()
  @Text(LIMITS.searchQuery)
  q?: string;
}

export class VerifyOrganizationDto {
  @OneOf(['verified', 'rejected'])
  decision!: 'verified' | 'rejected';

  @IsOptional()
  @Text(LIMITS.shortText)
  note?: string;
}

export interface OrganizationView {
  id: string;
  country: Country;
  nameZh: string | null;
  nameJa: string | null;
  nameEn: string | null;
  sectors: Sector[];
  sizeBand: SizeBand;
  languages: Language[];
  delegates: number;
  cooperationTypes: CooperationType[];
  seeksZh: string | null;
  seeksJa: string | null;
  seeksEn: string | null;
  description: string | null;
  website: string | null;
  city: string | null;
  verification: VerificationState;
  version: number;
  updatedAt: string;
}
