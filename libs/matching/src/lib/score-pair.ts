import type { MatchingFirm, MatchingOffer, ScorePartName } from './domain';
import { SIZE_BANDS } from './domain';
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
  raw: Float64Array = new Float64Array(prepared.offers.length),
  structural: Float64Array = new Float64Array(prepared.offers.length),
): FirmContext {
  const profile = firmProfile(firm, prepared);
  const query = firmQuery(firm, prepared);
  raw.fill(0);
  accumulate(prepared, query, 0, raw);
  structuralScores(profile, prepared, structural);
  expandQuery(prepared, query, raw, structural);
  return { firm, profile, query, textRaw: (d) => raw[d] as number };
}

/**
 * The firm's first pass: the `k` best offers without the spread part (positions, best first,
 * ties by position), exactly as topPositions over every offer's
 * toCentiPoints(combinedScore(…, raw[d], 0)) from the arrays firmContext filled; `cents` holds
 * the score of each offer kept. Once `k` are kept, an offer whose text part cannot lift it above
 * the k-th is skipped unscored: the text value 1 − exp(−x) is below min(1, x), a bound without
 * the exponential (most offers share only a few common words with a firm). The bound is compared
 * in whole cents and strictly, far wider than any rounding of the two expressions.
 */
export function firstPassPool(query: FirmQuery, prepared: PreparedOffers, raw: Float64Array, structural: Float64Array, cents: Int32Array, k: number): number[] {
  const { weights } = prepared;
  const { text, spread } = weights.parts;
  const { saturation } = weights.text;
  const top: number[] = [];
  if (k <= 0) return top;
  let floor = -1;
  // Once k are kept, toCentiPoints(x) < floor exactly when x × 10,000 < floor − 0.5 (Math.round
  // rounds half up): the bounds are tested without rounding.
  let below = -Infinity;
  for (let d = 0; d < cents.length; d++) {
    const r = raw[d] as number;
    const st = structural[d] as number;
    // Without raw text: the whole text share cannot lift it; then the bound of its own text.
    if ((st + text) * 10000 < below || (r > 0 && (st + text * Math.min(1, coverage(query, r) / saturation)) * 10000 < below)) continue;
    const v = toCentiPoints(st + text * textValue(coverage(query, r), weights) + spread * 0);
    cents[d] = v;
    // As topPositions: equal scores keep the lower position.
    if (top.length === k && v <= floor) continue;
    let j = top.length;
    while (j > 0 && (cents[top[j - 1] as number] as number) < v) j--;
    top.splice(j, 0, d);
    if (top.length > k) top.pop();
    if (top.length === k) {
      floor = cents[top[k - 1] as number] as number;
      below = floor - 0.5;
    }
  }
  return top;
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
  return combinedFrom(structuralScore(profile, prepared, d), query, prepared, raw, spread);
}

/** combinedScore from the offer's structuralScore (e.g. read from structuralScores' array): the same expression. */
export function combinedFrom(structural: number, query: FirmQuery, prepared: PreparedOffers, raw: number, spread: number): number {
  const { parts } = prepared.weights;
  return structural + parts.text * textValue(coverage(query, raw), prepared.weights) + parts.spread * spread;
}

export function totalScore(context: FirmContext, prepared: PreparedOffers, d: number, spread: number): number {
  return combinedScore(context.profile, context.query, prepared, d, context.textRaw(d), spread);
}

/** Score in hundredths of a point (0–10,000): the integer rankings compare. */
export function toCentiPoints(total: number): number {
  return Math.round(total * 10000);
}

/**
 * The parts of a match other than text depend on few things: the firm's sectors, cooperation
 * types, languages and size band, and the offer's sector, type, company, amounts and demand.
 * Each distinct case is built once per run and its ScorePart shared, read-only, by every match
 * that has it: a run keeps tens of thousands of explained matches, and their structural parts
 * were objects built per match (with their reasons) for the collector to copy.
 */
