import type { Language } from '../domain';
import { stemWord } from '../stem';
import { ENGLISH_STOP_WORDS } from '../tokenise';
import { CONCEPT_PREFIX, NO_HEADWORDS, conceptTables, isRunCode, tablesFor } from './concept-table';

export { CONCEPT_PREFIX } from './concept-table';

/**
 * A concept found in text: `surface` as it appears in the (normalised) text, `concept` the
 * index term (~ + English stem), `single` when it came from a one-character headword
 * (氢, 用: often ambiguous, so weighted lower), `start` its position in code points.
 */
export type ConceptSink = (concept: string, surface: string, single: boolean, start: number) => void;

/**
 * The concept layer of one normalised text (see normaliseText): runs of Han characters and
 * katakana are segmented by forward maximum matching against the dictionary headwords
 * (the dictionary is the segmenter: 工业机器人系统集成 → 工业 机器人 系统 集成), each word
 * giving its English concept stems; English words give their own stem, and the stems of the
 * words the dictionaries spell them out in (CNC: computer numerical control). So 水素, 氢 and
 * "hydrogen" all carry ~hydrogen, ロボット, 机器人 and "robots" ~robot.
 * `language` says which dictionary to try first (the other is the fallback).
 */
export function conceptTokens(normalised: string, language: Language | undefined, emit: ConceptSink): void {
  const n = normalised.length;
  let i = 0;
  let codePoint = 0; // position in code points, for the sink (Han outside the BMP is not in any run)
  while (i < n) {
    const c = normalised.charCodeAt(i);
    if (isRunCode(c)) {
      let end = i + 1;
      while (end < n && isRunCode(normalised.charCodeAt(end))) end++;
      // Segmentation never crosses a run's ends: the words of a run depend on the run alone.
      const words = runWords(normalised.substring(i, end), language);
      for (let w = 0; w < words.length; w++) {
        const word = words[w] as RunWord;
        for (const stem of word.concepts) emit(stem, word.surface, word.single, codePoint + word.offset);
      }
      codePoint += end - i;
      i = end;
    } else if (isLatinCode(c)) {
      let end = i + 1;
      while (end < n && isLatinCode(normalised.charCodeAt(end))) end++;
      const word = normalised.substring(i, end);
      if (word.length >= 2 && !ENGLISH_STOP_WORDS.has(word) && !/^\d+$/.test(word)) {
        emit(CONCEPT_PREFIX + stemWord(word), word, false, codePoint);
        for (const concept of spelledOutConcepts(word)) emit(concept, word, false, codePoint);
      }
      codePoint += end - i;
      i = end;
    } else {
      // A surrogate pair is one code point.
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n;
      i += pair ? 2 : 1;
      codePoint++;
    }
  }
}

/** English words looked up in the table of words the dictionaries spell out (most are not in it), bounded like runMemo. */
const englishMemo = new Map<string, readonly string[]>();
const NONE: readonly string[] = [];

/** The concepts of the words an English word spells out (cnc → ~comput ~numer ~control), or none. */
function spelledOutConcepts(word: string): readonly string[] {
  let concepts = englishMemo.get(word);
  if (concepts === undefined) {
    concepts = conceptTables().en.concepts(word) ?? NONE;
    if (englishMemo.size < RUN_MEMO_LIMIT) englishMemo.set(word, concepts);
  }
  return concepts;
}

/** A dictionary word of a run: its concept terms (~stem), as written, from a one-character headword, where in the run. */
interface RunWord {
  concepts: readonly string[];
  surface: string;
  single: boolean;
  offset: number;
}

/**
 * Runs segmented so far, per first dictionary: the same runs (words, names, boilerplate clauses)
 * recur across offers and firms. Bounded: past the limit new runs are segmented but not kept.
 */
const runMemo = { zh: new Map<string, readonly RunWord[]>(), ja: new Map<string, readonly RunWord[]>() };
const RUN_MEMO_LIMIT = 200_000;

