import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IntIn, OneOf, Text } from './fields';
import { named } from './validation';

/**
 * How an edition gives meetings a time (issue 17): `organiser` — the bureau's optimiser
 * places every accepted meeting (the default); `participants` — the party who accepts
 * picks a slot both sides have free, and the optimiser places only the rest.
 */
export const SCHEDULING_MODES = ['organiser', 'participants'] as const;

/** half_day: gaps counted within each half-day (the lunch break is not idle); day: within the whole day. */
export const GAP_SCOPES = ['half_day', 'day'] as const;
export type GapScope = (typeof GAP_SCOPES)[number];
export type SchedulingMode = (typeof SCHEDULING_MODES)[number];

export const REMINDER_KINDS = ['no_request', 'answer_due', 'unconfirmed_slot', 'feedback_due', 'follow_up_due'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Per edition: which reminders run, and after how many days a firm with no request hears from us. */
export interface ReminderSettings {
  noRequest: boolean;
  noRequestDays: number;
  answerDue: boolean;
  unconfirmedSlot: boolean;
  feedbackDue: boolean;
  followUpDue: boolean;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  noRequest: true,
  noRequestDays: 3,
  answerDue: true,
  unconfirmedSlot: true,
  feedbackDue: true,
  followUpDue: true,
};

export class ReminderSettingsDto implements Partial<ReminderSettings> {
  @IsOptional()
  @IsBoolean(named('must be true or false'))
  noRequest?: boolean;

  @IsOptional()
  @IntIn(1, 60)
  noRequestDays?: number;

  @IsOptional()
  @IsBoolean(named('must be true or false'))
  answerDue?: boolean;

  @IsOptional()
  @IsBoolean(named('must be true or false'))
  unconfirmedSlot?: boolean;

  @IsOptional()
  @IsBoolean(named('must be true or false'))
  feedbackDue?: boolean;

  @IsOptional()
  @IsBoolean(named('must be true or false'))
  followUpDue?: boolean;
}

/** PATCH /api/events/:eventId (bureau). */
export class UpdateEditionDto {
  @IsOptional()
  @OneOf(SCHEDULING_MODES)
  schedulingMode?: SchedulingMode;

  @IsOptional()
  @ValidateNested()
  @Type(() => ReminderSettingsDto)
  reminders?: ReminderSettingsDto;

  /** When requests opened; the "no request after N days" reminder counts from it. */
  @IsOptional()
  @IsISO8601({ strict: true }, named('must be an ISO 8601 date-time with offset'))
  requestsOpenAt?: string;

  /** Where the scheduler counts idle gaps: per half-day (a break between them), or per day (no break). */
  @IsOptional()
  @OneOf(GAP_SCOPES)
  gapScope?: GapScope;
}

/** One slot both parties could meet in: its time in the viewer's zone and in the edition's. */
export interface SlotOptionView {
  slotId: string;
  sessionId: string;
  startsAt: string;
  endsAt: string;
  editionStartsAt: string;
  editionEndsAt: string;
  freeTables: number;
}

export interface SlotOptionsView {
  meetingId: string;
  zone: string;
  editionZone: string;
  options: SlotOptionView[];
}

/** POST /api/meetings/:id/slot-proposals: a party proposes another slot. */
export class ProposeSlotDto {
  @IsDefined(named('is required'))
  @IsUUID('all', named('must be a UUID'))
  slotId!: string;
}

export const SLOT_PROPOSAL_DECISIONS = ['accept', 'decline'] as const;

/** POST /api/meetings/:id/slot-proposals/:proposalId/answer by the other party. */
export class AnswerSlotProposalDto {
  @IsDefined(named('is required'))
  @IsIn(SLOT_PROPOSAL_DECISIONS, named(`must be one of: ${SLOT_PROPOSAL_DECISIONS.join(', ')}`))
  decision!: (typeof SLOT_PROPOSAL_DECISIONS)[number];
}

export interface SlotProposalView {
  id: string;
  meetingId: string;
  slotId: string;
  side: 'jp' | 'cn';
  status: 'open' | 'accepted' | 'declined' | 'withdrawn';
  startsAt: string;
  endsAt: string;
  editionStartsAt: string;
  editionEndsAt: string;
  createdAt: string;
}

/** POST /api/events/:eventId/reminders/run. */
export class RunRemindersDto {
  @IsDefined(named('is required'))
  @IsBoolean(named('must be true or false'))
  dryRun!: boolean;
}

export interface ReminderRecipientView {
  userId: string;
  email: string;
  organizationId: string | null;
  /** The meeting the reminder is about (the edition, for "no request yet"). */
  subjectId: string;
}

export interface RemindersRunView {
  editionId: string;
  dryRun: boolean;
  at: string;
  recipients: Record<ReminderKind, ReminderRecipientView[]>;
}

/** POST /api/events/:eventId/key-projects (bureau): a meeting, or the signed outcome of one. */
export class CreateKeyProjectDto {
  @IsDefined(named('is required'))
  @IsUUID('all', named('must be a UUID'))
  meetingId!: string;

  /** Marks the meeting's signed outcome (feedback with outcome agreement_signed). */
  @IsOptional()
  @IsBoolean(named('must be true or false'))
  fromSignedOutcome?: boolean;

  @Text(300, 1)
  titleZh!: string;

  @Text(300, 1)
  titleJa!: string;

  @Text(300, 1)
  titleEn!: string;

  @IsArray(named('must be a list'))
  @ArrayMinSize(1, named('must name at least one party'))
  @ArrayMaxSize(10, named('must name at most 10 parties'))
  @IsString({ each: true, ...named('must be strings') })
  @MinLength(1, { each: true, ...named('must not be empty') })
  @MaxLength(200, { each: true, ...named('must be at most 200 characters each') })
  signingParties!: string[];
}

export interface KeyProjectView {
  id: string;
  editionId: string;
  meetingId: string;
  fromSignedOutcome: boolean;
  title: { zh: string; ja: string; en: string };
  signingParties: string[];
  jp: { id: string; name: { zh: string | null; ja: string | null; en: string | null } };
  cn: { id: string; name: { zh: string | null; ja: string | null; en: string | null } };
  sector: string;
  createdAt: string;
}
