import { conceptTokens, segmentCount } from './concepts/concept-tokens';
import type { Language, Locale, MatchingFirm } from './domain';
import { normaliseText } from './normalise-text';
import type { PreparedOffers } from './prepare-offers';
import { localisedTerms } from './reason-terms';
import type { FirmQuery } from './text-relevance';
import { accumulate, firmQuery, matchedTerms } from './text-relevance';
import { tokenise } from './tokenise';

export interface SearchOptions {
  /** Only offers at these positions qualify (filters applied by the caller); default all. */
  accept?: (position: number) => boolean;
  /** Hits below this share of the best hit's relevance are dropped (noise from single shared characters). */
  minShareOfBest?: number;
}

export interface SearchHit {
  offerId: string;
  /** Weighted mean over the query's words of the share of each the offer matched (as written or by meaning), in [0, 1]. */
  relevance: number;
  /** Matched words per viewer locale, most telling first. */
  matched: Record<Locale, string[]>;
}

/**
 * Relevance search over prepared offers with the engine's own text relevance: the query is
 * read like a firm's "seeks" (surface words and dictionary concepts, no feedback), so 水素
 * finds 氢燃料电池, ロボット finds 工业机器人, and exact words and names still count.
 * Offers in order of relevance, ties by id; the matched words of the first `explain` hits.
 *
 * Each word of the query counts once, in whichever form the offer has it: a dictionary word's
 * relevance in an offer is the larger of its surface share (its characters or letters, matched
 * as written) and its concept share (its meaning, matched in any language), so an offer that
 * says it in another language is not outranked merely for using the query's own script
 * (zh→en queries found none of their targets on page 1 when surface and concept scores added
 * up). Words are weighted by their rarity; text the dictionary does not know (names) counts by
 * its surface. Relevance is the weighted mean share, in [0, 1].
 */
export function searchOffers(prepared: PreparedOffers, text: string, options: SearchOptions & { explain?: number } = {}): { hits: SearchHit[] } {
  const language = queryLanguage(text);
  const firm: MatchingFirm = { id: 'search', sectors: [], cooperationTypes: [], seeks: { [language]: text }, sizeBand: 'medium', languages: [] };
  const query = firmQuery(firm, prepared, prepared.weights.text.searchConceptWeight);
  const n = prepared.offers.length;
  const relevance = new Float64Array(n);
  const surface = new Float64Array(n);
  const best = new Float64Array(n);
  let totalWeight = 0;
  for (const unit of queryUnits(prepared, query, text, language)) {
    best.fill(0);
    conceptShare(prepared, unit.concept, best);
    if (unit.surface.mass > 0) {
      surface.fill(0);
      accumulate(prepared, unit.surface, 0, surface);
      for (let d = 0; d < n; d++) best[d] = Math.max(best[d] as number, (surface[d] as number) / unit.surface.mass);
    }
    for (let d = 0; d < n; d++) relevance[d] = (relevance[d] as number) + unit.weight * (best[d] as number);
    totalWeight += unit.weight;
  }
  if (totalWeight > 0) for (let d = 0; d < n; d++) relevance[d] = (relevance[d] as number) / totalWeight;
  let top = 0;
  const found: number[] = [];
  for (let d = 0; d < n; d++) {
    if ((relevance[d] as number) <= 0 || (options.accept && !options.accept(d))) continue;
    found.push(d);
    if ((relevance[d] as number) > top) top = relevance[d] as number;
  }
  const floor = top * (options.minShareOfBest ?? 0.2);
  const ranked = found.filter((d) => (relevance[d] as number) >= floor).sort((a, b) => (relevance[b] as number) - (relevance[a] as number) || a - b);
  const explain = options.explain ?? ranked.length;
  return {
    hits: ranked.map((d, i) => ({
      offerId: prepared.offers[d]?.id as string,
      relevance: relevance[d] as number,
      matched: i < explain ? localisedTerms(prepared, d, matchedTerms(prepared, query, d)) : { en: [], ja: [], 'zh-CN': [] },
    })),
  };
}

