import { conceptTables } from './concepts/concept-table';
import { CONCEPT_PREFIX, conceptTokens } from './concepts/concept-tokens';
import type { Language, Locale } from './domain';
import { normaliseText } from './normalise-text';
import type { PreparedOffers } from './prepare-offers';
import { OFFER_FIELD } from './prepare-offers';
import { sortedConverter } from './sorted-converter';
import type { MatchedTerm } from './text-relevance';

/**
 * Matched words in the viewer's script. A Japanese firm wrote ロボット, the Ji'nan offer says
 * 机器人: the Japanese reader sees ロボット, the Chinese reader 机器人 (the offer's own word),
 * the English reader "robot". Per locale: the firm's word if written in that language (or, in
 * Chinese, a Han word Chinese has too), else the offer's word in that language, else the word in
 * the other script's forms (Han only), else the concept's English word.
 */
export function localisedTerms(prepared: PreparedOffers, d: number, terms: readonly MatchedTerm[]): Record<Locale, string[]> {
  const out: Record<Locale, string[]> = { en: [], ja: [], 'zh-CN': [] };
  for (const term of terms) {
    const forms = termForms(prepared.text.terms[term.term] as string, term.surface, term.language);
    // The offer's own words are read only when the firm's word cannot be shown as is: katakana or
    // English for a Chinese reader, a Japanese word Chinese lacks.
    let words: Partial<Record<Language, string>> | undefined;
    const offer = (): Partial<Record<Language, string>> => (words ??= forms.concept === undefined ? {} : offerWords(prepared, d, forms.concept));
    add(out.en, forms.en);
    add(out['zh-CN'], forms.chinese ?? offer().zh ?? forms.chineseElse);
    add(out.ja, forms.japanese ?? japaneseOf(offer()) ?? forms.japaneseElse);
  }
  return out;
}

/** What showing a matched word takes that does not depend on the offer: in English, and in Chinese and Japanese before or after the offer's own word. */
interface TermForms {
  concept: string | undefined;
  en: string;
  chinese: string | undefined;
  chineseElse: string;
  japanese: string | undefined;
  japaneseElse: string;
}

const formsCache = new Map<string, TermForms>();

/** The offer-independent forms of a matched word (index term `key`, written `surface` in `language`), memoised. */
function termForms(key: string, surface: string, language: Language): TermForms {
  const cacheKey = `${language}\t${surface}\t${key}`;
  let forms = formsCache.get(cacheKey);
  if (forms !== undefined) return forms;
  const concept = key.startsWith(CONCEPT_PREFIX) ? key : conceptOf(surface, language);
  const han = /^[\p{Script=Han}\u3005]+$/u.test(surface);
  const english = concept === undefined ? undefined : (conceptTables().words.get(concept.slice(CONCEPT_PREFIX.length)) ?? concept.slice(CONCEPT_PREFIX.length));
  forms = {
    concept,
    en: (language === 'en' ? surface : undefined) ?? english ?? surface,
    chinese: han && (language === 'zh' || conceptTables().zh.has(normalised(surface))) ? normalised(surface) : undefined,
    chineseElse: (han ? normalised(surface) : undefined) ?? english ?? surface,
    japanese: (language === 'ja' ? surface : undefined) ?? (han ? toJapanese(normalised(surface)) : undefined),
    japaneseElse: english ?? surface,
  };
  if (formsCache.size < 100_000) formsCache.set(cacheKey, forms);
  return forms;
}

function add(list: string[], word: string): void {
  if (!list.includes(word)) list.push(word);
}

const conceptOfCache = new Map<string, string | undefined>();

/** The first concept of a surface word (光通信 → ~optic), for showing a surface match in English. Memoised. */
function conceptOf(surface: string, language: Language): string | undefined {
  const key = `${language}:${surface}`;
  if (conceptOfCache.has(key)) return conceptOfCache.get(key);
  let first: string | undefined;
  conceptTokens(normalised(surface), language, (concept) => {
    first ??= concept;
  });
  if (conceptOfCache.size < 100_000) conceptOfCache.set(key, first);
  return first;
}

const normalisedCache = new Map<string, string>();

/** normaliseText of a matched word, memoised: the same few thousand words recur in every explanation. */
function normalised(word: string): string {
  let out = normalisedCache.get(word);
  if (out === undefined) {
    out = normaliseText(word);
    if (normalisedCache.size < 100_000) normalisedCache.set(word, out);
  }
  return out;
}

let toJp: ((text: string) => string) | undefined;

/** Simplified Chinese characters in Japanese forms (医疗机器 → 医療機器), as OpenCC cn → jp does. */
/** The offer's word in Japanese forms: its Japanese text's, else its Chinese word converted. */
function japaneseOf(words: Partial<Record<Language, string>>): string | undefined {
  const word = words.ja ?? words.zh;
  return word === undefined ? undefined : toJapanese(word);
}

const japaneseCache = new Map<string, string>();

function toJapanese(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  let out = japaneseCache.get(text);
  if (out === undefined) {
    toJp ??= sortedConverter('cn', 'jp');
    out = toJp(text);
    if (japaneseCache.size < 100_000) japaneseCache.set(text, out);
  }
  return out;
}

/**
 * The offer's own word for a concept in Chinese and in Japanese: its first occurrence in that
 * language's text, title first, then partner sought, then summary (as the index read them).
 */
function offerWords(prepared: PreparedOffers, d: number, concept: string): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  const { conceptWords } = prepared.text;
  for (const language of ['zh', 'ja'] as const) {
    for (const field of SHOWN_FIELDS) {
      const word = conceptWords.firstWord(d, field, language, concept);
      if (word !== undefined) {
        out[language] = word;
        break;
      }
    }
  }
  return out;
}

const SHOWN_FIELDS = [OFFER_FIELD.title, OFFER_FIELD.partnerSought, OFFER_FIELD.summary];
