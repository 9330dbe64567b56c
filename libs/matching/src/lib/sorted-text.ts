/**
 * A table kept as one string of entries "key<keyEnd>value<entryEnd>key<keyEnd>value…", keys in
 * ascending code-unit order, each once: a key is found by bisecting the string itself (each
 * probe finds the entry around it), so reading the table needs no pass over it, no index and
 * no string per entry. The concept table (a quarter of a million headwords) and OpenCC's
 * dictionaries are such strings; a run looks up a few thousand of their keys.
 */
export class SortedText {
  private readonly entrySeparator: string;

  constructor(
    readonly text: string,
    entryEnd: string,
    private readonly keyEnd: number,
  ) {
    this.entrySeparator = entryEnd;
  }

  /**
   * Where the first entry whose key is not less than s[i, j) starts (text.length + 1 when none),
   * searching the entries from `from` to `to` (entry starts, or text.length + 1) only.
   */
  lowerBound(s: string, i: number, j: number, from = 0, to = this.text.length + 1): number {
    const { text, entrySeparator } = this;
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf(entrySeparator, mid - 1) + 1;
      if (this.keyLess(start, s, i, j)) {
        const end = text.indexOf(entrySeparator, mid);
        lo = end < 0 ? text.length + 1 : end + 1;
      } else {
        hi = start;
      }
    }
    return lo;
  }

  /** Where the entry with key s[i, j) starts, or -1. */
  find(s: string, i = 0, j = s.length): number {
    const at = this.lowerBound(s, i, j);
    return this.match(at, s, i, j) === Match.Exact ? at : -1;
  }

  /** Whether the entry at `at` has the key s[i, j) (Exact), a longer key starting with it (Prefix), or neither. */
  match(at: number, s: string, i: number, j: number): Match {
    const { text } = this;
    if (at >= text.length) return Match.None;
    for (let k = 0; k < j - i; k++) if (text.charCodeAt(at + k) !== s.charCodeAt(i + k)) return Match.None;
    return text.charCodeAt(at + j - i) === this.keyEnd ? Match.Exact : Match.Prefix;
  }

  /** The length of the key of the entry at `at`. */
  keyLength(at: number): number {
    let k = at;
    while (k < this.text.length && this.text.charCodeAt(k) !== this.keyEnd) k++;
    return k - at;
  }

  /** The value of the entry at `at`. */
  valueAt(at: number): string {
    const { text } = this;
    const value = at + this.keyLength(at) + 1;
    const end = text.indexOf(this.entrySeparator, value);
    return text.slice(value, end < 0 ? text.length : end);
  }

  /** Where the entry after the one at `at` starts (text.length + 1 past the last). */
  next(at: number): number {
    const end = this.text.indexOf(this.entrySeparator, at);
    return end < 0 ? this.text.length + 1 : end + 1;
  }

  /** Whether the key at `start` is less than s[i, j), in code units. */
  private keyLess(start: number, s: string, i: number, j: number): boolean {
    const { text } = this;
    for (let k = 0; ; k++) {
      const a = text.charCodeAt(start + k);
      if (i + k === j) return false; // s[i, j) is the key or a prefix of it
      if (a === this.keyEnd) return true;
      const b = s.charCodeAt(i + k);
      if (a !== b) return a < b;
    }
  }
}

/** What an entry holds for a text: no key starting with it, a longer key, the text itself. */
export const Match = { None: 0, Prefix: 1, Exact: 2 } as const;
export type Match = (typeof Match)[keyof typeof Match];