/**
 * A dictionary word's concept share in each offer, as a maximum into `share`: its stems are
 * mostly alternatives (senses and synonyms of its glosses: 电池 → ~batteri ~electr ~cell), so
 * the offer's best-matched stem counts, at its rarity relative to the word's rarest stem.
 */
function conceptShare(prepared: PreparedOffers, concept: SubQuery, share: Float64Array): void {
  if (concept.terms.length === 0) return;
  const { postingStart, postingDoc, postingWeight, k1 } = prepared.text;
  const full = Math.max(...concept.weights) * (k1 + 1);
  concept.terms.forEach((t, i) => {
    const w = (concept.weights[i] as number) / full;
    for (let p = postingStart[t] as number; p < (postingStart[t + 1] as number); p++) {
      const d = postingDoc[p] as number;
      share[d] = Math.max(share[d] as number, w * (postingWeight[p] as number));
    }
  });
}

/** Terms of a query as a weighted sub-query (the shape accumulate reads). */
interface SubQuery {
  terms: number[];
  weights: number[];
  mass: number;
}

/** One word of a search query: its surface terms, its concept terms, and its weight among the query's words. */
interface QueryUnit {
  surface: SubQuery;
  concept: SubQuery;
  weight: number;
}

/**
 * The query's terms grouped by the word they come from: a dictionary word (a concept's span in
 * the text) holds its concepts and the surface terms that start inside it; a surface term
 * outside every dictionary word is a word of its own. Its weight is its rarity: the larger of
 * its concepts' mass (at concept weight 1) and its surface terms' mass.
 */
function queryUnits(prepared: PreparedOffers, query: FirmQuery, text: string, language: Language): QueryUnit[] {
  const index = prepared.text;
  const k1 = index.k1;
  const conceptWeight = prepared.weights.text.searchConceptWeight;
  const weightOf = new Map<number, number>(query.terms.map((t, i) => [t, query.weights[i] as number]));
  const normalised = normaliseText(text);
  const spans: { start: number; end: number; unit: QueryUnit }[] = [];
  const units: QueryUnit[] = [];
  const newUnit = (): QueryUnit => {
    const unit: QueryUnit = { surface: { terms: [], weights: [], mass: 0 }, concept: { terms: [], weights: [], mass: 0 }, weight: 0 };
    units.push(unit);
    return unit;
  };
  const placed = new Set<number>();
  const place = (part: SubQuery, t: number | undefined): void => {
    if (t === undefined || placed.has(t)) return;
    const w = weightOf.get(t);
    if (w === undefined) return;
    placed.add(t);
    part.terms.push(t);
    part.weights.push(w);
    part.mass += w * (k1 + 1);
  };
  conceptTokens(normalised, language, (concept, surface, _single, start) => {
    let span = spans.find((s) => s.start === start);
    if (!span) {
      span = { start, end: start + Array.from(surface).length, unit: newUnit() };
      spans.push(span);
    }
    place(span.unit.concept, index.termIds.get(concept));
  });
  tokenise(normalised, (term, _kind, start) => {
    const span = spans.find((s) => s.start <= start && start < s.end);
    place((span?.unit ?? newUnit()).surface, index.termIds.get(term));
  });
  const kept = units.filter((u) => u.surface.mass > 0 || u.concept.mass > 0);
  for (const unit of kept) unit.weight = Math.max(unit.concept.mass / conceptWeight, unit.surface.mass);
  return kept;
}

/**
 * The language a query is written in: kana → Japanese; Han only → whichever dictionary splits
 * it into fewer words (水素 is one Japanese word, 医疗器械 one Chinese word; a tie is Chinese);
 * else English. It picks the dictionary tried first and the script its words are shown in.
 */
export function queryLanguage(text: string): Language {
  if (/[\u3040-\u30ff]/u.test(text)) return 'ja';
  if (/\p{Script=Han}/u.test(text)) {
    const normalised = normaliseText(text);
    return segmentCount(normalised, 'ja') < segmentCount(normalised, 'zh') ? 'ja' : 'zh';
  }
  return 'en';
}
