import type { Bm25Index } from './bm25-index';
import { CONCEPT_PREFIX, conceptTokens } from './concepts/concept-tokens';
import type { Language, MatchingFirm } from './domain';
import { foldText, normaliseText } from './normalise-text';
import { textValue } from './parts';
import type { PreparedOffers } from './prepare-offers';
import { TokenKind, tokenise } from './tokenise';

/**
 * A firm's "seeks" text as a weighted query over the offer index. The first
 * `ownTermCount` terms are the firm's own words (each once, in order of first
 * appearance); the rest come from pseudo-relevance feedback.
 */
export interface FirmQuery {
  terms: number[];
  /** Query weight × idf of each term. */
  weights: number[];
  /** Σ weights × (k1 + 1): the BM25 score of a document that matched every term without limit. */
  mass: number;
  ownTermCount: number;
  /** How the firm wrote each of its own terms (before variant folding; a concept: the word that gave it). */
  surface: Map<number, string>;
  /** The language of the firm's text each own term came from. */
  language: Map<number, Language>;
  /** The firm's runs of Han characters as written, with the term id of each bigram (−1 if no offer has it). */
  hanRuns: { chars: string[]; bigrams: number[]; language: Language }[];
}

/**
 * The firm's own terms; those no offer contains are dropped (they cannot match). `conceptWeight`
 * is the query weight of concept terms (search uses its own, see weights.text.searchConceptWeight).
 */
export function firmQuery(firm: MatchingFirm, prepared: PreparedOffers, conceptWeight = prepared.weights.text.conceptWeight): FirmQuery {
  const { text: index, weights } = prepared;
  const query: FirmQuery = { terms: [], weights: [], mass: 0, ownTermCount: 0, surface: new Map(), language: new Map(), hanRuns: [] };
  for (const language of Object.keys(firm.seeks).sort() as Language[]) {
    const text = firm.seeks[language];
    if (!text) continue;
    const normalised: string[] = [];
    const kinds: TokenKind[] = [];
    tokenise(normaliseText(text), (term, kind) => {
      normalised.push(term);
      kinds.push(kind);
    });
    const folded: string[] = [];
    tokenise(foldText(text), (term) => folded.push(term));
    const aligned = folded.length === normalised.length;
    normalised.forEach((term, i) => {
      const t = index.termIds.get(term);
      const kind = kinds[i] as TokenKind;
      if (kind === TokenKind.CjkUnigram) {
        if (i === 0 || kinds[i - 1] !== TokenKind.CjkBigram) query.hanRuns.push({ chars: [], bigrams: [], language });
        (query.hanRuns[query.hanRuns.length - 1] as FirmQuery['hanRuns'][number]).chars.push(aligned ? (folded[i] as string) : term);
      } else if (kind === TokenKind.CjkBigram) {
        (query.hanRuns[query.hanRuns.length - 1] as FirmQuery['hanRuns'][number]).bigrams.push(t ?? -1);
      }
      if (t === undefined || query.surface.has(t)) return;
      const kindWeight = index.termKind[t] === TokenKind.CjkUnigram ? weights.text.cjkUnigramWeight : 1;
      if (kindWeight === 0) return;
      query.surface.set(t, aligned ? (folded[i] as string) : term);
      query.language.set(t, language);
      addTerm(query, t, kindWeight * (index.idf[t] as number), index.k1);
    });
  }
  // The concept layer after every surface term, so surface terms keep their order (and scores
  // of a query with no concept in the index are what they were).
  if (conceptWeight > 0) {
    for (const language of Object.keys(firm.seeks).sort() as Language[]) {
      const text = firm.seeks[language];
      if (!text) continue;
      const normalised = normaliseText(text);
      const foldedChars = Array.from(foldText(text));
      const aligned = foldedChars.length === Array.from(normalised).length;
      conceptTokens(normalised, language, (concept, surface, single, start) => {
        const t = index.termIds.get(concept);
        if (t === undefined || query.surface.has(t)) return;
        const weight = conceptWeight * (single ? weights.text.conceptSingleCharWeight : 1);
        if (weight === 0) return;
        query.surface.set(t, aligned ? foldedChars.slice(start, start + Array.from(surface).length).join('') : surface);
        query.language.set(t, language);
        addTerm(query, t, weight * (index.idf[t] as number), index.k1);
      });
    }
  }
  query.ownTermCount = query.terms.length;
  return query;
}

function addTerm(query: FirmQuery, t: number, weight: number, k1: number): void {
  query.terms.push(t);
  query.weights.push(weight);
  query.mass += weight * (k1 + 1);
}

