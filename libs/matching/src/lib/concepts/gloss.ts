/** Words a dictionary gloss uses for grammar or hedging, not for meaning. */
const GLOSS_STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from has have in into is it its of on or that the their this to was with ' +
    "sb sth sb's sth's someone something one one's oneself etc e.g i.e esp kind type sort form make makes made do " +
    'get give take put go come use used using become being thing things way very much many more most some any other ' +
    'n adj adv vs vt vi pref suf abbr p uk col id'
  ).split(' '),
);

/**
 * The concept words of a dictionary entry: content words of its glosses, most important
 * first (earlier glosses first), at most four, then the abbreviations the glosses define;
 * the engine stems them when it loads the table. Parenthesised notes ("(chemistry)", "(n)",
 * "(TCM)") are dropped, but not an abbreviation of the words before it: "artificial
 * intelligence (AI)", "Internet of things (IoT)", "computer numerical control machine tool
 * (CNC machine tool)" also give ai, iot, cnc — what buyers type. A gloss "to V …" also gives
 * V's noun when the dictionaries use it (to store → storage, see nominalisation).
 */
export function glossWords(glosses: readonly string[], vocabulary: ReadonlySet<string> = new Set()): string[] {
  const words = contentWords(glosses);
  const extras = [
    ...glosses.flatMap(definedAbbreviations),
    ...glosses.flatMap((g) => closedForms(g, vocabulary)),
    ...glosses.flatMap((g) => nominalisation(g, vocabulary)),
  ];
  for (const extra of extras) {
    if (!words.includes(extra)) words.push(extra);
  }
  return words;
}

/**
 * The closed form of two words a gloss writes apart, when the dictionaries write it closed too:
 * "waste water" is also wastewater (JMdict's 廃水), "health care" healthcare; English text and
 * queries write either, and a stem of each is a different concept. `closed` is the set of the
 * dictionaries' gloss words (see glossVocabulary); both parts have four letters or more.
 */
function closedForms(gloss: string, closed: ReadonlySet<string>): string[] {
  if (closed.size === 0) return [];
  // Two words with one space between them: "east, south, west" is a list, not southwest.
  const words = gloss
    .replace(/\([^)]*\)/g, ' , ')
    .toLowerCase()
    .split(' ');
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i] as string, words[i + 1] as string];
    if (/^[a-z]{4,}$/.test(a) && /^[a-z]{4,}$/.test(b) && closed.has(a + b)) out.push(a + b);
  }
  return out;
}

/** Every word of four letters or more of every gloss, lower case: the closed forms and nouns glossWords may add. */
export function glossVocabulary(glosses: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const gloss of glosses) for (const word of gloss.toLowerCase().split(/[^a-z]+/)) if (word.length >= 4) words.add(word);
  return words;
}

/**
 * English derivations of a verb into its noun, in the order tried: the stemmer keeps a verb and
 * its noun apart (store → store, storage → storag), and CC-CEDICT glosses as verbs ("to store
 * energy", 储能) what offers write as nouns ("energy storage"). The -ion and -al forms need six
 * letters (state is not station, fine not final); -y, -ance and -ence are not tried (batter is
 * not battery, import not importance).
 */
const NOUN_OF_VERB: readonly ((verb: string) => string | undefined)[] = [
  (v) => (v.endsWith('ify') ? `${v.slice(0, -1)}ication` : undefined), // purify → purification
  (v) => (/[yo]se$/.test(v) ? `${v.slice(0, -1)}is` : v.endsWith('yze') ? `${v.slice(0, -2)}sis` : undefined), // analyse → analysis
  (v) => (v.length < 6 ? undefined : v.endsWith('e') ? `${v.slice(0, -1)}ation` : `${v}ation`), // conserve → conservation
  (v) => (v.length < 6 ? undefined : /te$/.test(v) ? `${v.slice(0, -1)}ion` : /t$/.test(v) ? `${v}ion` : undefined), // incinerate → incineration
  (v) => `${v}ment`, // treat → treatment
  (v) => (v.endsWith('e') ? `${v.slice(0, -1)}age` : undefined), // store → storage
  (v) => (v.length >= 6 && v.endsWith('e') ? `${v.slice(0, -1)}al` : undefined), // dispose → disposal
];

