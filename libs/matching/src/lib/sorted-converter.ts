import type { DictGroup } from 'opencc-js';
import { Converter, Locale } from 'opencc-js';
import { Match, SortedText } from './sorted-text';

/**
 * OpenCC's conversion (each dictionary group in turn; at each position the longest key of the
 * group, the first dictionary's value when two have it) read straight from the dictionaries'
 * own strings ("key value|key value|…", sorted by key, each key once; see SortedText): no trie
 * is built. Building OpenCC's cn → jp converter (a trie of the 49,000 phrases of STPhrases)
 * took a quarter of a second of a run that converts a few thousand short words. Text with
 * surrogates or ideographic description characters (which OpenCC steps over as units) goes to
 * OpenCC itself. The same output: sorted-converter.spec.ts.
 */
export function sortedConverter(from: 'cn', to: 'jp'): (text: string) => string {
  const groups = [...Locale.from[from], ...Locale.to[to]].map(dictionaries);
  let fallback: ((text: string) => string) | undefined;
  return (text) => {
    if (UNITS.test(text)) {
      fallback ??= Converter({ from, to });
      return fallback(text);
    }
    let out = text;
    for (const group of groups) out = convert(group, out);
    return out;
  };
}

/** Characters OpenCC reads as more than one code unit or steps over with what follows. */
const UNITS = /[\ud800-\udfff\u2ff0-\u2fff]/u;

function dictionaries(group: DictGroup): SortedText[] {
  return group.map((dict) => {
    if (typeof dict !== 'string') throw new Error('sortedConverter: OpenCC dictionaries are expected as strings');
    return new SortedText(dict, '|', 0x20);
  });
}

/** One group's conversion of BMP text: Trie.convert with Trie.matchPrefix over the group's keys. */
function convert(group: readonly SortedText[], text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  for (let i = 0; i < n; ) {
    let end = 0;
    let value = '';
    // Walk as the trie does: while some key starts with text[i, j), remember the longest key met.
    for (let j = i + 1; j <= n; j++) {
      let node = false;
      let found = false;
      for (const dict of group) {
        const at = dict.lowerBound(text, i, j);
        const match = dict.match(at, text, i, j);
        if (match === Match.None) continue;
        node = true;
        if (match === Match.Exact && !found) {
          found = true;
          end = j;
          value = dict.valueAt(at);
        }
      }
      if (!node) break;
    }
    if (end > 0) {
      out += text.slice(copied, i) + value;
      i = end;
      copied = end;
    } else {
      i++;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}
