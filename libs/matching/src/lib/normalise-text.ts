import { Converter } from 'opencc-js';

/**
 * Shinjitai and traditional characters that OpenCC's jp → cn chain leaves alone but
 * that a Chinese reader writes otherwise (found by running the chain over common
 * industry vocabulary).
 */
const EXTRA_VARIANTS: Readonly<Record<string, string>> = { 汚: '污', 窓: '窗', 働: '动' };

let toSimplified: ((text: string) => string) | undefined;

/**
 * One form for Chinese and Japanese text: NFKC (full-width Latin and half-width kana
 * folded), lower case, and every Han character in simplified Chinese, whether it was
 * written in simplified Chinese, traditional Chinese or Japanese shinjitai
 * (OpenCC `jp` → `cn`: shinjitai → traditional → simplified; traditional input passes
 * through the second step only). 医療機器 → 医疗机器, 醫療器械 → 医疗器械.
 */
export function normaliseText(text: string): string {
  if (text === '') return '';
  toSimplified ??= Converter({ from: 'jp', to: 'cn' });
  const folded = text.normalize('NFKC').toLowerCase();
  const simplified = HAN.test(folded) ? toSimplified(folded) : folded;
  let out = '';
  for (const ch of simplified) out += EXTRA_VARIANTS[ch] ?? ch;
  return out;
}

const HAN = /\p{Script=Han}/u;

/** NFKC and lower case only: the firm's own characters, for showing matched words back to it. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
