import type { MatchingFirm, MatchingOffer } from './domain';
import type { CompanyMatch, FirmRecommendations, MatchingRun, OfferMatch, ScoreAllOptions } from './match-result';
import { spreadFit } from './parts';
import type { PreparedOffers } from './prepare-offers';
import { prepareOffers } from './prepare-offers';
import { structuralScores } from './firm-profile';
import type { FirmContext } from './score-pair';
import { StructuralParts, combinedFrom, detachedContext, firmContext, firstPassPool, offerMatch, toCentiPoints, totalScore } from './score-pair';
import type { FirmQuery } from './text-relevance';
import { accumulate, coverage } from './text-relevance';
import { ALGORITHM_VERSION } from './version';
import type { MatchingWeights } from './weights';

const OFFERS_PER_COMPANY = 5;

/**
 * Top offers and companies for every firm, exact and deterministic (offers are taken in
 * id order whatever the input order; ties break by id).
 *
 * Pass 1 scores every offer without the spread part, keeps each firm's best
 * `2 × max(topK, topCompanies, poolSize)` as candidates, and counts each offer's demand
 * (firms that have it in their top `spread.poolSize`). Pass 2 adds the spread part to the
 * candidates only. An offer outside the candidates scores at most the last candidate
 * plus the whole spread share; when that bound could reach a firm's last place, that firm
 * is scored again over every offer, so the shortcut never changes a result. With
 * `options.demand` (a sharded run's total), pass 2 uses that demand instead of the count.
 */
export function scoreAll(firms: readonly MatchingFirm[], offers: readonly MatchingOffer[] | PreparedOffers, options: ScoreAllOptions = {}): MatchingRun {
  const prepared = isPrepared(offers) ? offers : prepareOffers(offers, options.weights);
  const topK = options.topK ?? 20;
  const topCompanies = options.topCompanies ?? topK;
  const { weights } = prepared;
  const n = prepared.offers.length;
  const poolSize = 2 * Math.max(topK, topCompanies, weights.spread.poolSize);
  const raw = new Float64Array(n);
  const structural = new Float64Array(n);
  const cents = new Int32Array(n);
  const demand = new Int32Array(n);
  // With a given demand (a sharded run's total, an incremental pass) pass 2 of a firm needs no
  // other firm's pass 1: each firm's two passes run back to back and pass 2 reads the BM25 and
  // structural scores pass 1 left in the buffers, instead of computing them again.
  const given = options.demand !== undefined;
  const firstPass = given ? [] : firstPasses(firms, prepared, poolSize, demand, raw, structural, cents);
  if (options.demand) {
    // From the demand's entries (the offers some firm has in its pool), not a lookup of every
    // offer's id in it: a CPU profile at 300,000 offers put 0.9 s on that line in one call, and
    // a sharded run or an incremental pass calls this once per shard or edition.
    for (const [id, x] of Object.entries(options.demand)) {
      const d = prepared.positionById.get(id);
      if (d !== undefined) demand[d] = x;
    }
  }
  // One spreadFit per distinct demand (a few dozen values), not one object per offer.
  const spreadOf = new Map<number, number>();
  const spread = Float64Array.from(demand, (x) => {
    let value = spreadOf.get(x);
    if (value === undefined) {
      value = spreadFit(x, weights).value;
      spreadOf.set(x, value);
    }
    return value;
  });
  const spreadCents = Math.ceil(weights.parts.spread * 10000) + 1;
  const companyOffers = offersPerCompany(prepared);
  const structuralParts = new StructuralParts(prepared);
  const everyCents = new Int32Array(n);
  const companyBest = new Int32Array(prepared.organizationIds.length);

  const results: FirmRecommendations[] = firms.map((firm, f) => {
    const { context, pool, floorCents } = given ? firstPassOf(firm, prepared, poolSize, raw, structural, cents) : (firstPass[f] as FirstPass);
    const score = new Map<number, number>();
    const finalCents = (d: number): number => {
      let c = score.get(d);
      if (c === undefined) {
        c = toCentiPoints(totalScore(context, prepared, d, spread[d] as number));
        score.set(d, c);
      }
      return c;
    };
    let offerTop = rankPositions(pool, finalCents, topK);
    let companyTop = rankCompanies(pool, prepared, finalCents, topCompanies);
    const bound = floorCents < 0 ? -1 : floorCents + spreadCents;
    const lastOffer = offerTop.length < Math.min(topK, n) ? -1 : finalCents(offerTop[offerTop.length - 1] as number);
    const lastCompany =
      companyTop.length < Math.min(topCompanies, prepared.organizationIds.length)
        ? -1
        : Math.max(...(companyOffers[companyTop[companyTop.length - 1] as number] as number[]).map(finalCents));
    if (bound >= 0 && (lastOffer <= bound || lastCompany <= bound)) {
      // Every offer, into arrays: at 300,000 offers a Map of every score and a sort of every
      // position took about a second per firm, and most firms of a 100× run come here.
      if (!given) {
        raw.fill(0);
        accumulate(prepared, context.query, 0, raw);
        structuralScores(context.profile, prepared, structural);
      }
      // At least topK offers (the pool's ranked) score lastOffer or more, and at least topCompanies
      // companies have an offer in the pool scoring their pool best or more: an offer below both
      // changes neither ranking, so it need not be scored exactly (most of 300,000 are far below).
      const lastCompanyInPool =
        lastCompany < 0 ? -1 : Math.max(...pool.filter((d) => prepared.company[d] === companyTop[companyTop.length - 1]).map(finalCents));
      everyOfferCents(context.query, prepared, raw, structural, spread, Math.min(lastOffer, lastCompanyInPool), everyCents);
      offerTop = topByCents(everyCents, n, topK);
      companyTop = topCompaniesByCents(everyCents, prepared, companyBest, topCompanies);
      // What the rest reads of these (finalCents) is what they were ranked by; an offer left
      // unscored (−1) is scored when read.
      for (const d of offerTop) score.set(d, everyCents[d] as number);
      for (const c of companyTop) for (const d of companyOffers[c] as number[]) if ((everyCents[d] as number) >= 0) score.set(d, everyCents[d] as number);
    }
    const firmParts = structuralParts.forFirm(firm);
    const explained = new Map<number, OfferMatch>();
    const explain = (d: number): OfferMatch => {
      let match = explained.get(d);
      if (match === undefined) {
        match = offerMatch(context, prepared, d, demand[d] as number, structuralParts, firmParts);
        explained.set(d, match);
      }
      return match;
    };
    const offerMatches = offerTop.map(explain);
    const companies = companyTop.map((c): CompanyMatch => {
      const ranked = [...(companyOffers[c] as number[])].sort((a, b) => finalCents(b) - finalCents(a) || a - b);
      const best = explain(ranked[0] as number);
      return {
        organizationId: best.organizationId,
        score: best.score,
        bestOfferId: best.offerId,
        offerIds: ranked.slice(0, OFFERS_PER_COMPANY).map((d) => (prepared.offers[d] as MatchingOffer).id),
        parts: best.parts,
      };
    });
    const { query } = context;
    const feedbackTerms = options.feedbackTerms ? query.terms.slice(query.ownTermCount).map((t) => prepared.text.terms[t] as string) : undefined;
    return { firmId: firm.id, offers: offerMatches, companies, ...(feedbackTerms ? { feedbackTerms } : {}) };
  });

  return { algorithmVersion: ALGORITHM_VERSION, weightsVersion: weights.version, demand: demandById(prepared, demand), firms: results };
}

