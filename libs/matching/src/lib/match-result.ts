import type { ScorePartName } from './domain';
import type { Reason } from './reasons';
import type { MatchingWeights } from './weights';

/** One part of a score. points = value × share × 100, rounded to 0.01. */
export interface ScorePart {
  name: ScorePartName;
  /** The part in [0, 1], rounded to 0.0001. */
  value: number;
  /** Its share of the score, from the weights. */
  share: number;
  points: number;
  reason: Reason;
}

/**
 * A firm × offer score, 0–100 rounded to 0.01. Rankings order by this rounded score,
 * then by offer id, so what people see is what decides. The rounded points of the parts
 * may differ from the score by a rounding step.
 */
export interface OfferMatch {
  offerId: string;
  organizationId: string;
  score: number;
  parts: ScorePart[];
}

/** A company for a firm: its best offer's score and parts, and its offers best first. */
export interface CompanyMatch {
  organizationId: string;
  score: number;
  bestOfferId: string;
  /** Up to five of the company's offers, best first. */
  offerIds: string[];
  parts: ScorePart[];
}

export interface FirmRecommendations {
  firmId: string;
  offers: OfferMatch[];
  companies: CompanyMatch[];
  /** With ScoreAllOptions.feedbackTerms: the words pseudo-relevance feedback added to the firm's query, in order. */
  feedbackTerms?: string[];
}

export interface MatchingRun {
  algorithmVersion: string;
  weightsVersion: string;
  /**
   * offerId → number of firms that have the offer in their first-pass top
   * `weights.spread.poolSize` (offers with none are absent), or the demand given in
   * ScoreAllOptions.demand. Keep it to score a single pair later exactly as this run did.
   */
  demand: Record<string, number>;
  firms: FirmRecommendations[];
}

export interface ScoreAllOptions {
  /** Offers per firm, default 20. */
  topK?: number;
  /** Companies per firm, default topK. */
  topCompanies?: number;
  /** Default: weights.v2.json. Ignored when offers are already prepared (they carry theirs). */
  weights?: MatchingWeights;
  /**
   * Total demand per offer id from outside (absent offers: 0), used for the spread part instead
   * of the demand these firms make. A run split into firm shards sums each shard's
   * `MatchingRun.demand` (demand is additive over firms) and scores every shard with the total:
   * each shard then gets exactly the scores of one run over every firm. The run's `demand` is
   * then this demand (the one its scores used).
   */
  demand?: Readonly<Record<string, number>>;
  /**
   * Also give each firm's feedback words (FirmRecommendations.feedbackTerms): kept beside its
   * results, they let an incremental pass bound a changed offer's score for the firm closely
   * (offerCanMoveFirm) without scoring the firm over every offer.
   */
  feedbackTerms?: boolean;
}
