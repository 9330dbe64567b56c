import type { Language } from '../domain';
import table from './concept-data.json';

/** Prefix of concept terms in the index, apart from the surface terms (words, bigrams). */
export const CONCEPT_PREFIX = '~';

/**
 * headword → its concept stems (English, Porter2), space-separated as stored: read out of the
 * table's text and split on use, not on load (a quarter of a million strings cut at first use
 * cost more than the few thousand headwords a run's texts use).
 */
export class ConceptMap {
  private readonly conceptsAt = new Map<number, readonly string[]>();

  constructor(
    private readonly text: string,
    /** Where each headword's stems begin in `text` (they end at the line's end). */
    private readonly stemsAt: ReadonlyMap<string, number>,
  ) {}

  has(headword: string): boolean {
    return this.stemsAt.has(headword);
  }

  get(headword: string): string | undefined {
    const start = this.stemsAt.get(headword);
    return start === undefined ? undefined : this.stemsFrom(start);
  }

  /** The headword's concept terms (CONCEPT_PREFIX + each stem), made once per entry: segmenting looks them up for every word. */
  concepts(headword: string): readonly string[] | undefined {
    const start = this.stemsAt.get(headword);
    if (start === undefined) return undefined;
    let list = this.conceptsAt.get(start);
    if (list === undefined) {
      list = this.stemsFrom(start)
        .split(' ')
        .map((stem) => CONCEPT_PREFIX + stem);
      this.conceptsAt.set(start, list);
    }
    return list;
  }

  private stemsFrom(start: number): string {
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end < 0 ? this.text.length : end);
  }

  keys(): IterableIterator<string> {
    return this.stemsAt.keys();
  }
}

export interface ConceptTables {
  zh: ConceptMap;
  ja: ConceptMap;
  /** The English word that shows each stem (nurs → nursing). */
  words: ConceptMap;
  /** The sources the table was extracted from (dictionary, edition, package). */
  source: readonly string[];
  /** Which look-ups segmenting a run is worth making in each table, built while it is parsed. */
  headwords: { zh: HeadwordIndex; ja: HeadwordIndex };
}

export interface HeadwordIndex {
  /**
   * Per first two characters of a headword (headwordPrefix), bit L set when a headword of L ≥ 2
   * characters starts with them (headwords have at most 30).
   */
  lengths: ReadonlyMap<number, number>;
  /** 1 at the code of each one-character headword. */
  single: Uint8Array;
}

let loaded: ConceptTables | undefined;

/**
 * The concept table extracted by scripts/build-concepts.ts (CC-CEDICT for Chinese, EDICT
 * for Japanese), parsed once per process on first use (a split of two strings, no stemming).
 */
export function conceptTables(): ConceptTables {
  if (loaded) return loaded;
  const data = table as { source: string[]; zh: string; ja: string; words: string };
  const parse = (text: string, headwords?: { lengths: Map<number, number>; single: Uint8Array }): Map<string, number> => {
    const map = new Map<string, number>();
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', start);
      if (tab > start && tab < end) {
        const key = text.slice(start, tab);
        map.set(key, tab + 1);
        if (headwords && key.length === 1) headwords.single[key.charCodeAt(0)] = 1;
        if (headwords && key.length >= 2) {
          if (key.length > 30) throw new Error(`concept table: headword ${key} is longer than 30 characters`);
          const first = key.charCodeAt(0);
          const second = key.charCodeAt(1);
          // A headword that cannot start a run's word is never looked up.
          if (isRunCode(first) && isRunCode(second)) {
            const prefix = headwordPrefix(first, second);
            headwords.lengths.set(prefix, (headwords.lengths.get(prefix) ?? 0) | (1 << key.length));
          }
        }
      }
      start = end + 1;
    }
    return map;
  };
  const headwords = {
    zh: { lengths: new Map<number, number>(), single: new Uint8Array(0x10000) },
    ja: { lengths: new Map<number, number>(), single: new Uint8Array(0x10000) },
  };
  loaded = {
    zh: new ConceptMap(data.zh, parse(data.zh, headwords.zh)),
    ja: new ConceptMap(data.ja, parse(data.ja, headwords.ja)),
    words: new ConceptMap(data.words, parse(data.words)),
    source: data.source,
    headwords,
  };
  return loaded;
}

/** Which table to try first for text written in `language` (the other one is the fallback). */
export function tablesFor(language: Language | undefined): [ConceptMap, ConceptMap] {
  const t = conceptTables();
  return language === 'ja' ? [t.ja, t.zh] : [t.zh, t.ja];
}

/** A small integer for two run characters (all of them lie in U+3000–U+9FFF). */
export function headwordPrefix(first: number, second: number): number {
  return (first - 0x3000) * 0x7000 + (second - 0x3000);
}

/** Han (BMP) and katakana: the characters of dictionary headwords. */
export function isRunCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || c === 0x3005;
}
