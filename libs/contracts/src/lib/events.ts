import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SECTORS, Sector } from './enums';
import { LIMITS, named } from './validation';

export const SESSION_KINDS = ['plenary', 'negotiation', 'site_visit', 'break'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const EDITION_STATUSES = ['draft', 'open', 'closed'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateEditionDto {
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(2020, named('must be 2020 or later'))
  @Max(2100, named('must be 2100 or earlier'))
  year!: number;

  @IsOptional()
  @IsString(named('must be a string'))
  @MaxLength(64, named('must be at most 64 characters'))
  timeZone?: string;

  /** Overrides the default dates (last Thursday and Friday of May). */
  @IsOptional()
  @Matches(ISO_DATE, named('must be a date as yyyy-mm-dd'))
  startDate?: string;

  @IsOptional()
  @Matches(ISO_DATE, named('must be a date as yyyy-mm-dd'))
  endDate?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(5, named('must be at least 5'))
  @Max(120, named('must be at most 120'))
  slotMinutes?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(500, named('must be at most 500'))
  tablesPerSession?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(0, named('must not be negative'))
  @Max(500, named('must be at most 500'))
  interpretersPerSession?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(50, named('must be at most 50'))
  maxMeetingsPerOrgPerDay?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(500, named('must be at most 500'))
  maxPendingRequests?: number;
}

/** Edits one programme session; slots and tables are regenerated from the new shape. */
export class UpdateSessionDto {
  @IsOptional()
  @IsISO8601({ strict: true }, named('must be an ISO 8601 date-time with offset'))
  startsAt?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, named('must be an ISO 8601 date-time with offset'))
  endsAt?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(5, named('must be at least 5'))
  @Max(120, named('must be at most 120'))
  slotMinutes?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(500, named('must be at most 500'))
  tableCount?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(0, named('must not be negative'))
  @Max(500, named('must be at most 500'))
  interpreters?: number;

  @IsOptional()
  @IsString(named('must be a string'))
  @MinLength(1, named('must not be empty'))
  @MaxLength(LIMITS.name, named(`must be at most ${LIMITS.name} characters`))
  venue?: string;
}

export interface SlotView {
  id: string;
  index: number;
  startsAt: string;
  endsAt: string;
}

export interface TableView {
  id: string;
  number: number;
  label: string | null;
}

export interface SessionView {
  id: string;
  kind: SessionKind;
  sector: Sector | null;
  title: { zh: string; ja: string; en: string };
  venue: string | null;
  startsAt: string;
  endsAt: string;
  slotMinutes: number | null;
  tableCount: number | null;
  /** Interpreters available in each slot of a negotiation session. */
  interpreters: number | null;
  slots: SlotView[];
  tables: TableView[];
}

export interface EditionSummary {
  id: string;
  year: number;
  name: { zh: string; ja: string; en: string };
  timeZone: string;
  startDate: string;
  endDate: string;
  status: EditionStatus;
}

export interface EditionView extends EditionSummary {
  slotMinutes: number;
  maxMeetingsPerOrgPerDay: number;
  maxPendingRequests: number;
  sessions: SessionView[];
}

