import { Converter } from 'opencc-js';
import { conceptTables } from './concepts/concept-table';
import { CONCEPT_PREFIX, conceptTokens } from './concepts/concept-tokens';
import type { Language, Locale, MultilingualText } from './domain';
import { LANGUAGES } from './domain';
import { normaliseText } from './normalise-text';
import type { PreparedOffers } from './prepare-offers';
import type { MatchedTerm } from './text-relevance';

/**
 * Matched words in the viewer's script. A Japanese firm wrote ロボット, the Ji'nan offer says
 * 机器人: the Japanese reader sees ロボット, the Chinese reader 机器人 (the offer's own word),
 * the English reader "robot". Order of preference per locale: the firm's word if written in
 * that language, the offer's word in that language, the word converted between simplified
 * Chinese and Japanese forms (Han only), the concept's English word.
 */
export function localisedTerms(prepared: PreparedOffers, d: number, terms: readonly MatchedTerm[]): Record<Locale, string[]> {
  const out: Record<Locale, string[]> = { en: [], ja: [], 'zh-CN': [] };
  for (const term of terms) {
    const key = prepared.text.terms[term.term] as string;
    const concept = key.startsWith(CONCEPT_PREFIX) ? key : conceptOf(term.surface, term.language);
    const offerWords = concept === undefined ? {} : (offerSurfaces(prepared, d).get(concept) ?? {});
    const own = (language: Language): string | undefined => (term.language === language ? term.surface : undefined);
    const han = /^[\p{Script=Han}\u3005]+$/u.test(term.surface);
    const english =
      concept === undefined ? undefined : (conceptTables().words.get(concept.slice(CONCEPT_PREFIX.length)) ?? concept.slice(CONCEPT_PREFIX.length));
    add(out.en, own('en') ?? offerWords.en ?? english ?? term.surface);
    add(
      out['zh-CN'],
      (own('zh') && normaliseText(term.surface)) ?? offerWords.zh ?? (han ? normaliseText(term.surface) : undefined) ?? english ?? term.surface,
    );
    add(
      out.ja,
      own('ja') ?? (offerWords.ja && toJapanese(offerWords.ja)) ?? (han ? toJapanese(normaliseText(term.surface)) : undefined) ?? english ?? term.surface,
    );
  }
  return out;
}

function add(list: string[], word: string): void {
  if (!list.includes(word)) list.push(word);
}

/** The first concept of a surface word (光通信 → ~optic), for showing a surface match in English. */
function conceptOf(surface: string, language: Language): string | undefined {
  let first: string | undefined;
  conceptTokens(normaliseText(surface), language, (concept) => {
    first ??= concept;
  });
  return first;
}

let toJp: ((text: string) => string) | undefined;

/** Simplified Chinese characters in Japanese forms (医疗机器 → 医療機器), as OpenCC cn → jp does. */
function toJapanese(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  toJp ??= Converter({ from: 'cn', to: 'jp' });
  return toJp(text);
}

const surfaceCache = new WeakMap<PreparedOffers, Map<number, Map<string, Partial<Record<Language, string>>>>>();

/** Per concept, the offer's own word for it in each of its languages (first occurrence, title first). */
function offerSurfaces(prepared: PreparedOffers, d: number): Map<string, Partial<Record<Language, string>>> {
  let perOffer = surfaceCache.get(prepared);
  if (!perOffer) {
    perOffer = new Map();
    surfaceCache.set(prepared, perOffer);
  }
  let map = perOffer.get(d);
  if (map) return map;
  map = new Map();
  const offer = prepared.offers[d];
  if (offer) {
    const fields: MultilingualText[] = [offer.title, offer.partnerSought, offer.summary];
    for (const field of fields) {
      for (const language of LANGUAGES) {
        const text = field[language];
        if (!text) continue;
        conceptTokens(normaliseText(text), language, (concept, surface) => {
          const words = map?.get(concept) ?? {};
          if (words[language] === undefined) words[language] = surface;
          map?.set(concept, words);
        });
      }
    }
  }
  perOffer.set(d, map);
  return map;
}
