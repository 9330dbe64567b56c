import type { Language } from '../domain';
import { Match, SortedText } from '../sorted-text';
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
  concepts(headword: string): readonly string[] | undefined {
    const at = this.lines.find(headword);
    return at < 0 ? undefined : this.conceptsOf(at);
  }

  /** The concept terms of the entry at `at` (see HeadwordIndex). */
  conceptsOf(at: number): readonly string[] {
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

  /** The entry of headword s[i, j), or -1; among the entries from `from` to `to` only (see SortedText.lowerBound). */
  entry(s: string, i: number, j: number, from?: number, to?: number): number {
    const at = this.lines.lowerBound(s, i, j, from, to);
    return this.lines.match(at, s, i, j) === Match.Exact ? at : -1;
  }

  /** The entries whose headwords start with the two characters at s[i] (and are longer than one): they follow each other. */
  entriesAfter(s: string, i: number): HeadwordPrefix {
    const { text } = this.lines;
    const first = s.charCodeAt(i);
    const second = s.charCodeAt(i + 1);
    const from = this.lines.lowerBound(s, i, i + 2);
    let lengths = 0;
    let at = from;
    for (; at < text.length && text.charCodeAt(at) === first && text.charCodeAt(at + 1) === second; at = this.lines.next(at)) {
      const length = this.lines.keyLength(at);
      if (length > 30) throw new Error(`concept table: headword ${text.slice(at, at + length)} is longer than 30 characters`);
      if (length >= 2) lengths |= 1 << length;
    }
    return { lengths, from, to: at };
  }
}

export interface ConceptTables {
  zh: ConceptMap;
  ja: ConceptMap;
  /** English words the glosses spell out in other words (cnc → computer numerical control; see gloss.ts spelledOut), their stems. */
  en: ConceptMap;
  /** The English word that shows each stem (nurs → nursing). */
  words: ConceptMap;
  /** The sources the table was extracted from (dictionary, edition, package). */
  source: readonly string[];
  /** Which look-ups segmenting a run is worth making in each table, learnt as runs are segmented. */
  headwords: { zh: HeadwordIndex; ja: HeadwordIndex };
}

/** One table's headwords (of two characters or more) that start with two given characters. */
export interface HeadwordPrefix {
  /** Bit L set when one has L characters (headwords have at most 30). */
  lengths: number;
  /** Where their entries begin and end in the table. */
  from: number;
  to: number;
}

/**
 * One table's headwords by their first two characters, and its one-character headwords, found
 * on first use and kept: segmenting asks a table only for the lengths it has, and finds the
 * entry among the few that share the two characters.
 */
export class HeadwordIndex {
  /** Per first two characters (headwordPrefix). */
  private readonly byPrefix = new Map<number, HeadwordPrefix>();
  /** Per character code: 0 not asked yet, −1 not a headword, else where its entry starts + 1. */
  private readonly singles = new Int32Array(0x10000);

  constructor(readonly table: ConceptMap) {}

  /** The headwords starting with the two characters at run[i] (run characters, see isRunCode). */
  prefix(run: string, i: number): HeadwordPrefix {
    const key = headwordPrefix(run.charCodeAt(i), run.charCodeAt(i + 1));
    let found = this.byPrefix.get(key);
    if (found === undefined) {
      found = this.table.entriesAfter(run, i);
      this.byPrefix.set(key, found);
    }
    return found;
  }

  /** The entry of headword run[i, i + length) among `prefix` (this table's, for run[i]), or -1. */
  entry(prefix: HeadwordPrefix, run: string, i: number, length: number): number {
    return this.table.entry(run, i, i + length, prefix.from, prefix.to);
  }

  /** The entry of the one-character headword run[i], or -1. */
  single(run: string, i: number): number {
    const c = run.charCodeAt(i);
    let known = this.singles[c] as number;
    if (known === 0) {
      const at = this.table.entry(run, i, i + 1);
      known = at < 0 ? -1 : at + 1;
      this.singles[c] = known;
    }
    return known < 0 ? -1 : known - 1;
  }
}

/** No headword (a run's last character has no second). */
export const NO_HEADWORDS: HeadwordPrefix = { lengths: 0, from: 0, to: 0 };

let loaded: ConceptTables | undefined;

/**
 * The concept table extracted by scripts/build-concepts.ts (CC-CEDICT for Chinese, EDICT
 * for Japanese), taken as it is on first use (see ConceptMap).
 */
export function conceptTables(): ConceptTables {
  if (loaded) return loaded;
  const data = table as { source: string[]; zh: string; ja: string; en: string; words: string };
  const zh = new ConceptMap(data.zh);
  const ja = new ConceptMap(data.ja);
  loaded = {
    zh,
    ja,
    en: new ConceptMap(data.en),
    words: new ConceptMap(data.words),
    source: data.source,
    headwords: { zh: new HeadwordIndex(zh), ja: new HeadwordIndex(ja) },
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