/**
 * The demand these firms make (MatchingRun.demand of scoreAll over them), from the first pass
 * alone: a sharded run's phase 1 needs nothing else, neither the second pass nor explanations.
 * Demand counts each firm's first-pass top `spread.poolSize`, the head of any larger pool.
 */
export function firmDemand(
  firms: readonly MatchingFirm[],
  offers: readonly MatchingOffer[] | PreparedOffers,
  weights?: MatchingWeights,
): Record<string, number> {
  const prepared = isPrepared(offers) ? offers : prepareOffers(offers, weights);
  const demand = new Int32Array(prepared.offers.length);
  firstPasses(firms, prepared, prepared.weights.spread.poolSize, demand);
  return demandById(prepared, demand);
}

interface FirstPass {
  context: FirmContext;
  pool: number[];
  /** The pool's last first-pass score in cents; −1 when the pool holds every offer. */
  floorCents: number;
}

/**
 * Pass 1 for every firm: its best `poolSize` offers without the spread part, each firm's top
 * `spread.poolSize` counted into `demand`, and what pass 2 needs of the firm.
 */
function firstPasses(
  firms: readonly MatchingFirm[],
  prepared: PreparedOffers,
  poolSize: number,
  demand: Int32Array,
  raw = new Float64Array(prepared.offers.length),
  structural = new Float64Array(prepared.offers.length),
  cents = new Int32Array(prepared.offers.length),
): FirstPass[] {
  return firms.map((firm) => {
    const first = firstPassOf(firm, prepared, poolSize, raw, structural, cents);
    for (const d of first.pool.slice(0, prepared.weights.spread.poolSize)) demand[d] = (demand[d] as number) + 1;
    return first;
  });
}

