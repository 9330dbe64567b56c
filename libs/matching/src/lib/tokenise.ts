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

/**
 * A bigram of two BMP Han characters given by their codes, no string cut: the sink returns true
 * when it took the bigram that way; else the bigram goes to the TokenSink as usual.
 */
export type BigramSink = (first: number, second: number, start: number) => boolean;

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
 * punctuation only separate runs. Tokens never span two runs. With `unigrams` false the
 * single characters are not emitted (no string is cut for them), only counted: the return value.
 * With `bigrams`, bigrams of BMP characters are offered to it first (see BigramSink).
 */
export function tokenise(normalised: string, emit: TokenSink, unigrams = true, bigrams?: BigramSink): number {
  // Each run is cut out of the text (no string built character by character): offers are
  // tokenised once per sentence, but a run's strings are most of what indexing allocates.
  const n = normalised.length;
  let i = 0;
  let position = 0;
  let left = 0;
  while (i < n) {
    const start = i;
    const startPosition = position;
    const cls = classify(normalised.codePointAt(i) as number);
    if (cls === CharClass.Han) {
      // Code-unit offsets of the run's characters (and its end), kept only when a character
      // lies outside the BMP: otherwise character k starts at start + k.
      let offsets: number[] | undefined;
      let chars = 0;
      while (i < n) {
        const c = normalised.codePointAt(i) as number;
        if (classify(c) !== CharClass.Han) break;
        if (c > 0xffff && offsets === undefined) offsets = Array.from({ length: chars }, (_, k) => start + k);
        offsets?.push(i);
        chars++;
        i += c > 0xffff ? 2 : 1;
      }
      offsets?.push(i);
      const at = (k: number): number => (offsets === undefined ? start + k : (offsets[k] as number));
      if (!unigrams) left += chars;
      for (let k = 0; k < chars; k++) {
        if (unigrams) emit(normalised.substring(at(k), at(k + 1)), TokenKind.CjkUnigram, startPosition + k);
        if (k + 1 < chars) {
          const taken = offsets === undefined && bigrams?.(normalised.charCodeAt(start + k), normalised.charCodeAt(start + k + 1), startPosition + k) === true;
          if (!taken) emit(normalised.substring(at(k), at(k + 2)), TokenKind.CjkBigram, startPosition + k);
        }
      }
      position += chars;
      continue;
    }
    if (cls === CharClass.Other) {
      // Separators only; counted in code points (an emoji is one position, two code units).
      const c = normalised.codePointAt(i) as number;
      i += c > 0xffff ? 2 : 1;
      position++;
      continue;
    }
    // Katakana and Latin letters are all in the BMP: one code unit, one position each.
    i++;
    while (i < n && classify(normalised.charCodeAt(i)) === cls) i++;
    if (cls === CharClass.Katakana) {
      if (i - start >= 2) emit(normalised.substring(start, i), TokenKind.Katakana, startPosition);
    } else {
      const word = normalised.substring(start, i);
      const stem = stemEnglish(word);
      if (stem.length >= 2 && !ENGLISH_STOP_WORDS.has(word) && !/^\d+$/.test(stem)) emit(stem, TokenKind.Word, startPosition);
    }
    position += i - start;
  }
  return left;
}

enum CharClass {
  Other,
  Han,
  Katakana,
  Latin,
}

function classify(c: number): CharClass {
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
