import { Converter, Locale } from 'opencc-js';
import { conceptTables } from './concepts/concept-table';
import { sortedConverter } from './sorted-converter';

describe('sortedConverter: OpenCC cn → jp without its trie', () => {
  const opencc = Converter({ from: 'cn', to: 'jp' });
  const sorted = sortedConverter('cn', 'jp');
  const dictionaries = [...Locale.from['cn'], ...Locale.to['jp']].flat() as string[];

  it('reads dictionaries whose keys are in ascending code-unit order, each once (what bisecting needs)', () => {
    for (const dict of dictionaries) {
      expect(typeof dict).toBe('string');
      const keys = dict.split('|').map((entry) => entry.split(' '));
      let unordered = 0;
      for (let i = 0; i < keys.length; i++) {
        if ((keys[i] as string[]).length !== 2) unordered++;
        if (i > 0 && !((keys[i - 1] as string[])[0] < (keys[i] as string[])[0])) unordered++;
      }
      expect(unordered).toBe(0);
    }
  });

  it("gives OpenCC's output for every dictionary key, alone and between other text", () => {
    const differ: string[] = [];
    for (const dict of dictionaries) {
      const keys = dict.split('|').map((entry) => entry.slice(0, entry.indexOf(' ')));
      keys.forEach((key, i) => {
        const next = keys[(i * 7919 + 13) % keys.length] as string;
        for (const text of [key, `${key}${next}`, `了${key}的`, `${key.slice(1)}${next.slice(0, 2)}`]) {
          if (sorted(text) !== opencc(text)) differ.push(text);
        }
      });
    }
    expect(differ).toEqual([]);
  });

  it("gives OpenCC's output for every concept-table headword, random Han text and the characters it hands to OpenCC", () => {
    const differ: string[] = [];
    const tables = conceptTables();
    for (const table of [tables.zh, tables.ja]) for (const key of table.keys()) if (sorted(key) !== opencc(key)) differ.push(key);
    const chars = [...new Set([...dictionaries.join('')].filter((c) => c !== ' ' && c !== '|'))];
    let seed = 1;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const length = 1 + Math.floor(random() * 8);
      for (let k = 0; k < length; k++) text += chars[Math.floor(random() * chars.length)];
      if (sorted(text) !== opencc(text)) differ.push(text);
    }
    for (const text of ['𠮷野家', '⿰木木林', '发⿱艹千展', '']) if (sorted(text) !== opencc(text)) differ.push(text);
    expect(differ).toEqual([]);
  });
});