/** Forward maximum matching of one run (Han BMP and katakana only), the first table before the second. */
function runWords(run: string, language: Language | undefined): readonly RunWord[] {
  const memo = language === 'ja' ? runMemo.ja : runMemo.zh;
  let words = memo.get(run);
  if (words !== undefined) return words;
  const [first, second] = tablesFor(language);
  const { headwords } = conceptTables();
  const [firstIndex, secondIndex] = language === 'ja' ? [headwords.ja, headwords.zh] : [headwords.zh, headwords.ja];
  const out: RunWord[] = [];
  const n = run.length;
  let i = 0;
  while (i < n) {
    // Only the lengths some headword starting with these two characters has, longest first, then
    // one character; each table is asked only for lengths (and single characters) it has.
    const firstPrefix = i + 1 < n ? firstIndex.prefix(run, i) : NO_HEADWORDS;
    const secondPrefix = i + 1 < n ? secondIndex.prefix(run, i) : NO_HEADWORDS;
    const fits = (2 << (n - i)) - 1;
    const firstMask = firstPrefix.lengths & fits;
    const secondMask = secondPrefix.lengths & fits;
    let mask = firstMask | secondMask;
    let len = 1;
    for (let l = 31 - Math.clz32(mask); ; l = 31 - Math.clz32(mask)) {
      len = mask === 0 ? 1 : l;
      mask &= ~(1 << l);
      const inFirst = len === 1 || ((firstMask >> len) & 1) === 1;
      const inSecond = len === 1 || ((secondMask >> len) & 1) === 1;
      const firstAt = !inFirst ? -1 : len === 1 ? firstIndex.single(run, i) : firstIndex.entry(firstPrefix, run, i, len);
      const secondAt = firstAt >= 0 || !inSecond ? -1 : len === 1 ? secondIndex.single(run, i) : secondIndex.entry(secondPrefix, run, i, len);
      if (firstAt >= 0 || secondAt >= 0) {
        const concepts = firstAt >= 0 ? first.conceptsOf(firstAt) : second.conceptsOf(secondAt);
        out.push({ concepts, surface: run.substring(i, i + len), single: len === 1, offset: i });
        break;
      }
      if (len === 1) break;
    }
    i += len;
  }
  words = out;
  if (memo.size < RUN_MEMO_LIMIT) memo.set(run, words);
  return words;
}

/**
 * How many dictionary words the Han/katakana runs of `normalised` split into with one
 * language's dictionary alone (unknown characters count one each): fewer means a better fit.
 * 水素 is one Japanese word but two Chinese characters; 医疗器械 one Chinese word.
 */
export function segmentCount(normalised: string, language: 'zh' | 'ja'): number {
  const table = conceptTables()[language];
  const longest = longestHeadword();
  let count = 0;
  let i = 0;
  while (i < normalised.length) {
    const c = normalised.charCodeAt(i);
    if (!isRunCode(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    const limit = Math.min(normalised.length, i + (longest.get(c) ?? 1));
    while (end < limit && isRunCode(normalised.charCodeAt(end))) end++;
    let len = end - i;
    while (len > 1 && !table.has(normalised.substring(i, i + len))) len--;
    count++;
    i += len;
  }
  return count;
}

let longestByFirst: Map<number, number> | undefined;

/** Per first character, the length of the longest headword starting with it: bounds the lookups. */
function longestHeadword(): Map<number, number> {
  if (longestByFirst) return longestByFirst;
  const map = new Map<number, number>();
  const tables = conceptTables();
  for (const table of [tables.zh, tables.ja]) {
    for (const key of table.keys()) {
      const c = key.charCodeAt(0);
      if (key.length > (map.get(c) ?? 0)) map.set(c, key.length);
    }
  }
  longestByFirst = map;
  return map;
}

function isLatinCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xe0 && c <= 0x24f);
}
