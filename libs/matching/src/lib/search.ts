import { segmentCount } from './concepts/concept-tokens';
import type { Language, Locale, MatchingFirm } from './domain';
import { normaliseText } from './normalise-text';
import type { PreparedOffers } from './prepare-offers';
import { localisedTerms } from './reason-terms';
import { accumulate, coverage, firmQuery, matchedTerms } from './text-relevance';

export interface SearchOptions {
  /** Only offers at these positions qualify (filters applied by the caller); default all. */
  accept?: (position: number) => boolean;
  /** Hits below this share of the best hit's relevance are dropped (noise from single shared characters). */
  minShareOfBest?: number;
}

export interface SearchHit {
  offerId: string;
  /** Share of the query's weight the offer matched, in [0, 1). */
  relevance: number;
  /** Matched words per viewer locale, most telling first. */
  matched: Record<Locale, string[]>;
}

/**
 * Relevance search over prepared offers with the engine's own text relevance: the query is
 * read like a firm's "seeks" (surface words and dictionary concepts, no feedback), so 水素
 * finds 氢燃料电池, ロボット finds 工业机器人, and exact words and names still count.
 * Offers in order of relevance, ties by id; the matched words of the first `explain` hits.
 */
export function searchOffers(prepared: PreparedOffers, text: string, options: SearchOptions & { explain?: number } = {}): { hits: SearchHit[] } {
  const language = queryLanguage(text);
  const firm: MatchingFirm = { id: 'search', sectors: [], cooperationTypes: [], seeks: { [language]: text }, sizeBand: 'medium', languages: [] };
  const query = firmQuery(firm, prepared, prepared.weights.text.searchConceptWeight);
  const raw = new Float64Array(prepared.offers.length);
  accumulate(prepared, query, 0, raw);
  let best = 0;
  const found: number[] = [];
  for (let d = 0; d < raw.length; d++) {
    if ((raw[d] as number) <= 0 || (options.accept && !options.accept(d))) continue;
    found.push(d);
    if ((raw[d] as number) > best) best = raw[d] as number;
  }
  const floor = best * (options.minShareOfBest ?? 0.2);
  const ranked = found.filter((d) => (raw[d] as number) >= floor).sort((a, b) => (raw[b] as number) - (raw[a] as number) || a - b);
  const explain = options.explain ?? ranked.length;
  return {
    hits: ranked.map((d, i) => ({
      offerId: prepared.offers[d]?.id as string,
      relevance: coverage(query, raw[d] as number),
      matched: i < explain ? localisedTerms(prepared, d, matchedTerms(prepared, query, d)) : { en: [], ja: [], 'zh-CN': [] },
    })),
  };
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
