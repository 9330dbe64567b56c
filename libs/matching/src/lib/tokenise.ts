/** What a token is; its weight in the text part depends on it. */
export enum TokenKind {
  /** One Han character. */
  CjkUnigram = 0,
  /** Two adjacent Han characters of one run. */
  CjkBigram = 1,
  /** A run of katakana (loan words: ロボット, デジタル). */
  Katakana = 2,
  /** A Latin word, lower case, lightly stemmed. */
  Word = 3,
  /** A concept from the dictionary bridge (~ + English stem), whatever language it was written in. */
  Concept = 4,
}

/** `start`: where the token begins in the normalised text, in code points. */
export type TokenSink = (term: string, kind: TokenKind, start: number) => void;

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from has have in into is it its of on or our ' +
    'that the their they this to was we were will with you your us who which what can ' +
    'also such than other more most very all any each per via etc'
  ).split(' '),
);

/**
 * Splits already normalised text into the tokens the index counts: character unigrams
 * and bigrams inside each run of Han characters (Chinese and Japanese have no spaces;
 * bigrams carry most of the meaning, unigrams let 医疗机器 meet 医疗器械 on 器),
 * katakana runs as words, Latin words. Hiragana (particles, inflections) and
 * punctuation only separate runs. Tokens never span two runs.
 */
export function tokenise(normalised: string, emit: TokenSink): void {
  let han = '';
  let kana = '';
  let word = '';
  let position = 0;
  let start = 0;
  const flushHan = (): void => {
    if (han === '') return;
    const chars = Array.from(han);
    const runStart = position - chars.length;
    for (let i = 0; i < chars.length; i++) {
      emit(chars[i] as string, TokenKind.CjkUnigram, runStart + i);
      if (i + 1 < chars.length) emit((chars[i] as string) + (chars[i + 1] as string), TokenKind.CjkBigram, runStart + i);
    }
    han = '';
  };
  const flushKana = (): void => {
    if (kana.length >= 2) emit(kana, TokenKind.Katakana, start);
    kana = '';
  };
  const flushWord = (): void => {
    if (word !== '') {
      const stem = stemEnglish(word);
      if (stem.length >= 2 && !ENGLISH_STOP_WORDS.has(word) && !/^\d+$/.test(stem)) emit(stem, TokenKind.Word, start);
    }
    word = '';
  };
  for (const ch of normalised) {
    const cls = classify(ch);
    if (cls !== CharClass.Han) flushHan();
    if (cls !== CharClass.Katakana) flushKana();
    if (cls !== CharClass.Latin) flushWord();
    if (cls === CharClass.Han) han += ch;
    else if (cls === CharClass.Katakana) {
      if (kana === '') start = position;
      kana += ch;
    } else if (cls === CharClass.Latin) {
      if (word === '') start = position;
      word += ch;
    }
    position++;
  }
  flushHan();
  flushKana();
  flushWord();
}

enum CharClass {
  Other,
  Han,
  Katakana,
  Latin,
}

function classify(ch: string): CharClass {
  const c = ch.codePointAt(0) as number;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xe0 && c <= 0x24f)) return CharClass.Latin;
  if ((c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc) return CharClass.Katakana;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff) || c === 0x3005) {
    return CharClass.Han;
  }
  return CharClass.Other;
}

/** Plural and -ing/-ed folding, enough for "devices" to meet "device". */
export function stemEnglish(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}
