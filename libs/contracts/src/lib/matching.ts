import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { CooperationType, Sector } from './enums';
import { named } from './validation';

export const MATCHING_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type MatchingRunStatus = (typeof MATCHING_RUN_STATUSES)[number];

/** Recommendations per list and request, at most. */
export const RECOMMENDATIONS_LIMIT_MAX = 50;
export const RECOMMENDATIONS_LIMIT_DEFAULT = 20;

export class RecommendationQueryDto {
  /** Whose recommendations: required for the bureau; a Japanese firm sees its own only. */
  @IsOptional()
  @IsUUID('all', named('must be a UUID'))
  organizationId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(RECOMMENDATIONS_LIMIT_MAX, named(`must be at most ${RECOMMENDATIONS_LIMIT_MAX}`))
  limit?: number;
}

export interface MatchingRunView {
  id: string;
  editionId: string;
  status: MatchingRunStatus;
  progress: number;
  /** Set once the run has read its input. */
  algorithmVersion: string | null;
  weightsVersion: string | null;
  /** The latest change among the profiles and offers the run read. */
  inputAt: string | null;
  firms: number | null;
  offers: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type ScorePartName = 'sector' | 'cooperation' | 'text' | 'scale' | 'language' | 'spread';

/**
 * One line of explanation as a message key and parameters; the catalogue
 * (`REASON_MESSAGES` of the matching engine) has it in en, ja and zh-CN.
 */
export interface ReasonView {
  key: string;
  params: Record<string, string | number>;
}

/** One part of a score: value in [0, 1], its share, points = value × share × 100. */
export interface ScorePartView {
  name: ScorePartName;
  value: number;
  share: number;
  points: number;
  reason: ReasonView;
}

export interface MultilingualName {
  zh: string | null;
  ja: string | null;
  en: string | null;
}

export interface RecommendedOfferView {
  rank: number;
  /** 0–100. */
  score: number;
  parts: ScorePartView[];
  offer: {
    id: string;
    sector: Sector;
    cooperationType: CooperationType;
    titleZh: string;
    titleJa: string | null;
    titleEn: string | null;
  };
  company: { id: string; name: MultilingualName };
}

export interface RecommendedCompanyView {
  rank: number;
  /** The score of the company's best offer. */
  score: number;
  parts: ScorePartView[];
  company: { id: string; name: MultilingualName };
  bestOfferId: string;
  /** Up to five of the company's offers, best first. */
  offerIds: string[];
}

export interface RecommendationsView {
  editionId: string;
  organizationId: string;
  /** null until a run succeeded for the edition. */
  runId: string | null;
  computedAt: string | null;
  inputAt: string | null;
  algorithmVersion: string | null;
  weightsVersion: string | null;
  /** A profile or offer changed after the run read them: run again to refresh. */
  stale: boolean;
  /** Ranked best first; offers no longer published are left out (ranks keep their gaps). */
  offers: RecommendedOfferView[];
  companies: RecommendedCompanyView[];
}
