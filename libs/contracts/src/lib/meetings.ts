import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Country, Role, SECTORS, Sector } from './enums';
import type { ScorePartView } from './matching';
import { PageQueryDto } from './pagination';
import { LIMITS, named } from './validation';

/**
 * Meeting lifecycle (docs/product.md §3). A request (by a Japanese firm) is reviewed by the
 * bureau, then answered by the Ji'nan company; a proposal (by the bureau) is accepted
 * by both parties. Accepted meetings are scheduled, published, then confirmed by both.
 */
export const MEETING_STATUSES = [
  'requested',
  'approved',
  'proposed',
  'accepted',
  'rejected',
  'declined',
  'expired',
  'cancelled',
  'scheduled',
  'confirmed',
  'held',
  'no_show',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Waiting for an answer: these count against a firm's quota and can expire. */
export const PENDING_MEETING_STATUSES = ['requested', 'approved', 'proposed'] as const satisfies readonly MeetingStatus[];

/** From `accepted` on, each party sees the other's contact details (docs/product.md §8). */
export const CONTACT_VISIBLE_STATUSES = ['accepted', 'scheduled', 'confirmed', 'held', 'no_show'] as const satisfies readonly MeetingStatus[];

export const MEETING_ORIGINS = ['request', 'proposal'] as const;
export type MeetingOrigin = (typeof MEETING_ORIGINS)[number];

/** Who may move a meeting: one of its two sides, the bureau, or the platform itself (jobs, scheduler). */
export type MeetingActorSide = 'jp' | 'cn' | 'bureau' | 'system';

export const REVIEW_DECISIONS = ['approve', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const RESPOND_DECISIONS = ['accept', 'decline'] as const;
export type RespondDecision = (typeof RESPOND_DECISIONS)[number];

const oneOf = (values: readonly (string | number)[]) => named(`must be one of: ${values.join(', ')}`);

/** Fields common to a request and a proposal. */
class MeetingAboutDto {
  /** An offer of the Ji'nan company the meeting is about. */
  @IsOptional()
  @IsUUID('all', named('must be a UUID'))
  offerId?: string;

  @IsOptional()
  @IsString(named('must be a string'))
  @MaxLength(LIMITS.longText, named(`must be at most ${LIMITS.longText} characters`))
  message?: string;

  /** 1 = highest. Defaults to 2. */
  @IsOptional()
  @IsInt(named('must be an integer'))
  @Min(1, named('must be between 1 and 3'))
  @Max(3, named('must be between 1 and 3'))
  priority?: number;
}

/** POST /api/events/:eventId/meetings by a Japanese firm's delegate. */
export class RequestMeetingDto extends MeetingAboutDto {
  /** The Ji'nan company to meet. */
  @IsDefined(named('is required'))
  @IsUUID('all', named('must be a UUID'))
  counterpartId!: string;
}

/** POST /api/events/:eventId/meetings by the bureau: a match it proposes to both parties. */
export class ProposeMeetingDto extends MeetingAboutDto {
  @IsDefined(named('is required'))
  @IsUUID('all', named('must be a UUID'))
  jpOrganizationId!: string;

  @IsDefined(named('is required'))
  @IsUUID('all', named('must be a UUID'))
  cnOrganizationId!: string;
}

export class ReviewMeetingDto {
  @IsDefined(named('is required'))
  @IsIn(REVIEW_DECISIONS, oneOf(REVIEW_DECISIONS))
  decision!: ReviewDecision;

  /** Required when rejecting: the requester is told why. */
  @IsOptional()
  @IsString(named('must be a string'))
  @MinLength(1, named('must not be empty'))
  @MaxLength(LIMITS.shortText, named(`must be at most ${LIMITS.shortText} characters`))
  note?: string;
}

export class RespondMeetingDto {
  @IsDefined(named('is required'))
  @IsIn(RESPOND_DECISIONS, oneOf(RESPOND_DECISIONS))
  decision!: RespondDecision;

  @IsOptional()
  @IsString(named('must be a string'))
  @MaxLength(LIMITS.shortText, named(`must be at most ${LIMITS.shortText} characters`))
  reason?: string;

  /** In an edition where participants schedule: accept and book this slot (one of GET …/slot-options) at once. */
  @IsOptional()
  @IsUUID('all', named('must be a UUID'))
  slotId?: string;
}

export class CancelMeetingDto {
  @IsDefined(named('is required'))
  @IsString(named('must be a string'))
  @MinLength(1, named('must not be empty'))
  @MaxLength(LIMITS.shortText, named(`must be at most ${LIMITS.shortText} characters`))
  reason!: string;
}

export class MeetingQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(MEETING_STATUSES, oneOf(MEETING_STATUSES))
  status?: MeetingStatus;

  /** Meetings involving this organization (bureau; for a party, its counterpart). */
  @IsOptional()
  @IsUUID('all', named('must be a UUID'))
  organizationId?: string;

  @IsOptional()
  @IsIn(SECTORS, oneOf(SECTORS))
  sector?: Sector;

  /** Pending meetings whose answer deadline falls within this many hours, soonest first. */
  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(24 * 14, named(`must be at most ${24 * 14}`))
  expiringWithinHours?: number;
}

/** A delegate's contact details: shown to the counterpart from `accepted` on, to the bureau always. */
export interface MeetingContact {
  fullName: string;
  email: string | null;
  phone: string | null;
}

export interface MeetingParty {
  id: string;
  country: Country;
  name: { zh: string | null; ja: string | null; en: string | null };
  sectors: Sector[];
  /** null while the caller may not see them (docs/product.md §8). */
  contacts: MeetingContact[] | null;
}

/** Actions a person takes on a meeting through the API (the rest are the platform's). */
export const MEETING_USER_ACTIONS = ['approve', 'reject', 'accept', 'decline', 'cancel'] as const;
export type MeetingUserAction = (typeof MEETING_USER_ACTIONS)[number];

export interface MeetingView {
  id: string;
  editionId: string;
  status: MeetingStatus;
  origin: MeetingOrigin;
  sector: Sector;
  jpOrganization: MeetingParty;
  cnOrganization: MeetingParty;
  offer: { id: string; titleZh: string; titleJa: string | null; titleEn: string | null } | null;
  message: string | null;
  priority: number;
  version: number;
  createdById: string | null;
  /** Pending meetings expire at this moment when unanswered. */
  answerDeadline: string | null;
  jpAcceptedAt: string | null;
  cnAcceptedAt: string | null;
  /** When the bureau published the meeting's slot to the parties. */
  slotPublishedAt: string | null;
  jpConfirmedAt: string | null;
  cnConfirmedAt: string | null;
  /** The caller's side, or null for the bureau. */
  yourSide: 'jp' | 'cn' | null;
  /** Who must act next: the bureau, one or both sides, the scheduler, or nobody. */
  awaiting: ('bureau' | 'jp' | 'cn' | 'system')[];
  /** What the caller may do now, as the state machine decides for the caller's side. */
  allowedActions: MeetingUserAction[];
  /** The Ji'nan side's match score of the pairing (filled by the matching engine). */
  matchScore: number | null;
  /** The strongest parts of that score with their reasons (empty when there is no score). */
  matchReasons: ScorePartView[];
  createdAt: string;
  updatedAt: string;
  /**
   * Only on GET /meetings/:id: where and when it takes place — for the parties once the
   * slot is published, for the bureau as soon as it is booked.
   */
  slot?: MeetingSlotView | null;
}

export interface MeetingSlotView {
  slotId: string;
  sessionId: string;
  startsAt: string;
  endsAt: string;
  tableNumber: number;
  venue: string | null;
}

export interface MeetingTransitionView {
  at: string;
  action: string;
  from: MeetingStatus | null;
  to: MeetingStatus;
  actor: { id: string | null; role: Role | 'system'; fullName: string | null };
  note: string | null;
}
