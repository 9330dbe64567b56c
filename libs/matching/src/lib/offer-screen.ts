import type { MatchingFirm, MatchingOffer } from './domain';
import type { FirmProfile } from './firm-profile';
import { firmProfile, structuralScore } from './firm-profile';
import { spreadFit, textValue } from './parts';
import type { PreparedOffers } from './prepare-offers';
import { combinedFrom } from './score-pair';
import type { FirmQuery } from './text-relevance';
import { coverage, firmQuery, rawScore } from './text-relevance';
import { TokenKind } from './tokenise';

/** What a firm's stored results show: what a screen compares a changed offer with. */
export interface ShownResults {
  /** The offers the results name: the top offers and the top companies' offers. */
  offerIds: readonly string[];
  /** The top companies' organisation ids. */
  companyIds: readonly string[];
  /** The last top offer's and the last top company's score in cents; −1 when that list is not full. */
  lastOfferCents: number;
  lastCompanyCents: number;
  /** The words feedback added to the firm's query when it was scored (FirmRecommendations.feedbackTerms), if kept. */
  feedbackTerms?: readonly string[];
}

/**
 * Whether offer `d` (as `prepared` holds it now) can change the firm's results: false only when
 * scoring the firm again would leave its top offers and companies as `shown` has them, up to the
 * small drift of every score a corpus change brings (term rarity; a firm the offer does not reach
 * at all keeps that drift too). The offer must then
 * - not be the only offer with one of the firm's words (the firm's query gains that word), nor be
 *   able to join the firm's pseudo-relevance feedback (mayJoinFeedback): either moves every score
 *   of the firm;
 * - belong to none of the shown companies (it could become one's best or shown offer);
 * - score below the last shown offer and the last shown company. With the firm's feedback words
 *   kept from its last scoring (`shown.feedbackTerms`) that is the offer's score itself, with a
 *   margin for drift; without, a bound: the firm's own words as they meet the offer, and for the
 *   feedback words (unknown without scoring the firm over every offer) the best the offer's own
 *   words could lend, at most `feedback.terms` of them at the feedback weight.
 * A firm whose lists are not full is always moved. `demand`: the offer's in the run (spread part).
 */
export function offerCanMoveFirm(firm: MatchingFirm, prepared: PreparedOffers, d: number, shown: ShownResults, demand: number): boolean {
  if (shown.lastOfferCents < 0 || shown.lastCompanyCents < 0) return true;
  if (shown.companyIds.includes((prepared.offers[d] as MatchingOffer).organizationId)) return true;
  const query = firmQuery(firm, prepared);
  const profile = firmProfile(firm, prepared);
  const own = rawScore(prepared, query, d);
  if (soleHolderOfOwnWord(query, prepared, d) || mayJoinFeedbackOf(profile, query, prepared, d, own, shown)) return true;
  const { parts } = prepared.weights;
  let textShare: number;
  let margin: number;
  if (shown.feedbackTerms) {
    // The firm's query as it was scored: the offer's score itself, up to the drift of term rarity
    // (and of the feedback's last words, which can swap at a tie): a margin of 20 cents for it.
    const lent = feedbackPart(prepared, query, d, shown.feedbackTerms);
    textShare = query.mass + lent.mass > 0 ? (own + lent.raw) / (query.mass + lent.mass) : 0;
    margin = 20;
  } else {
    // Coverage (own + f) / (mass + F) with the feedback's mass F ≥ its part f in this offer is at
    // most (own + f) / (mass + f), which grows with f (own < mass): so at most this.
    const lent = feedbackBound(prepared, query, d);
    textShare = query.mass > 0 ? (own + lent) / (query.mass + lent) : 0;
    // A whole cent: far wider than the rounding of either expression.
    margin = 1;
  }
  const ceiling =
    structuralScore(profile, prepared, d) + parts.text * textValue(textShare, prepared.weights) + parts.spread * spreadFit(demand, prepared.weights).value;
  return ceiling * 10000 >= Math.min(shown.lastOfferCents, shown.lastCompanyCents) - margin;
}

/**
 * The feedback words' part of offer d's BM25 for the firm, and of the query's mass: each word at
 * the feedback weight × its idf now (firmQuery leaves words no offer has out; so does this).
 */
function feedbackPart(prepared: PreparedOffers, query: FirmQuery, d: number, words: readonly string[]): { raw: number; mass: number } {
  const index = prepared.text;
  const { weight } = prepared.weights.text.feedback;
  const own = ownTerms(query);
  const inOffer = new Map<number, number>();
  for (let p = index.docStart[d] as number; p < (index.docStart[d + 1] as number); p++) inOffer.set(index.docTerm[p] as number, index.docWeight[p] as number);
  let raw = 0;
  let mass = 0;
  for (const word of words) {
    const t = index.termIds.get(word);
    if (t === undefined || own.has(t)) continue;
    const w = weight * (index.idf[t] as number);
    mass += w * (index.k1 + 1);
    raw += w * (inOffer.get(t) ?? 0);
  }
  return { raw, mass };
}