/** raw[d] += BM25 of terms [from, end) of the query in every document d. */
export function accumulate(prepared: PreparedOffers, query: Pick<FirmQuery, 'terms' | 'weights'>, from: number, raw: Float64Array): void {
  const { postingStart, postingDoc, postingWeight } = prepared.text;
  for (let i = from; i < query.terms.length; i++) {
    const t = query.terms[i] as number;
    const w = query.weights[i] as number;
    const end = postingStart[t + 1] as number;
    for (let p = postingStart[t] as number; p < end; p++) {
      const d = postingDoc[p] as number;
      raw[d] = (raw[d] as number) + w * (postingWeight[p] as number);
    }
  }
}

/**
 * Pseudo-relevance feedback: the best few offers for the firm so far (`rank`) lend
 * their most distinctive terms. An offer written in Chinese and Japanese thus teaches
 * the query the Chinese words for what the firm wrote in Japanese (养老 for 介護), so
 * Chinese-only offers on the same topic are found too. Adds to `raw` in place. Offers are ranked
 * by combinedScore(…, raw[d], 0), its structural part read from `structural`.
 */
export function expandQuery(prepared: PreparedOffers, query: FirmQuery, raw: Float64Array, structural: Float64Array): void {
  const { weights } = prepared;
  const { documents, terms: termBudget, weight } = weights.text.feedback;
  if (documents === 0 || termBudget === 0 || weight === 0 || query.terms.length === 0) return;
  const { text, spread } = weights.parts;
  const { saturation } = weights.text;
  const best: number[] = [];
  const bestScore: number[] = [];
  for (let d = 0; d < raw.length; d++) {
    const r = raw[d] as number;
    if (r <= 0) continue;
    const st = structural[d] as number;
    // Bounds of the score without the exponential (text value 1 − exp(−x) < min(1, x)), the
    // margin far above the rounding of either expression: a skipped offer ranks below the last.
    if (best.length === documents) {
      const last = bestScore[documents - 1] as number;
      if (st + text + 1e-9 < last || st + text * Math.min(1, coverage(query, r) / saturation) + 1e-9 < last) continue;
    }
    const s = st + text * textValue(coverage(query, r), weights) + spread * 0;
    if (best.length === documents && s <= (bestScore[documents - 1] as number)) continue;
    let i = Math.min(best.length, documents - 1);
    while (i > 0 && (bestScore[i - 1] as number) < s) i--;
    best.splice(i, 0, d);
    bestScore.splice(i, 0, s);
    if (best.length > documents) {
      best.pop();
      bestScore.pop();
    }
  }
  const index = prepared.text;
  const { gain, mark, touched } = scratchOf(index);
  for (const t of query.terms) mark[t] = 1;
  let size = 0;
  for (const d of best) {
    for (let p = index.docStart[d] as number; p < (index.docStart[d + 1] as number); p++) {
      const t = index.docTerm[p] as number;
      if (mark[t] === 1 || index.termKind[t] === TokenKind.CjkUnigram) continue;
      if (mark[t] === 0) {
        mark[t] = 2;
        touched[size++] = t;
      }
      gain[t] = (gain[t] as number) + (index.idf[t] as number) * (index.docWeight[p] as number);
    }
  }
  // The termBudget largest gains, ties by term id: a sort of every candidate, kept short.
  const chosen: number[] = [];
  for (let i = 0; i < size; i++) {
    const t = touched[i] as number;
    const g = gain[t] as number;
    let j = chosen.length;
    while (j > 0 && ((gain[chosen[j - 1] as number] as number) < g || ((gain[chosen[j - 1] as number] as number) === g && (chosen[j - 1] as number) > t))) j--;
    if (j < termBudget) {
      chosen.splice(j, 0, t);
      if (chosen.length > termBudget) chosen.pop();
    }
  }
  for (let i = 0; i < size; i++) {
    const t = touched[i] as number;
    gain[t] = 0;
    mark[t] = 0;
  }
  for (const t of query.terms) mark[t] = 0;
  const from = query.terms.length;
  for (const t of chosen) addTerm(query, t, weight * (index.idf[t] as number), index.k1);
  accumulate(prepared, query, from, raw);
}

/** Per-term working arrays of one index, zero between uses (a run scores one firm at a time). */
interface TermScratch {
  gain: Float64Array;
  weight: Float64Array;
  /** 1: a query term, 2: a candidate (in touched). */
  mark: Uint8Array;
  touched: Int32Array;
  /** Query position + 1 of each term of `query` (0 elsewhere), for the first `queryTerms` terms. */
  position: Int32Array;
  query: FirmQuery | undefined;
  queryTerms: number;
  /** By query position, see termWeightsIn. */
  inQuery: Float64Array;
  /** matchedTerms' candidates. */
  found: FoundTerms;
}

