import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { PartyRef } from './scheduling';
import { LIMITS, named } from './validation';

/** What came of a meeting, from least to most advanced. */
export const FEEDBACK_OUTCOMES = ['no_interest', 'follow_up_planned', 'agreement_expected', 'agreement_signed'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

/** `initial` right after the slot; `follow_up` months later (see the follow-ups list). */
export const FEEDBACK_STAGES = ['initial', 'follow_up'] as const;
export type FeedbackStage = (typeof FEEDBACK_STAGES)[number];

export class SubmitFeedbackDto {
  @IsOptional()
  @IsIn(FEEDBACK_STAGES, named(`must be one of: ${FEEDBACK_STAGES.join(', ')}`))
  stage?: FeedbackStage;

  /** 1 (poor) to 4 (excellent). */
  @Type(() => Number)
  @IsInt(named('must be an integer from 1 to 4'))
  @Min(1, named('must be an integer from 1 to 4'))
  @Max(4, named('must be an integer from 1 to 4'))
  rating!: number;

  @IsIn(FEEDBACK_OUTCOMES, named(`must be one of: ${FEEDBACK_OUTCOMES.join(', ')}`))
  outcome!: FeedbackOutcome;

  @IsOptional()
  @IsString(named('must be a string'))
  @MaxLength(LIMITS.longText, named(`must be at most ${LIMITS.longText} characters`))
  note?: string;
}

export interface FeedbackView {
  meetingId: string;
  organizationId: string;
  stage: FeedbackStage;
  rating: number;
  outcome: FeedbackOutcome;
  note: string | null;
  at: string;
}

/** A party that answered the first stage and owes the follow-up. */
export interface FollowUpDueView {
  meetingId: string;
  organization: PartyRef;
  counterpart: PartyRef;
  initialOutcome: FeedbackOutcome;
  initialAt: string;
  dueSince: string;
}