/**
 * Offer `d`'s score for the firm as far as it can be known without scoring the firm over every
 * offer: the structural parts (sector, cooperation, scale, language) and the text part from the
 * firm's own words alone (no feedback words, no spread: the spread part is the same for every
 * firm). IncrementalMatching commits re-scored firms in this order, highest first, so an offer
 * reaches its likeliest readers first. Own words alone were the order before: at 100× the firm
 * an offer was written for (its sector, type and own words) came 203rd of 2,197 reached firms,
 * behind firms whose few words the offer happened to repeat; by this estimate 28th. An order,
 * not a screen: every firm offerCanMoveFirm keeps is re-scored.
 */
export function offerFitEstimate(firm: MatchingFirm, prepared: PreparedOffers, d: number): number {
  const query = firmQuery(firm, prepared);
  const textShare = coverage(query, rawScore(prepared, query, d));
  return structuralScore(firmProfile(firm, prepared), prepared, d) + prepared.weights.parts.text * textValue(textShare, prepared.weights);
}

/**
 * Whether offer `d` as it was (before a change or its withdrawal; `prepared` the offers then)
 * could have moved the firm's results when it changed: when it held a word of the firm's no other
 * offer has (the firm's query loses it), or when it may have been among the firm's feedback
 * offers. Had it been shown, the firm is re-scored anyway.
 */
export function oldOfferCanMoveFirm(firm: MatchingFirm, prepared: PreparedOffers, d: number, shown: Pick<ShownResults, 'offerIds'>): boolean {
  const query = firmQuery(firm, prepared);
  return soleHolderOfOwnWord(query, prepared, d) || mayJoinFeedbackOf(firmProfile(firm, prepared), query, prepared, d, rawScore(prepared, query, d), shown);
}

/**
 * Whether offer `d` can be among the firm's feedback offers (the `feedback.documents` best by the
 * firm's own words, text and structure, no spread; see expandQuery): not when it shares none of
 * the firm's words, nor when that many shown offers that do score more. The shown offers are
 * some of every offer, so their `documents`-th best is at most the feedback's last.
 */
export function mayJoinFeedback(firm: MatchingFirm, prepared: PreparedOffers, d: number, shown: Pick<ShownResults, 'offerIds'>): boolean {
  const query = firmQuery(firm, prepared);
  return mayJoinFeedbackOf(firmProfile(firm, prepared), query, prepared, d, rawScore(prepared, query, d), shown);
}

/**
 * Whether offer `d` is the only offer with one of the query's own words: the firm's query has that
 * word because of this offer alone (a query leaves out words no offer has), and its mass with it.
 */
function soleHolderOfOwnWord(query: FirmQuery, prepared: PreparedOffers, d: number): boolean {
  const { postingStart, postingDoc } = prepared.text;
  for (let i = 0; i < query.ownTermCount; i++) {
    const t = query.terms[i] as number;
    if ((postingStart[t + 1] as number) - (postingStart[t] as number) === 1 && postingDoc[postingStart[t] as number] === d) return true;
  }
  return false;
}

/** mayJoinFeedback from the firm's profile, own query and offer d's BM25 for it (`raw`), computed once by the caller. */
function mayJoinFeedbackOf(
  profile: FirmProfile,
  query: FirmQuery,
  prepared: PreparedOffers,
  d: number,
  raw: number,
  shown: Pick<ShownResults, 'offerIds'>,
): boolean {
  const { documents, terms, weight } = prepared.weights.text.feedback;
  if (documents === 0 || terms === 0 || weight === 0 || query.terms.length === 0) return false;
  if (raw <= 0) return false;
  const score = (e: number, r: number) => combinedFrom(structuralScore(profile, prepared, e), query, prepared, r, 0);
  const others: number[] = [];
  for (const id of new Set(shown.offerIds)) {
    const e = prepared.positionById.get(id);
    if (e === undefined || e === d) continue;
    const r = rawScore(prepared, query, e);
    if (r > 0) others.push(score(e, r));
  }
  if (others.length < documents) return true;
  others.sort((a, b) => b - a);
  return score(d, raw) > (others[documents - 1] as number) - 1e-9;
}

/**
 * The most the feedback words can add to offer d's BM25 for this query: the largest
 * `feedback.terms` of weight × idf × BM25 factor over the offer's words that are not the
 * query's own (feedback never lends those, nor single Han characters).
 */
function feedbackBound(prepared: PreparedOffers, query: FirmQuery, d: number): number {
  const { terms: budget, weight } = prepared.weights.text.feedback;
  if (budget === 0 || weight === 0 || query.terms.length === 0) return 0;
  const index = prepared.text;
  const own = ownTerms(query);
  const best: number[] = [];
  for (let p = index.docStart[d] as number; p < (index.docStart[d + 1] as number); p++) {
    const t = index.docTerm[p] as number;
    if (own.has(t) || index.termKind[t] === TokenKind.CjkUnigram) continue;
    best.push(weight * (index.idf[t] as number) * (index.docWeight[p] as number));
  }
  best.sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < Math.min(budget, best.length); i++) sum += best[i] as number;
  return sum;
}

/** The query's own words (feedback lends none of them). */
function ownTerms(query: FirmQuery): Set<number> {
  return new Set(query.terms.slice(0, query.ownTermCount));
}
