import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import type { Sector } from './enums';
import { named } from './validation';
import { IntIn, Text } from './fields';

export const SCHEDULE_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ScheduleRunStatus = (typeof SCHEDULE_RUN_STATUSES)[number];

export class CreateScheduleRunDto {
  /** Meetings to keep exactly where they are booked now (confirmed ones always are). */
  @IsOptional()
  @IsArray(named('must be an array'))
  @ArrayMaxSize(100000)
  @IsUUID('all', { each: true, ...named('must contain meeting ids') })
  pin?: string[];

  /** Meetings to leave out of this run. */
  @IsOptional()
  @IsArray(named('must be an array'))
  @ArrayMaxSize(100000)
  @IsUUID('all', { each: true, ...named('must contain meeting ids') })
  exclude?: string[];

  /** Let meetings use any sector's session when their own is full. */
  @IsOptional()
  @IsBoolean(named('must be true or false'))
  allowAnySession?: boolean;

  @IsOptional()
  @IntIn(1, 2_147_483_647)
  seed?: number;

  /** Fairness: a cap on any one organisation's gaps (soft; the statistics show the largest). */
  @IsOptional()
  @IntIn(0, 50)
  maxGapsPerOrganization?: number;
}

export class AgendaQueryDto {
  /** IANA zone to show times in; defaults to the caller's own zone. */
  @IsOptional()
  @Text(64)
  zone?: string;

  /** Bureau only: whose agenda. */
  @IsOptional()
  @IsUUID('all', named('must be a UUID'))
  organizationId?: string;
}

export class PublishScheduleDto {
  /** Publish only these sessions (default: every session). */
  @IsOptional()
  @IsArray(named('must be an array'))
  @IsUUID('all', { each: true, ...named('must contain session ids') })
  sessionIds?: string[];
}

export interface PublishScheduleView {
  editionId: string;
  /** How many meetings' slots were published. */
  published: number;
}

export interface LeftOutView {
  meetingId: string;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export interface ScheduleStatisticsView {
  requested: number;
  placed: number;
  weightedPlaced: number;
  upperBound: number;
  gap: number;
  bounds: { requests: number; tableSlots: number; organizationCapacity: number; flow: number };
  holes: { total: number; mean: number; max: number; shareWithNone: number };
  /** Is every request placed: found, proven impossible (bound = most weight any schedule can place), or undecided. Absent on older runs. */
  completeness?: { status: 'complete' | 'impossible' | 'undecided'; requestedWeight: number; bound: number; method: string };
  /** Idle gaps (maximal runs of empty slots between two meetings of one organisation) and a proven lower bound. */
  gaps?: { total: number; lowerBound: number; idleSlots: number; maxPerOrganization: number; scope: 'halfDay' | 'day' };
  tableChanges: number;
  moved: number;
  runtimeMs: number;
}

export interface ScheduleRunView {
  id: string;
  editionId: string;
  status: ScheduleRunStatus;
  progress: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  statistics: ScheduleStatisticsView | null;
  leftOut: LeftOutView[];
  error: string | null;
}

export interface PartyRef {
  id: string;
  name: { zh: string | null; ja: string | null; en: string | null };
}

export interface GridBookingView {
  meetingId: string;
  sessionId: string;
  slotId: string;
  tableNumber: number;
  status: string;
  published: boolean;
  jp: PartyRef;
  cn: PartyRef;
}

export interface ScheduleGridView {
  editionId: string;
  bookings: GridBookingView[];
}

export interface AgendaItemView {
  meetingId: string;
  status: string;
  /** In the requested zone. */
  startsAt: string;
  endsAt: string;
  /** The same instants in the edition's zone. */
  editionStartsAt: string;
  editionEndsAt: string;
  sessionId: string;
  sector: Sector;
  venue: string | null;
  tableNumber: number;
  counterpart: PartyRef;
  offer: { id: string; titleZh: string; titleJa: string | null; titleEn: string | null } | null;
  /** Whether the caller's side has confirmed the slot. */
  confirmedByMe: boolean;
}

export interface AgendaView {
  editionId: string;
  organizationId: string;
  zone: string;
  editionZone: string;
  items: AgendaItemView[];
}
