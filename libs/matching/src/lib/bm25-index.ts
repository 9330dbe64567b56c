import type { MultilingualText } from './domain';
import { LANGUAGES } from './domain';
import { conceptTokens } from './concepts/concept-tokens';
import { normaliseText } from './normalise-text';
import { TokenKind, tokenise } from './tokenise';

/** One document to index: its fields with their boosts. */
export interface IndexedField {
  text: MultilingualText;
  boost: number;
}

export interface Bm25Options {
  k1: number;
  b: number;
  /** Term frequency a concept from a one-character headword counts for (a longer word counts 1). */
  conceptSingleCharWeight: number;
  /** Concepts never indexed: platform boilerplate every offer shares (~china, ~benefit). */
  stopConcepts: readonly string[];
}

/**
 * BM25 inverted index over documents 0..n-1, built once. Two layers share it: surface terms
 * (Han bigrams and characters, katakana runs, English words: exact words and names) and
 * concept terms (~ + English stem, from the dictionary bridge: the same for 水素, 氢 and
 * hydrogen). Each layer has its own document length. Postings hold the whole
 * per-(term, document) BM25 factor tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)), so a
 * query only multiplies and adds. CJK tokens and Latin words have separate lengths:
 * an offer that also has an English summary is not "longer" for a Japanese query.
 */
export interface Bm25Index {
  documentCount: number;
  termIds: Map<string, number>;
  /** The term of each id (termIds reversed). */
  terms: readonly string[];
  termKind: Uint8Array;
  idf: Float64Array;
  /** The largest idf (a term in one document). */
  maxIdf: number;
  /** postingDoc[postingStart[t] .. postingStart[t+1]) are the documents containing term t. */
  postingStart: Int32Array;
  postingDoc: Int32Array;
  postingWeight: Float32Array;
  /** Forward index, term ids sorted ascending per document. */
  docStart: Int32Array;
  docTerm: Int32Array;
  docWeight: Float32Array;
  k1: number;
}

export function buildBm25Index(documents: readonly (readonly IndexedField[])[], options: Bm25Options): Bm25Index {
  const n = documents.length;
  const termIds = new Map<string, number>();
  const kinds: number[] = [];
  const terms: string[] = [];
  let counts = new Float64Array(1024);
  const touched: number[] = [];
  const docTermLists: Int32Array[] = [];
  const docTfLists: Float64Array[] = [];
  const cjkLength = new Float64Array(n);
  const latinLength = new Float64Array(n);
  const conceptLength = new Float64Array(n);
  const stopConcepts = new Set(options.stopConcepts.map((c) => '~' + c));

  for (let d = 0; d < n; d++) {
    for (const field of documents[d] as readonly IndexedField[]) {
      for (const language of LANGUAGES) {
        const text = field.text[language];
        if (!text) continue;
        const add = (term: string, kind: TokenKind, tf: number): void => {
          let id = termIds.get(term);
          if (id === undefined) {
            id = kinds.length;
            termIds.set(term, id);
            kinds.push(kind);
            terms.push(term);
            if (id >= counts.length) {
              const grown = new Float64Array(counts.length * 2);
              grown.set(counts);
              counts = grown;
            }
          }
          if (counts[id] === 0) touched.push(id);
          counts[id] = (counts[id] as number) + tf;
          if (kind === TokenKind.Word) latinLength[d] = (latinLength[d] as number) + tf;
          else if (kind === TokenKind.Concept) conceptLength[d] = (conceptLength[d] as number) + tf;
          else cjkLength[d] = (cjkLength[d] as number) + tf;
        };
        const normalised = normaliseText(text);
        tokenise(normalised, (term, kind) => add(term, kind, field.boost));
        conceptTokens(normalised, language, (concept, _surface, single) => {
          if (!stopConcepts.has(concept)) add(concept, TokenKind.Concept, single ? field.boost * options.conceptSingleCharWeight : field.boost);
        });
      }
    }
    touched.sort((a, b) => a - b);
    const ids = Int32Array.from(touched);
    const tfs = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      tfs[i] = counts[ids[i] as number] as number;
      counts[ids[i] as number] = 0;
    }
    touched.length = 0;
    docTermLists.push(ids);
    docTfLists.push(tfs);
  }

  const termCount = kinds.length;
  const df = new Int32Array(termCount);
  let postings = 0;
  for (const ids of docTermLists) {
    postings += ids.length;
    for (const id of ids) df[id] = (df[id] as number) + 1;
  }
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = Math.log(1 + (n - (df[t] as number) + 0.5) / ((df[t] as number) + 0.5));

  const avgCjk = mean(cjkLength) || 1;
  const avgLatin = mean(latinLength) || 1;
  const avgConcept = mean(conceptLength) || 1;
  const termKind = Uint8Array.from(kinds);
  const postingStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postingStart[t + 1] = (postingStart[t] as number) + (df[t] as number);
  const fill = postingStart.slice(0, termCount);
  const postingDoc = new Int32Array(postings);
  const postingWeight = new Float32Array(postings);
  const docStart = new Int32Array(n + 1);
  const docTerm = new Int32Array(postings);
  const docWeight = new Float32Array(postings);
  const { k1, b } = options;
  for (let d = 0; d < n; d++) {
    const ids = docTermLists[d] as Int32Array;
    const tfs = docTfLists[d] as Float64Array;
    const start = docStart[d] as number;
    docStart[d + 1] = start + ids.length;
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i] as number;
      const tf = tfs[i] as number;
      const kind = termKind[t];
      const relLength =
        kind === TokenKind.Word
          ? (latinLength[d] as number) / avgLatin
          : kind === TokenKind.Concept
            ? (conceptLength[d] as number) / avgConcept
            : (cjkLength[d] as number) / avgCjk;
      const weight = (tf * (k1 + 1)) / (tf + k1 * (1 - b + b * relLength));
      const p = fill[t] as number;
      fill[t] = p + 1;
      postingDoc[p] = d;
      postingWeight[p] = weight;
      docTerm[start + i] = t;
      docWeight[start + i] = weight;
    }
  }
  let maxIdf = 0;
  for (const x of idf) if (x > maxIdf) maxIdf = x;
  return { documentCount: n, termIds, terms, termKind, idf, maxIdf, postingStart, postingDoc, postingWeight, docStart, docTerm, docWeight, k1 };
}

/** BM25 factor of term t in document d (0 when absent), by binary search of the forward index. */
export function termWeightInDocument(index: Bm25Index, t: number, d: number): number {
  let lo = index.docStart[d] as number;
  let hi = (index.docStart[d + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = index.docTerm[mid] as number;
    if (x === t) return index.docWeight[mid] as number;
    if (x < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}
