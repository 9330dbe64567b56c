import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  IsDefined,
} from 'class-validator';
import {
  COOPERATION_TYPES,
  CooperationType,
  Country,
  LANGUAGES,
  Language,
  SECTORS,
  Sector,
  SIZE_BANDS,
  SizeBand,
} from './enums';
import { PageQueryDto } from './pagination';
import { LIMITS, named, Presence } from './validation';

export const VERIFICATION_STATES = ['pending', 'verified', 'rejected'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

const oneOf = (values: readonly string[]) => named(`must be one of: ${values.join(', ')}`);

/**
 * Builds the profile DTO with every field either required (registration) or optional
 * (partial update), so the two stay one definition.
 */
function organizationProfileDto(presence: Presence) {
  const Present = presence === 'required' ? () => IsDefined(named('is required')) : () => IsOptional();

  class OrganizationProfile {
    @IsOptional()
    @IsString(named('must be a string'))
    @MinLength(1, named('must not be empty'))
    @MaxLength(LIMITS.name, named(`must be at most ${LIMITS.name} characters`))
    nameZh?: string;

    @IsOptional()
    @IsString(named('must be a string'))
    @MinLength(1, named('must not be empty'))
    @MaxLength(LIMITS.name, named(`must be at most ${LIMITS.name} characters`))
    nameJa?: string;

    @IsOptional()
    @IsString(named('must be a string'))
    @MinLength(1, named('must not be empty'))
    @MaxLength(LIMITS.name, named(`must be at most ${LIMITS.name} characters`))
    nameEn?: string;

    @Present()
    @IsArray(named('must be an array'))
    @ArrayMinSize(1, named('must name at least one sector'))
    @ArrayMaxSize(SECTORS.length)
    @ArrayUnique(named('must not repeat a sector'))
    @IsIn(SECTORS, { each: true, ...oneOf(SECTORS) })
    sectors!: Sector[];

    @Present()
    @IsIn(SIZE_BANDS, oneOf(SIZE_BANDS))
    sizeBand!: SizeBand;

    @Present()
    @IsArray(named('must be an array'))
    @ArrayMinSize(1, named('must name at least one language'))
    @ArrayMaxSize(LANGUAGES.length)
    @ArrayUnique(named('must not repeat a language'))
    @IsIn(LANGUAGES, { each: true, ...oneOf(LANGUAGES) })
    languages!: Language[];

    /** Delegates able to sit in parallel meetings. */
    @IsOptional()
    @Type(() => Number)
    @IsInt(named('must be an integer'))
    @Min(1, named('must be at least 1'))
    @Max(10, named('must be at most 10'))
    delegates?: number;

    @IsOptional()
    @IsArray(named('must be an array'))
    @ArrayMaxSize(COOPERATION_TYPES.length)
    @ArrayUnique(named('must not repeat a type'))
    @IsIn(COOPERATION_TYPES, { each: true, ...oneOf(COOPERATION_TYPES) })
    cooperationTypes?: CooperationType[];

    @IsOptional()
    @IsString(named('must be a string'))
    @MaxLength(LIMITS.longText, named(`must be at most ${LIMITS.longText} characters`))
    seeksZh?: string;

    @IsOptional()
    @IsString(named('must be a string'))
    @MaxLength(LIMITS.longText, named(`must be at most ${LIMITS.longText} characters`))
    seeksJa?: string;

    @IsOptional()
    @IsString(named('must be a string'))
    @MaxLength(LIMITS.longText, named(`must be at most ${LIMITS.longText} characters`))
    seeksEn?: string;

    @IsOptional()
    @IsString(named('must be a string'))
    @MaxLength(LIMITS.longText, named(`must be at most ${LIMITS.longText} characters`))
    description?: string;

    @IsOptional()
    @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, named('must be an http(s) URL'))
    @MaxLength(LIMITS.shortText, named(`must be at most ${LIMITS.shortText} characters`))
    website?: string;

    @IsOptional()
    @IsString(named('must be a string'))
    @MaxLength(LIMITS.name, named(`must be at most ${LIMITS.name} characters`))
    city?: string;
  }
  return OrganizationProfile;
}

export class OrganizationProfileDto extends organizationProfileDto('required') {}
export class UpdateOrganizationDto extends organizationProfileDto('optional') {}

export class OrganizationQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(SECTORS, oneOf(SECTORS))
  sector?: Sector;

  @IsOptional()
  @IsIn(['JP', 'CN'], oneOf(['JP', 'CN']))
  country?: Country;

  @IsOptional()
  @IsIn(VERIFICATION_STATES, oneOf(VERIFICATION_STATES))
  verification?: VerificationState;

  @IsOptional()
  @IsString(named('must be a string'))
  @MaxLength(LIMITS.searchQuery, named(`must be at most ${LIMITS.searchQuery} characters`))
  q?: string;
}

export class VerifyOrganizationDto {
  @IsIn(['verified', 'rejected'], oneOf(['verified', 'rejected']))
  decision!: 'verified' | 'rejected';

  @IsOptional()
  @IsString(named('must be a string'))
  @MaxLength(LIMITS.shortText, named(`must be at most ${LIMITS.shortText} characters`))
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
