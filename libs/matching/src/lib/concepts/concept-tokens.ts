import type { Language } from '../domain';
import { stemWord } from '../stem';
import { ENGLISH_STOP_WORDS } from '../tokenise';
import { tablesFor } from './concept-table';

/** Prefix of concept terms in the index, apart from the surface terms (words, bigrams). */
export const CONCEPT_PREFIX = '~';

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
 * giving its English concept stems; English words give their own stem. So 水素, 氢 and
 * "hydrogen" all carry ~hydrogen, ロボット, 机器人 and "robots" ~robot.
 * `language` says which dictionary to try first (the other is the fallback).
 */
export function conceptTokens(normalised: string, language: Language | undefined, emit: ConceptSink): void {
  const [first, second] = tablesFor(language);
  const chars = Array.from(normalised);
  const n = chars.length;
  let i = 0;
  while (i < n) {
    const ch = chars[i] as string;
    if (isRunChar(ch)) {
      let end = i + 1;
      while (end < n && end - i < 6 && isRunChar(chars[end] as string)) end++;
      let matched = false;
      for (let len = end - i; len >= 1 && !matched; len--) {
        const key = len === 1 ? ch : chars.slice(i, i + len).join('');
        const stems = first.get(key) ?? second.get(key);
        if (stems === undefined) continue;
        for (const stem of splitStems(stems)) emit(CONCEPT_PREFIX + stem, key, len === 1, i);
        i += len;
        matched = true;
      }
      if (!matched) i++;
    } else if (isLatin(ch)) {
      let end = i + 1;
      while (end < n && isLatin(chars[end] as string)) end++;
      const word = chars.slice(i, end).join('');
      if (word.length >= 2 && !ENGLISH_STOP_WORDS.has(word) && !/^\d+$/.test(word)) emit(CONCEPT_PREFIX + stemWord(word), word, false, i);
      i = end;
    } else {
      i++;
    }
  }
}

const splitCache = new Map<string, readonly string[]>();

function splitStems(stems: string): readonly string[] {
  let list = splitCache.get(stems);
  if (list === undefined) {
    list = stems.split(' ');
    splitCache.set(stems, list);
  }
  return list;
}

function isRunChar(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    c === 0x30fc ||
    c === 0x3005 ||
    (c >= 0x20000 && c <= 0x2ffff)
  );
}

function isLatin(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xe0 && c <= 0x24f);
}
