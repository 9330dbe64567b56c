import type { MatchingFirm, ScorePartName } from './domain';
import type { FirmProfile } from './firm-profile';
import { firmProfile, structuralScore, structuralScores } from './firm-profile';
import type { OfferMatch, ScorePart } from './match-result';
import type { PartValue } from './parts';
import { cooperationFit, languageFit, scaleFit, sectorFit, spreadFit, textFit, textValue } from './parts';
import type { PreparedOffers } from './prepare-offers';
import { localisedTerms } from './reason-terms';
import type { FirmQuery } from './text-relevance';
import { accumulate, coverage, expandQuery, firmQuery, matchedTerms, rawScore } from './text-relevance';

/** Everything about one firm that scoring its offers needs, computed once per firm. */
export interface FirmContext {
  firm: MatchingFirm;
  profile: FirmProfile;
  query: FirmQuery;
  /** BM25 of the firm's (expanded) query in offer d. */
  textRaw: (d: number) => number;
}

/**
 * Builds the firm's query, expands it from its best offers, and leaves in `raw` the BM25
 * of the expanded query in every offer (and in `structural` every offer's structuralScore).
 */
export function firmContext(
  firm: MatchingFirm,
  prepared: PreparedOffers,
  raw = new Float64Array(prepared.offers.length),
  structural = new Float64Array(prepared.offers.length),
): FirmContext {
  const profile = firmProfile(firm, prepared);
  const query = firmQuery(firm, prepared);
  raw.fill(0);
  accumulate(prepared, query, 0, raw);
  structuralScores(profile, prepared, structural);
  const { weights } = prepared;
  const { text, spread } = weights.parts;
  // combinedScore(profile, query, prepared, d, raw[d], 0), with the structural part read from the array.
  expandQuery(prepared, query, raw, (d) => (structural[d] as number) + text * textValue(coverage(query, raw[d] as number), weights) + spread * 0);
  return { firm, profile, query, textRaw: (d) => raw[d] as number };
}

/**
 * Every offer's score without the spread part, in hundredths of a point, into `cents`: the
 * value of toCentiPoints(combinedScore(…, raw[d], 0)) from the arrays firmContext filled.
 */
export function firstPassCents(query: FirmQuery, prepared: PreparedOffers, raw: Float64Array, structural: Float64Array, cents: Int32Array): void {
  const { weights } = prepared;
  const { text, spread } = weights.parts;
  for (let d = 0; d < cents.length; d++) {
    cents[d] = toCentiPoints((structural[d] as number) + text * textValue(coverage(query, raw[d] as number), weights) + spread * 0);
  }
}

/**
 * The same firm without the shared buffer: the raw text scores of `keep` are copied,
 * any other offer is scored from the forward index when asked.
 */
export function detachedContext(context: FirmContext, prepared: PreparedOffers, keep: readonly number[]): FirmContext {
  const cache = new Map<number, number>(keep.map((d) => [d, context.textRaw(d)]));
  return {
    ...context,
    textRaw: (d) => {
      let raw = cache.get(d);
      if (raw === undefined) {
        raw = rawScore(prepared, context.query, d);
        cache.set(d, raw);
      }
      return raw;
    },
  };
}

/**
 * The unrounded score in [0, 1] from the text's raw BM25 and the spread part: the one
 * expression every path uses, so all paths agree to the last bit.
 */
export function combinedScore(profile: FirmProfile, query: FirmQuery, prepared: PreparedOffers, d: number, raw: number, spread: number): number {
  const { parts } = prepared.weights;
  return structuralScore(profile, prepared, d) + parts.text * textValue(coverage(query, raw), prepared.weights) + parts.spread * spread;
}

export function totalScore(context: FirmContext, prepared: PreparedOffers, d: number, spread: number): number {
  return combinedScore(context.profile, context.query, prepared, d, context.textRaw(d), spread);
}

/** Score in hundredths of a point (0–10,000): the integer rankings compare. */
export function toCentiPoints(total: number): number {
  return Math.round(total * 10000);
}

/** The full, explained score of offer d for the firm. */
export function offerMatch(context: FirmContext, prepared: PreparedOffers, d: number, demand: number): OfferMatch {
  const offer = prepared.offers[d];
  if (offer === undefined) throw new Error(`no offer at position ${d}`);
  const { weights } = prepared;
  const { firm } = context;
  const spread = spreadFit(demand, weights);
  const values: Record<ScorePartName, PartValue> = {
    sector: sectorFit(firm.sectors, offer.sector, offer.company.sectors, weights),
    cooperation: cooperationFit(firm.cooperationTypes, offer.cooperationType, weights),
    text: textFitOf(context, prepared, d, weights),
    scale: scaleFit(firm.sizeBand, offer, weights),
    language: languageFit(firm.languages, offer.company.languages, weights),
    spread,
  };
  const parts: ScorePart[] = (Object.keys(values) as ScorePartName[]).map((name) => ({
    name,
    value: round(values[name].value, 4),
    share: weights.parts[name],
    points: round(values[name].value * weights.parts[name] * 100, 2),
    reason: values[name].reason,
  }));
  return {
    offerId: offer.id,
    organizationId: offer.organizationId,
    score: toCentiPoints(totalScore(context, prepared, d, spread.value)) / 100,
    parts,
  };
}

export interface ScorePairOptions {
  /** Demand per offer id from the run the score must agree with (MatchingRun.demand); absent = 0. */
  demand?: Readonly<Record<string, number>>;
}

/**
 * Scores one firm × offer pair (e.g. the Ji'nan side looking at an incoming request).
 * The text part needs the whole offer corpus (term rarity, the firm's best offers for
 * feedback), hence `prepared`; given the run's demand it equals that run's score.
 */
export function scorePair(firm: MatchingFirm, offerId: string, prepared: PreparedOffers, options: ScorePairOptions = {}): OfferMatch {
  const d = prepared.positionById.get(offerId);
  if (d === undefined) throw new Error(`offer ${offerId} is not among the prepared offers`);
  return offerMatch(firmContext(firm, prepared), prepared, d, options.demand?.[offerId] ?? 0);
}

function textFitOf(context: FirmContext, prepared: PreparedOffers, d: number, weights: PreparedOffers['weights']): PartValue {
  const terms = matchedTerms(prepared, context.query, d);
  return textFit(coverage(context.query, context.textRaw(d)), { own: terms.map((t) => t.surface), ...localisedTerms(prepared, d, terms) }, weights);
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