/** One firm's pass 1; leaves in `raw` and `structural` the firm's BM25 and structural score of every offer. */
function firstPassOf(
  firm: MatchingFirm,
  prepared: PreparedOffers,
  poolSize: number,
  raw: Float64Array,
  structural: Float64Array,
  cents: Int32Array,
): FirstPass {
  const context = firmContext(firm, prepared, raw, structural);
  const pool = firstPassPool(context.query, prepared, raw, structural, cents, poolSize);
  const floorCents = pool.length === prepared.offers.length ? -1 : (cents[pool[pool.length - 1] as number] as number);
  return { context: detachedContext(context, prepared, pool), pool, floorCents };
}

/**
 * Every offer's final cents for the firm into `out`, from the BM25 (`raw`) and structural scores
 * firmContext left: toCentiPoints(combinedScore(…)) exactly where it can reach `threshold`, −1
 * where its bound cannot (the text value 1 − exp(−x) is below min(1, x), as in firstPassPool; the
 * margin is far above the rounding of either expression). No exponential for most offers.
 */
function everyOfferCents(
  query: FirmQuery,
  prepared: PreparedOffers,
  raw: Float64Array,
  structural: Float64Array,
  spread: Float64Array,
  threshold: number,
  out: Int32Array,
): void {
  const { text, spread: spreadShare } = prepared.weights.parts;
  const { saturation } = prepared.weights.text;
  const below = threshold - 0.5 - 1e-6;
  for (let d = 0; d < out.length; d++) {
    const r = raw[d] as number;
    const st = structural[d] as number;
    const sp = spread[d] as number;
    if ((st + spreadShare * sp + text * Math.min(1, coverage(query, r) / saturation)) * 10000 < below) {
      out[d] = -1;
      continue;
    }
    out[d] = toCentiPoints(combinedFrom(st, query, prepared, r, sp));
  }
}

function demandById(prepared: PreparedOffers, demand: Int32Array): Record<string, number> {
  const byId: Record<string, number> = {};
  demand.forEach((x, d) => {
    if (x > 0) byId[(prepared.offers[d] as MatchingOffer).id] = x;
  });
  return byId;
}

function isPrepared(offers: readonly MatchingOffer[] | PreparedOffers): offers is PreparedOffers {
  return !Array.isArray(offers);
}

/** Offer positions of each company, ascending. */
function offersPerCompany(prepared: PreparedOffers): number[][] {
  const lists: number[][] = prepared.organizationIds.map(() => []);
  prepared.company.forEach((c, d) => (lists[c] as number[]).push(d));
  return lists;
}

/**
 * The best `k` of positions 0…n−1 by cents, ties by position: rankPositions over every position,
 * in one pass that keeps k (positions come in ascending order, so a tie never displaces).
 */
function topByCents(cents: Int32Array, n: number, k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  for (let d = 0; d < n; d++) {
    const v = cents[d] as number;
    if (top.length === k && v <= (cents[top[k - 1] as number] as number)) continue;
    let j = top.length;
    while (j > 0 && (cents[top[j - 1] as number] as number) < v) j--;
    top.splice(j, 0, d);
    if (top.length > k) top.pop();
  }
  return top;
}

/** rankCompanies over every position: each company by its best offer's cents, ties by company position. */
function topCompaniesByCents(cents: Int32Array, prepared: PreparedOffers, best: Int32Array, k: number): number[] {
  best.fill(-1);
  for (let d = 0; d < cents.length; d++) {
    const c = prepared.company[d] as number;
    if ((cents[d] as number) > (best[c] as number)) best[c] = cents[d] as number;
  }
  // Every company has an offer: ranked as topByCents ranks positions.
  return topByCents(best, best.length, k);
}

/** The best `k` of `positions` by score, ties by position. */
function rankPositions(positions: readonly number[], score: (d: number) => number, k: number): number[] {
  return [...positions].sort((a, b) => score(b) - score(a) || a - b).slice(0, k);
}

/** The best `k` companies among those with an offer in `positions`, by their best offer there. */
function rankCompanies(positions: readonly number[], prepared: PreparedOffers, score: (d: number) => number, k: number): number[] {
  const best = new Map<number, number>();
  for (const d of positions) {
    const c = prepared.company[d] as number;
    best.set(c, Math.max(best.get(c) ?? -1, score(d)));
  }
  return [...best.keys()].sort((a, b) => (best.get(b) as number) - (best.get(a) as number) || a - b).slice(0, k);
}
