import { Converter } from 'opencc-js';

/**
 * Shinjitai and traditional characters that OpenCC's jp → cn chain leaves alone but
 * that a Chinese reader writes otherwise (found by running the chain over common
 * industry vocabulary).
 */
const EXTRA_VARIANTS: Readonly<Record<string, string>> = { 汚: '污', 窓: '窗', 働: '动' };
const EXTRA_VARIANT_PATTERN = new RegExp(`[${Object.keys(EXTRA_VARIANTS).join('')}]`, 'gu');

let toSimplified: ((text: string) => string) | undefined;

/**
 * Texts normalised so far, by their text: offers and firms repeat whole titles, sentences and
 * boilerplate, and scoring reads the same texts again for its reasons. Bounded: past the limit
 * new texts are normalised but not kept.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 100_000;
/** Longer texts are not kept (a whole summary rarely repeats; its sentences do, see below). */
const MEMO_MAX_LENGTH = 200;

/**
 * One form for Chinese and Japanese text: NFKC (full-width Latin and half-width kana
 * folded), lower case, and every Han character in simplified Chinese, whether it was
 * written in simplified Chinese, traditional Chinese or Japanese shinjitai
 * (OpenCC `jp` → `cn`: shinjitai → traditional → simplified; traditional input passes
 * through the second step only). 医療機器 → 医疗机器, 醫療器械 → 医疗器械.
 *
 * A long text is normalised sentence by sentence (after each 。！？ or newline), each
 * sentence memoised: conversion never spans a sentence end (OpenCC's phrases hold no
 * sentence punctuation), so the result is the same as in one go.
 */
export function normaliseText(text: string): string {
  if (text === '') return '';
  if (text.length <= MEMO_MAX_LENGTH) return normaliseMemo(text);
  let out = '';
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    out += normaliseMemo(text.slice(start, end));
    start = end;
  }
  return start < text.length ? out + normaliseMemo(text.slice(start)) : out;
}

const SENTENCE_END = /[。！？\n]/gu;

function normaliseMemo(text: string): string {
  let out = memo.get(text);
  if (out === undefined) {
    out = normaliseOnce(text);
    if (text.length <= MEMO_MAX_LENGTH && memo.size < MEMO_LIMIT) memo.set(text, out);
  }
  return out;
}

function normaliseOnce(text: string): string {
  toSimplified ??= Converter({ from: 'jp', to: 'cn' });
  const folded = text.normalize('NFKC').toLowerCase();
  const simplified = HAN.test(folded) ? toSimplified(folded) : folded;
  return simplified.replace(EXTRA_VARIANT_PATTERN, (ch) => EXTRA_VARIANTS[ch] ?? ch);
}

const HAN = /\p{Script=Han}/u;

/** NFKC and lower case only: the firm's own characters, for showing matched words back to it. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
