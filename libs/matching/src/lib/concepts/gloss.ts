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
 * first (earlier glosses first), at most four; the engine stems them when it loads the table.
 * Parenthesised notes ("(chemistry)", "(n)") are dropped.
 */
export function glossWords(glosses: readonly string[]): string[] {
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
