// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package ships no types: this brings its one-line declaration to every project compiling the engine
/// <reference path="./wink-porter2-stemmer.d.ts" />
import porter2 from 'wink-porter2-stemmer';

/**
 * English stemming for the index, the queries and the concept table alike (Porter2, via
 * wink-porter2-stemmer): "nursing" and "nurse" → nurs, "devices" → devic. Memoised: the
 * same few thousand words recur across every offer.
 */
const memo = new Map<string, string>();

export function stemWord(word: string): string {
  let stem = memo.get(word);
  if (stem === undefined) {
    stem = porter2(word);
    if (memo.size < 200_000) memo.set(word, stem);
  }
  return stem;
}