/**
 * The noun of the verb a gloss opens with ("to V …"), when the dictionaries use that noun in
 * some gloss (`vocabulary`, see glossVocabulary): the first derivation that is a word.
 */
function nominalisation(gloss: string, vocabulary: ReadonlySet<string>): string[] {
  const verb = /^to ([a-z]{4,})\b/.exec(gloss.toLowerCase())?.[1];
  if (verb === undefined) return [];
  for (const derive of NOUN_OF_VERB) {
    const noun = derive(verb);
    if (noun !== undefined && vocabulary.has(noun)) return [noun];
  }
  return [];
}

/** Words that an abbreviation's letters may skip: "Internet of things (IoT)", "research and development (R&D)". */
const LINKING_WORDS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on']);

/**
 * Abbreviations a gloss defines in parentheses: a parenthesis opening with a word of two or
 * more capitals (IoT, CNC, LED) whose letters are the initials of the words just before it,
 * linking words optionally skipped. Lower case.
 */
function definedAbbreviations(gloss: string): string[] {
  return abbreviationsIn(gloss).map(([abbreviation]) => abbreviation);
}

/** Each abbreviation a gloss defines in parentheses (see definedAbbreviations), with the words it abbreviates. */
function abbreviationsIn(gloss: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const m of gloss.matchAll(/\(([A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)[^)]*\)/g)) {
    const abbreviation = (m[1] as string).toLowerCase();
    const expansion = abbreviated(abbreviation, lowerWords(gloss.slice(0, m.index)));
    if (expansion !== undefined) out.push([abbreviation, expansion]);
  }
  return out;
}

/** A gloss's words, lower case, parenthesised notes dropped. */
function lowerWords(gloss: string): string[] {
  return gloss
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter((w) => w.length > 0);
}

/**
 * The last words of `words` (at most two more at the end) whose initials are the letters of
 * `abbreviation`, linking words skipped and left out; undefined when there are none.
 */
function abbreviated(abbreviation: string, words: readonly string[]): string[] | undefined {
  const letters = abbreviation.replace(/[^a-z]/g, '');
  if (letters.length < 2) return undefined;
  const match = (i: number, w: number): number[] | undefined => {
    if (i < 0) return [];
    if (w < 0) return undefined;
    const word = words[w] as string;
    if (word[0] === letters[i]) {
      const rest = match(i - 1, w - 1);
      if (rest) return [...rest, w];
    }
    return LINKING_WORDS.has(word) ? match(i, w - 1) : undefined;
  };
  for (let end = words.length - 1; end >= 0 && end >= words.length - 3; end--) {
    const found = match(letters.length - 1, end);
    if (found) return found.map((w) => words[w] as string);
  }
  return undefined;
}