const scratches = new WeakMap<Bm25Index, TermScratch>();

function scratchOf(index: Bm25Index): TermScratch {
  let scratch = scratches.get(index);
  if (scratch === undefined) {
    const terms = index.terms.length;
    scratch = {
      gain: new Float64Array(terms),
      weight: new Float64Array(terms),
      mark: new Uint8Array(terms),
      touched: new Int32Array(terms),
      position: new Int32Array(terms),
      query: undefined,
      queryTerms: 0,
      inQuery: new Float64Array(64),
      found: { term: new Int32Array(64), contribution: new Float64Array(64), unigram: new Uint8Array(64), surface: [], language: [], order: [] },
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** Share of the query's mass an offer matched, in [0, 1). */
export function coverage(query: FirmQuery, raw: number): number {
  return query.mass > 0 ? raw / query.mass : 0;
}

/** A word of the firm's query that an offer contains, as the firm wrote it. */
export interface MatchedTerm {
  /** Term id in the index (a surface term, or a ~concept). */
  term: number;
  surface: string;
  language: Language;
  contribution: number;
}

/**
 * Up to three of the firm's own words this offer contains, most telling first, as the
 * firm wrote them: adjacent matched bigrams join (光通 + 通信 → 光通信); a concept shows the
 * firm's word that carried it (ロボット for ~robot); single Han characters only when nothing
 * longer matched; words worth under a quarter of the best one are left out, and so are
 * words most offers use (idf under reasonMinIdfShare of the largest): they discriminate nothing.
 */
export function matchedTerms(prepared: PreparedOffers, query: FirmQuery, d: number): MatchedTerm[] {
  const index = prepared.text;
  const scratch = scratchOf(index);
  // Contribution of each matched own term, by term id (zero elsewhere, and again on return).
  const weightOf = scratch.weight;
  // The candidates, by number, in parallel arrays kept between calls: no object per candidate
  // (a firm's words found in an offer are dozens; a run explains tens of thousands of matches).
  const found = scratch.found;
  let m = 0;
  const minIdf = prepared.weights.text.reasonMinIdfShare * index.maxIdf;
  const inOffer = termWeightsIn(index, query, d, query.ownTermCount);
  for (let i = 0; i < query.ownTermCount; i++) {
    const t = query.terms[i] as number;
    const w = inOffer[i] as number;
    inOffer[i] = 0;
    if (w === 0) continue;
    const contribution = w * (query.weights[i] as number);
    weightOf[t] = contribution;
    const kind = index.termKind[t];
    if (kind === TokenKind.CjkBigram || (index.idf[t] as number) < minIdf) continue;
    addFound(found, m++, t, query.surface.get(t) as string, query.language.get(t) as Language, contribution, kind === TokenKind.CjkUnigram);
  }
  for (const run of query.hanRuns) {
    let start = -1;
    let contribution = 0;
    let first = -1;
    for (let i = 0; i <= run.bigrams.length; i++) {
      const t = i < run.bigrams.length ? (run.bigrams[i] as number) : -1;
      const w = t >= 0 && (index.idf[t] as number) >= minIdf ? (weightOf[t] as number) : 0;
      if (w > 0) {
        if (start < 0) {
          start = i;
          first = t;
        }
        contribution += w;
      } else if (start >= 0) {
        addFound(found, m++, first, run.chars.slice(start, i + 1).join(''), run.language, contribution, false);
        start = -1;
        contribution = 0;
      }
    }
  }
  for (let i = 0; i < query.ownTermCount; i++) weightOf[query.terms[i] as number] = 0;
  // Candidate numbers in the order objects were pushed, sorted by the same comparisons: the same order.
  const order = found.order;
  order.length = m;
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => mostTellingFirst(found, a, b));

  const boilerplate = reasonBoilerplate(prepared);
  const shown: (MatchedTerm & { key: string })[] = [];
  const best = m > 0 ? (found.contribution[order[0] as number] as number) : 0;
  for (const k of order) {
    const contribution = found.contribution[k] as number;
    if (shown.length === 3 || contribution < best / 4) break;
    const surface = found.surface[k] as string;
    const language = found.language[k] as Language;
    const key = normaliseText(surface);
    if (boilerplate(key, language) || shown.some((s) => s.key.includes(key) || key.includes(s.key))) continue;
    shown.push({ term: found.term[k] as number, surface, language, contribution, key });
  }
  return shown.map(({ term, surface, language, contribution }) => ({ term, surface, language, contribution }));
}

/** Candidate words of matchedTerms, by number. */
interface FoundTerms {
  term: Int32Array;
  contribution: Float64Array;
  unigram: Uint8Array;
  surface: string[];
  language: Language[];
  /** Candidate numbers, to sort (kept, not grown anew per call). */
  order: number[];
}

function addFound(found: FoundTerms, k: number, term: number, surface: string, language: Language, contribution: number, unigram: boolean): void {
  if (k === found.term.length) {
    const term = new Int32Array(2 * k);
    term.set(found.term);
    found.term = term;
    const contribution = new Float64Array(2 * k);
    contribution.set(found.contribution);
    found.contribution = contribution;
    const unigram = new Uint8Array(2 * k);
    unigram.set(found.unigram);
    found.unigram = unigram;
  }
  found.term[k] = term;
  found.contribution[k] = contribution;
  found.unigram[k] = unigram ? 1 : 0;
  found.surface[k] = surface;
  found.language[k] = language;
}

/**
 * Longer words before single characters, then by contribution, then by surface. Answers in small
 * integers: a difference of two contributions would be a new heap number per comparison.
 */
function mostTellingFirst(found: FoundTerms, a: number, b: number): number {
  const ua = found.unigram[a] as number;
  const ub = found.unigram[b] as number;
  if (ua !== ub) return ua === 1 ? 1 : -1;
  const ca = found.contribution[a] as number;
  const cb = found.contribution[b] as number;
  if (ca !== cb) return cb > ca ? 1 : -1;
  return (found.surface[a] as string) < (found.surface[b] as string) ? -1 : 1;
}

const boilerplateCache = new WeakMap<PreparedOffers, (word: string, language: Language) => boolean>();

/**
 * Whether a matched word is platform boilerplate a business reader would not accept as evidence
 * (日中双方, メリット, 中国企業, "china"): one of weights.text.reasonStopWords, or a word all of whose
 * concepts are stop concepts.
 */
function reasonBoilerplate(prepared: PreparedOffers): (word: string, language: Language) => boolean {
  let test = boilerplateCache.get(prepared);
  if (!test) {
    const words = new Set(prepared.weights.text.reasonStopWords.map((w) => normaliseText(w)));
    const stopConcepts = new Set(prepared.weights.text.stopConcepts.map((c) => CONCEPT_PREFIX + c));
    const known = new Map<string, boolean>();
    test = (word, language) => {
      if (words.has(word)) return true;
      const key = `${language}:${word}`;
      let stopped = known.get(key);
      if (stopped === undefined) {
        let concepts = 0;
        let stops = 0;
        conceptTokens(word, language, (concept) => {
          concepts++;
          if (stopConcepts.has(concept)) stops++;
        });
        stopped = concepts > 0 && stops === concepts;
        if (known.size < 100_000) known.set(key, stopped);
      }
      return stopped;
    };
    boilerplateCache.set(prepared, test);
  }
  return test;
}

/** BM25 of the whole query in one offer: the same sum, in the same order, as accumulate. */
export function rawScore(prepared: PreparedOffers, query: FirmQuery, d: number): number {
  const index = prepared.text;
  const found = termWeightsIn(index, query, d, query.terms.length);
  let raw = 0;
  for (let i = 0; i < query.terms.length; i++) {
    const w = found[i] as number;
    if (w !== 0) {
      raw += (query.weights[i] as number) * w;
      found[i] = 0;
    }
  }
  return raw;
}

/**
 * The BM25 factor in offer d of each of the first `count` terms of the query, by query position
 * (0 where absent) from the forward index: one walk of the offer's terms, not a binary search per
 * query term. A query holds each term once. The caller zeroes the entries it read.
 */
function termWeightsIn(index: Bm25Index, query: FirmQuery, d: number, count: number): Float64Array {
  const scratch = scratchOf(index);
  if (scratch.query !== query || scratch.queryTerms !== query.terms.length) {
    // The scratch follows one query at a time: a run explains one firm's offers after another.
    if (scratch.query) for (const t of scratch.query.terms) scratch.position[t] = 0;
    for (let i = 0; i < query.terms.length; i++) scratch.position[query.terms[i] as number] = i + 1;
    scratch.query = query;
    scratch.queryTerms = query.terms.length;
    if (scratch.inQuery.length < query.terms.length) scratch.inQuery = new Float64Array(2 * query.terms.length);
  }
  const { position, inQuery: found } = scratch;
  const end = index.docStart[d + 1] as number;
  for (let p = index.docStart[d] as number; p < end; p++) {
    const i = (position[index.docTerm[p] as number] as number) - 1;
    if (i >= 0 && i < count) found[i] = index.docWeight[p] as number;
  }
  return found;
}
