import type { Language } from '../domain';
import table from './concept-data.json';

/** headword → its concept stems (English, Porter2), space-separated as stored: split on use, not on load. */
export type ConceptMap = ReadonlyMap<string, string>;

export interface ConceptTables {
  zh: ConceptMap;
  ja: ConceptMap;
  /** The English word that shows each stem (nurs → nursing). */
  words: ReadonlyMap<string, string>;
  /** The sources the table was extracted from (dictionary, edition, package). */
  source: readonly string[];
}

let loaded: ConceptTables | undefined;

/**
 * The concept table extracted by scripts/build-concepts.ts (CC-CEDICT for Chinese, EDICT
 * for Japanese), parsed once per process on first use (a split of two strings, no stemming).
 */
export function conceptTables(): ConceptTables {
  if (loaded) return loaded;
  const data = table as { source: string[]; zh: string; ja: string; words: string };
  const parse = (text: string): Map<string, string> => {
    const map = new Map<string, string>();
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', start);
      if (tab > start && tab < end) map.set(text.slice(start, tab), text.slice(tab + 1, end));
      start = end + 1;
    }
    return map;
  };
  loaded = { zh: parse(data.zh), ja: parse(data.ja), words: parse(data.words), source: data.source };
  return loaded;
}

/** Which table to try first for text written in `language` (the other one is the fallback). */
export function tablesFor(language: Language | undefined): [ConceptMap, ConceptMap] {
  const t = conceptTables();
  return language === 'ja' ? [t.ja, t.zh] : [t.zh, t.ja];
}
