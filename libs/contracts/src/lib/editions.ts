import { IsISO8601, IsOptional, Matches } from 'class-validator';
import type { Sector } from './enums';
import type { GapScope, ReminderSettings, SchedulingMode } from './organiser';
import { LIMITS, named } from './validation';
import { IntIn, Text } from './fields';

export const SESSION_KINDS = ['plenary', 'negotiation', 'site_visit', 'break'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const EDITION_STATUSES = ['draft', 'open', 'closed'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateEditionDto {
  @IntIn(2020, 2100)
  year!: number;

  @IsOptional()
  @Text(64)
  timeZone?: string;

  /** Overrides the default dates (last Thursday and Friday of May). */
  @IsOptional()
  @Matches(ISO_DATE, named('must be a date as yyyy-mm-dd'))
  startDate?: string;

  @IsOptional()
  @Matches(ISO_DATE, named('must be a date as yyyy-mm-dd'))
  endDate?: string;

  @IsOptional()
  @IntIn(5, 120)
  slotMinutes?: number;

  @IsOptional()
  @IntIn(1, 500)
  tablesPerSession?: number;

  @IsOptional()
  @IntIn(0, 500)
  interpretersPerSession?: number;

  @IsOptional()
  @IntIn(1, 50)
  maxMeetingsPerOrgPerDay?: number;

  @IsOptional()
  @IntIn(1, 500)
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
  @IntIn(5, 120)
  slotMinutes?: number;

  @IsOptional()
  @IntIn(1, 500)
  tableCount?: number;

  @IsOptional()
  @IntIn(0, 500)
  interpreters?: number;

  @IsOptional()
  @Text(LIMITS.name, 1)
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
  schedulingMode: SchedulingMode;
  /** Where the scheduler counts idle gaps. */
  gapScope: GapScope;
  reminders: ReminderSettings;
  /** When requests opened (the edition's creation unless the bureau set it). */
  requestsOpenAt: string;
  slotMinutes: number;
  maxMeetingsPerOrgPerDay: number;
  maxPendingRequests: number;
  sessions: SessionView[];
}