export class StructuralParts {
  /** Per firm profile (sectors, types, languages as written: their order picks the reason's words). */
  private readonly byFirm = new Map<string, FirmParts>();
  /** Per size band, per offer position. */
  private readonly scale: (ScorePart | undefined)[][];
  private readonly spreadByDemand = new Map<number, { part: ScorePart; value: number }>();

  constructor(private readonly prepared: PreparedOffers) {
    this.scale = SIZE_BANDS.map(() => []);
  }

  forFirm(firm: MatchingFirm): FirmParts {
    const key = `${firm.sectors.join()}|${firm.cooperationTypes.join()}|${firm.languages.join()}`;
    let parts = this.byFirm.get(key);
    if (parts === undefined) {
      parts = { sector: [], cooperation: [], language: [] };
      this.byFirm.set(key, parts);
    }
    return parts;
  }

  /** Every part of offer d for the firm, in SCORE_PARTS order, around the given text part. */
  parts(firm: MatchingFirm, parts: FirmParts, d: number, demand: number, text: ScorePart): ScorePart[] {
    const { prepared } = this;
    const { weights } = prepared;
    const offer = prepared.offers[d] as MatchingOffer;
    const sectorKey = (prepared.sector[d] as number) * 8 + (prepared.companySectors[d] as number);
    const typeKey = prepared.cooperationType[d] as number;
    const languageKey = prepared.companyLanguages[d] as number;
    const scaleByOffer = this.scale[SIZE_BANDS.indexOf(firm.sizeBand)] as (ScorePart | undefined)[];
    return [
      (parts.sector[sectorKey] ??= part('sector', sectorFit(firm.sectors, offer.sector, offer.company.sectors, weights), weights)),
      (parts.cooperation[typeKey] ??= part('cooperation', cooperationFit(firm.cooperationTypes, offer.cooperationType, weights), weights)),
      text,
      (scaleByOffer[d] ??= part('scale', scaleFit(firm.sizeBand, offer, weights), weights)),
      (parts.language[languageKey] ??= part('language', languageFit(firm.languages, offer.company.languages, weights), weights)),
      this.spread(demand).part,
    ];
  }

  /** The spread part of an offer with this demand, and its unrounded value (the one scores use). */
  spread(demand: number): { part: ScorePart; value: number } {
    let found = this.spreadByDemand.get(demand);
    if (found === undefined) {
      const value = spreadFit(demand, this.prepared.weights);
      found = { part: part('spread', value, this.prepared.weights), value: value.value };
      this.spreadByDemand.set(demand, found);
    }
    return found;
  }
}

/** One firm profile's structural parts: sector by offer sector × 8 + company sector mask, cooperation by type, language by company language mask. */
export interface FirmParts {
  sector: (ScorePart | undefined)[];
  cooperation: (ScorePart | undefined)[];
  language: (ScorePart | undefined)[];
}

function part(name: ScorePartName, value: PartValue, weights: PreparedOffers['weights']): ScorePart {
  return {
    name,
    value: round(value.value, 4),
    share: weights.parts[name],
    points: round(value.value * weights.parts[name] * 100, 2),
    reason: value.reason,
  };
}

/** The full, explained score of offer d for the firm; `structural` shares the non-text parts of a run's matches. */
export function offerMatch(
  context: FirmContext,
  prepared: PreparedOffers,
  d: number,
  demand: number,
  structural = new StructuralParts(prepared),
  firmParts = structural.forFirm(context.firm),
): OfferMatch {
  const offer = prepared.offers[d];
  if (offer === undefined) throw new Error(`no offer at position ${d}`);
  const { weights } = prepared;
  return {
    offerId: offer.id,
    organizationId: offer.organizationId,
    score: toCentiPoints(totalScore(context, prepared, d, structural.spread(demand).value)) / 100,
    parts: structural.parts(context.firm, firmParts, d, demand, part('text', textFitOf(context, prepared, d, weights), weights)),
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
