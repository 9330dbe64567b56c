import type { Language } from '../domain';
import { SortedText } from '../sorted-text';
import table from './concept-data.json';

/** Prefix of concept terms in the index, apart from the surface terms (words, bigrams). */
export const CONCEPT_PREFIX = '~';

/**
 * headword → its concept stems (English, Porter2), space-separated as stored: the table's text
 * as it is ("headword<TAB>stems" lines in ascending code-unit order of headword, each headword
 * once: scripts/build-concepts.ts sorts them), a headword found by bisecting it (SortedText).
 * Reading the table cuts, hashes and indexes nothing: a Map of its quarter of a million
 * headwords cost a quarter of a second of every run, which looks up a few thousand.
 */
export class ConceptMap {
  private readonly lines: SortedText;
  /** The concept terms of each entry looked up so far, by where its line starts. */
  private readonly conceptsAt = new Map<number, readonly string[]>();

  constructor(text: string) {
    this.lines = new SortedText(text, '\n', 0x09);
  }

  has(headword: string): boolean {
    return this.lines.find(headword) >= 0;
  }

  get(headword: string): string | undefined {
    const at = this.lines.find(headword);
    return at < 0 ? undefined : this.lines.valueAt(at);
  }

  /** The headword's concept terms (CONCEPT_PREFIX + each stem), made once per entry: segmenting looks them up for every word. */
  concepts(headword: string, start = 0, end = headword.length): readonly string[] | undefined {
    const at = this.lines.find(headword, start, end);
    if (at < 0) return undefined;
    let list = this.conceptsAt.get(at);
    if (list === undefined) {
      list = this.lines
        .valueAt(at)
        .split(' ')
        .map((stem) => CONCEPT_PREFIX + stem);
      this.conceptsAt.set(at, list);
    }
    return list;
  }

  *keys(): IterableIterator<string> {
    const { text } = this.lines;
    for (let at = 0; at < text.length; at = this.lines.next(at)) yield text.slice(at, at + this.lines.keyLength(at));
  }

  /**
   * Bit L set when a headword of L ≥ 2 characters starts with the two characters at s[i]
   * (headwords have at most 30): the entries from the first one not less than those two on.
   */
  lengthsAfter(s: string, i: number): number {
    const { text } = this.lines;
    const first = s.charCodeAt(i);
    const second = s.charCodeAt(i + 1);
    let lengths = 0;
    for (
      let at = this.lines.lowerBound(s, i, i + 2);
      at < text.length && text.charCodeAt(at) === first && text.charCodeAt(at + 1) === second;
      at = this.lines.next(at)
    ) {
      const length = this.lines.keyLength(at);
      if (length > 30) throw new Error(`concept table: headword ${text.slice(at, at + length)} is longer than 30 characters`);
      if (length >= 2) lengths |= 1 << length;
    }
    return lengths;
  }
}

export interface ConceptTables {
  zh: ConceptMap;
  ja: ConceptMap;
  /** The English word that shows each stem (nurs → nursing). */
  words: ConceptMap;
  /** The sources the table was extracted from (dictionary, edition, package). */
  source: readonly string[];
  /** Which look-ups segmenting a run is worth making in each table, learnt as runs are segmented. */
  headwords: { zh: HeadwordIndex; ja: HeadwordIndex };
}

/** Which headword lengths one table has, per two first characters and for one character, found on first use and kept. */
export class HeadwordIndex {
  /** Per first two characters of a headword (headwordPrefix), ConceptMap.lengthsAfter. */
  private readonly byPrefix = new Map<number, number>();
  /** Per character code: 0 not asked yet, 1 a one-character headword, 2 not one. */
  private readonly singles = new Uint8Array(0x10000);

  constructor(private readonly table: ConceptMap) {}

  /** Bit L set when a headword of L ≥ 2 characters starts with the two characters at run[i] (run characters, see isRunCode). */
  lengths(run: string, i: number): number {
    const prefix = headwordPrefix(run.charCodeAt(i), run.charCodeAt(i + 1));
    let lengths = this.byPrefix.get(prefix);
    if (lengths === undefined) {
      lengths = this.table.lengthsAfter(run, i);
      this.byPrefix.set(prefix, lengths);
    }
    return lengths;
  }

  /** Whether the character at run[i] is a headword. */
  single(run: string, i: number): boolean {
    const c = run.charCodeAt(i);
    let known = this.singles[c] as number;
    if (known === 0) {
      known = this.table.concepts(run, i, i + 1) === undefined ? 2 : 1;
      this.singles[c] = known;
    }
    return known === 1;
  }
}

let loaded: ConceptTables | undefined;

/**
 * The concept table extracted by scripts/build-concepts.ts (CC-CEDICT for Chinese, EDICT
 * for Japanese), taken as it is on first use (see ConceptMap).
 */
export function conceptTables(): ConceptTables {
  if (loaded) return loaded;
  const data = table as { source: string[]; zh: string; ja: string; words: string };
  const zh = new ConceptMap(data.zh);
  const ja = new ConceptMap(data.ja);
  loaded = { zh, ja, words: new ConceptMap(data.words), source: data.source, headwords: { zh: new HeadwordIndex(zh), ja: new HeadwordIndex(ja) } };
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
