import type { Language, MatchingOffer } from '../src/lib/domain';
import { LANGUAGES } from '../src/lib/domain';
import { normaliseText } from '../src/lib/normalise-text';
import type { PlantedData } from '../src/testing/planted-data';
import { mulberry32 } from '../src/testing/planted-data';
import { TOPICS } from '../src/testing/vocabulary';

export interface SearchQuery {
  text: string;
  target: string;
  /** "ja→zh": query language → the offer's languages. */
  kind: string;
}

/**
 * Cross-language search queries over planted offers: for an offer, the topic words its
 * title and partner-sought text use, written in a language the offer does not have (a
 * Japanese firm typing 水素 for an offer that says 氢能). The target is that offer.
 */
export function searchQueries(data: PlantedData, count: number, seed: number): SearchQuery[] {
  const rng = mulberry32(seed);
  const out: SearchQuery[] = [];
  const offers = [...data.offers];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const offer = offers[Math.floor(rng() * offers.length)] as MatchingOffer;
    const has = LANGUAGES.filter((l) => offer.title[l]);
    const missing = LANGUAGES.filter((l) => !offer.title[l]);
    if (missing.length === 0) continue;
    const queryLanguage = missing[Math.floor(rng() * missing.length)] as Language;
    const topic = TOPICS.find((t) => t.id === data.truth.offerTopics[offer.id]?.[0]);
    const source = has[0] as Language;
    if (!topic) continue;
    const words: string[] = [];
    for (const field of [offer.title, offer.partnerSought]) {
      const text = normaliseText(field[source] ?? '');
      const i = topic[source].findIndex((w, k) => text.includes(normaliseText(w)) && !words.includes(topic[queryLanguage][k] as string));
      if (i >= 0) words.push(topic[queryLanguage][i] as string);
    }
    if (words.length === 0) continue;
    out.push({ text: words.join(queryLanguage === 'en' ? ' ' : ' '), target: offer.id, kind: `${queryLanguage}→${has.join('+')}` });
  }
  return out;
}