/** A gloss that is one abbreviation: two or more capitals (NC, IoT, CO2). */
const ABBREVIATION = /^[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*$/;

/**
 * English words a sense spells out in other words, with those words: an abbreviation defined
 * in parentheses ("computer numerical control machine tool (CNC machine tool)": cnc → computer
 * numerical control) or given as a gloss of its own beside the words it abbreviates (EDICT
 * 数値制御 "numerical control/NC": nc → numerical control), and a closed compound given beside
 * a phrase with the same last word (遠隔医療 "telemedicine/remote medicine": telemedicine →
 * remote medicine), or an abbreviation exchanged for words between two glosses (see
 * substitutedAbbreviations). English text carries those words' concepts too (see concept-tokens), so a
 * buyer's "CNC" meets a Japanese offer's "NC", and "telemedicine" a Chinese offer's 远程.
 */
export function spelledOut(glosses: readonly string[]): SpelledOut[] {
  const out: SpelledOut[] = glosses.flatMap(abbreviationsIn).map(([word, words]) => ({ word, words, abbreviation: true }));
  const phrases = glosses.map(lowerWords).filter((words) => words.length >= 2 && words.length <= 4 && words.every((w) => /^[a-z]+$/.test(w)));
  for (const gloss of glosses) {
    const single = gloss.replace(/\([^)]*\)/g, ' ').trim();
    if (ABBREVIATION.test(single)) {
      const abbreviation = single.toLowerCase();
      for (const words of phrases) {
        // The whole phrase: "numerical control" for NC, not the end of a longer one.
        const expansion = abbreviated(abbreviation, words);
        if (expansion !== undefined && expansion[0] === words[0] && expansion[expansion.length - 1] === words[words.length - 1])
          out.push({ word: abbreviation, words, abbreviation: true });
      }
    } else if (/^[a-z]{5,}$/.test(single)) {
      for (const words of phrases) {
        const head = words[words.length - 1] as string;
        if (words.length <= 3 && head.length >= 4 && single.length - head.length >= 3 && single.endsWith(head))
          out.push({ word: single, words, abbreviation: false });
      }
    }
  }
  out.push(...substitutedAbbreviations(glosses));
  return out.map((s) => ({ ...s, words: s.words.filter((w) => w.length >= 2 && !GLOSS_STOP_WORDS.has(w) && !LINKING_WORDS.has(w)) }));
}

/**
 * Two glosses of a sense that say the same with one span exchanged, one side a single
 * abbreviation (of those words' initials, or a formula) and the other two to four words: EDICT
 * 二酸化炭素吸収源 "CO2 sink/carbon dioxide sink" gives co2 → carbon dioxide.
 */
function substitutedAbbreviations(glosses: readonly string[]): SpelledOut[] {
  const tokens = glosses.map((g) =>
    g
      .replace(/\([^)]*\)/g, ' ')
      .split(/[^A-Za-z0-9]+/)
      .filter((t) => t.length > 0),
  );
  const out: SpelledOut[] = [];
  for (const a of tokens) {
    for (const b of tokens) {
      if (a === b) continue;
      const same = (x: string | undefined, y: string | undefined): boolean => x !== undefined && y !== undefined && x.toLowerCase() === y.toLowerCase();
      let before = 0;
      while (before < a.length && same(a[before], b[before])) before++;
      let after = 0;
      while (after < a.length - before && after < b.length - before && same(a[a.length - 1 - after], b[b.length - 1 - after])) after++;
      const [span, words] = [a.slice(before, a.length - after), b.slice(before, b.length - after)];
      if (before + after === 0 || span.length !== 1 || !ABBREVIATION.test(span[0] as string) || words.length < 2 || words.length > 4) continue;
      const [word, lower] = [(span[0] as string).toLowerCase(), words.map((w) => w.toLowerCase())];
      if (!lower.every((w) => /^[a-z]+$/.test(w))) continue;
      // Initials, or a formula (a digit): "the TV screen/the silver screen" is no abbreviation.
      const initials = abbreviated(word, lower);
      if (/\d/.test(word) || (initials !== undefined && initials[0] === lower[0])) out.push({ word, words: lower, abbreviation: true });
    }
  }
  return out;
}

/** An English word a sense spells out (see spelledOut): the words, and whether it abbreviates them. */
export interface SpelledOut {
  word: string;
  words: string[];
  abbreviation: boolean;
}

function contentWords(glosses: readonly string[]): string[] {
  const out: string[] = [];
  for (const gloss of glosses) {
    const clean = gloss
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\{[^}]*\}/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .toLowerCase();
    for (const raw of clean.split(/[^a-z0-9'-]+/)) {
      const word = raw.replace(/^[-']+|[-']+$/g, '');
      if (word.length < 2 || GLOSS_STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      for (const part of word.split('-')) {
        if (part.length < 2 || GLOSS_STOP_WORDS.has(part)) continue;
        if (!out.includes(part)) out.push(part);
        if (out.length === 4) return out;
      }
    }
  }
  return out;
}
