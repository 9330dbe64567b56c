import type { Language, MultilingualText } from './domain';
import { LANGUAGES } from './domain';
import { conceptTokens } from './concepts/concept-tokens';
import { normaliseText } from './normalise-text';
import type { ConceptWordLookup } from './text-concept-words';
import { TextConceptWords } from './text-concept-words';
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
  /**
   * Query weight of a single Han character: at 0 no query reads them, so they get no postings
   * (the largest lists by far) and count only towards their document's Han length.
   */
  cjkUnigramWeight: number;
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
  /** Each Chinese and Japanese text's concepts (stop concepts too) with the words that carried them; a text is (document, field number, language). */
  conceptWords: ConceptWordLookup;
  /** Kept when the index is built to be patched (see patchBm25Index); undefined otherwise. */
  patchable?: PatchableParts;
}

/**
 * What patching needs beyond the index: each posting's term frequency (in both layouts) and each
 * document's three lengths, from which every factor is computed again when the averages move.
 * Frequencies are sums of boosts × factors (multiples of ½ with the current weights), kept as
 * Float32 only when that is exact; otherwise the index is not patchable.
 */
export interface PatchableParts {
  options: Bm25Options;
  postingTf: Float32Array;
  docTf: Float32Array;
  cjkLength: Float64Array;
  latinLength: Float64Array;
  conceptLength: Float64Array;
}

/**
 * Built in phases, each its own function: the reading pass, the postings and the forward index
 * are loops over every document or posting, and as one function each loop reached cold (its
 * code never run) threw the optimised code of the loops before it away, seven compilations of
 * the whole function in a run.
 */
export function buildBm25Index(documents: readonly (readonly IndexedField[])[], options: Bm25Options, keepForPatching = false): Bm25Index {
  const n = documents.length;
  const read = readDocuments(documents, options);
  const { termIds, terms, docStart } = read;
  const termCount = terms.length;
  const df = read.df.subarray(0, termCount);
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = bm25Idf(n, df[t] as number);
  const termKind = Uint8Array.from(read.kinds);
  const postingStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postingStart[t + 1] = (postingStart[t] as number) + (df[t] as number);
  const { postingDoc, postingWeight, postingTf } = fillPostings(read, termKind, postingStart, options, keepForPatching);
  const { docTerm, docWeight, docTf } = forwardIndex(docStart, postingStart, postingDoc, postingWeight, postingTf);
  let maxIdf = 0;
  for (const x of idf) if (x > maxIdf) maxIdf = x;
  return {
    documentCount: n,
    termIds,
    terms,
    termKind,
    idf,
    maxIdf,
    postingStart,
    postingDoc,
    postingWeight,
    docStart,
    docTerm,
    docWeight,
    k1: options.k1,
    conceptWords: read.conceptWords,
    ...(postingTf && docTf
      ? { patchable: { options, postingTf, docTf, cjkLength: read.cjkLength, latinLength: read.latinLength, conceptLength: read.conceptLength } }
      : {}),
  };
}

/** What the reading pass leaves: term ids, each document's lengths and pieces, document frequencies. */
interface ReadDocuments {
  termIds: Map<string, number>;
  kinds: number[];
  terms: string[];
  /** docStart[d]: where document d's terms begin in the forward index. */
  docStart: Int32Array;
  cjkLength: Float64Array;
  latinLength: Float64Array;
  conceptLength: Float64Array;
  /** Document frequency by term id (longer than the number of terms). */
  df: Int32Array;
  /** Document d's pieces (their numbers in `store`) and their fields' boosts are docPiece[docPieceStart[d] .. docPieceStart[d + 1]). */
  docPieceStart: Int32Array;
  docPiece: Int32Array;
  docBoost: Float64Array;
  store: PieceStore;
  tally: Tally;
  conceptWords: TextConceptWords;
}

function readDocuments(documents: readonly (readonly IndexedField[])[], options: Bm25Options): ReadDocuments {
  const n = documents.length;
  const termIds = new Map<string, number>();
  const kinds: number[] = [];
  const terms: string[] = [];
  const docStart = new Int32Array(n + 1);
  const cjkLength = new Float64Array(n);
  const latinLength = new Float64Array(n);
  const conceptLength = new Float64Array(n);
  const stopConcepts = new Set(options.stopConcepts.map((c) => '~' + c));

  const idOf = (term: string, kind: TokenKind): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = kinds.length;
      termIds.set(term, id);
      kinds.push(kind);
      terms.push(term);
    }
    return id;
  };
  // Each sentence's terms once per index: offers repeat sentences (boilerplate, templates).
  // Ids are given in order of first appearance, surface terms of a text before its concepts,
  // as if the text were read in one go. A term counts boost × factor (factor 1, or
  // conceptSingleCharWeight for a concept from a one-character headword). A memo holds a
  // piece's number in the store, not arrays of its own: tens of thousands of distinct pieces.
  const store = new PieceStore();
  const surfaceMemo = new Map<string, number>();
  const conceptMemo = LANGUAGES.map(() => new Map<string, number>());
  // Han bigrams (most surface tokens) by their two codes: no string is cut and hashed for each,
  // only for a bigram's first appearance (its id, as idOf gives it).
  const bigramIds = new Array<Map<number, number> | undefined>(0x10000);
  const bigram = (first: number, second: number): boolean => {
    let bySecond = bigramIds[first];
    if (bySecond === undefined) {
      bySecond = new Map();
      bigramIds[first] = bySecond;
    }
    let id = bySecond.get(second);
    if (id === undefined) {
      id = idOf(String.fromCharCode(first, second), TokenKind.CjkBigram);
      bySecond.set(second, id);
    }
    store.push(id, 1);
    return true;
  };
  const surfaceTerms = (piece: string): number => {
    let found = surfaceMemo.get(piece);
    if (found === undefined) {
      // Single characters no query reads (weight 0) count towards the length only.
      const unindexed = tokenise(piece, (term, kind) => store.push(idOf(term, kind), 1), options.cjkUnigramWeight !== 0, bigram);
      found = store.close(unindexed);
      surfaceMemo.set(piece, found);
    }
    return found;
  };
  const conceptWords = new TextConceptWords(
    n,
    documents.reduce((most, fields) => Math.max(most, fields.length), 0),
    termIds,
    stopConcepts,
  );
  const conceptTerms = (piece: string, language: Language): number => {
    const memo = conceptMemo[LANGUAGES.indexOf(language)] as Map<string, number>;
    let found = memo.get(piece);
    if (found === undefined) {
      const keep = conceptWords.keeps(language);
      conceptTokens(piece, language, (concept, _surface, single) => {
        const stop = conceptWords.stopNumber(concept);
        const id = stop ?? idOf(concept, TokenKind.Concept);
        if (keep) conceptWords.addConcept(id);
        if (stop === undefined) store.push(id, single ? options.conceptSingleCharWeight : 1);
      });
      found = store.close(0);
      if (keep) conceptWords.endPiece(found, piece, language);
      memo.set(piece, found);
    }
    return found;
  };

  const tally: Tally = {
    counts: new Float64Array(1024),
    kinds: new Uint8Array(1024),
    touched: new Int32Array(1024),
    df: new Int32Array(1024),
    size: 0,
    lengths: new Float64Array(3),
    known: 0,
  };
  // Two passes over the documents. The first reads them (pieces, term ids, lengths, document
  // frequencies) and keeps each one's pieces and boosts; the second counts them again from
  // those to fill the postings, now that lengths and frequencies are known. Counting again is
  // cheap; keeping every document's terms and frequencies until then meant growing large arrays,
  // whose allocations forced full collections of the heap.
  const docPieceStart = new Int32Array(n + 1);
  // Offers have two dozen pieces (surface and concepts of each sentence piece): room for 32 each,
  // so the arrays seldom grow (a first growth, a call the optimised loop had never made, threw its
  // code away).
  let docPiece = new Int32Array(Math.max(1 << 14, 32 * n));
  let docBoost = new Float64Array(docPiece.length);
  for (let d = 0; d < n; d++) {
    tally.size = 0;
    tally.lengths.fill(0);
    let next = docPieceStart[d] as number;
    const fields = documents[d] as readonly IndexedField[];
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f] as IndexedField;
      for (const language of LANGUAGES) {
        const text = field.text[language];
        if (!text) continue;
        const pieces = sentencePieces(normaliseText(text));
        const analysed = pieces.map(surfaceTerms);
        for (const piece of pieces) analysed.push(conceptTerms(piece, language));
        if (conceptWords.keeps(language)) conceptWords.setText(d, f, language, analysed, pieces.length);
        fitTally(tally, kinds);
        for (const piece of analysed) {
          if (next === docPiece.length) {
            docPiece = grownInt32(docPiece);
            docBoost = grownFloat64(docBoost);
          }
          docPiece[next] = piece;
          docBoost[next++] = field.boost;
          count(tally, store, piece, field.boost);
        }
      }
    }
    docPieceStart[d + 1] = next;
    cjkLength[d] = tally.lengths[0] as number;
    latinLength[d] = tally.lengths[1] as number;
    conceptLength[d] = tally.lengths[2] as number;
    for (let i = 0; i < tally.size; i++) {
      const id = tally.touched[i] as number;
      tally.df[id] = (tally.df[id] as number) + 1;
      tally.counts[id] = 0;
    }
    docStart[d + 1] = (docStart[d] as number) + tally.size;
  }

  return {
    termIds,
    kinds,
    terms,
    docStart,
    cjkLength,
    latinLength,
    conceptLength,
    df: tally.df,
    docPieceStart,
    docPiece,
    docBoost,
    store,
    tally,
    conceptWords,
  };
}

/** Postings of every term, documents ascending, each with its BM25 factor: the documents' pieces counted again. */
function fillPostings(
  read: ReadDocuments,
  termKind: Uint8Array,
  postingStart: Int32Array,
  options: Bm25Options,
  keepTf: boolean,
): { postingDoc: Int32Array; postingWeight: Float32Array; postingTf?: Float32Array } {
  const { docPieceStart, docPiece, docBoost, store, tally, cjkLength, latinLength, conceptLength } = read;
  const n = docPieceStart.length - 1;
  const postings = read.docStart[n] as number;
  const avgCjk = mean(cjkLength) || 1;
  const avgLatin = mean(latinLength) || 1;
  const avgConcept = mean(conceptLength) || 1;
  const fill = postingStart.slice(0, termKind.length);
  const postingDoc = new Int32Array(postings);
  const postingWeight = new Float32Array(postings);
  const postingTf = new Float32Array(keepTf ? postings : 0);
  let exact = true;
  const { k1, b } = options;
  for (let d = 0; d < n; d++) {
    // The same pieces counted in the same order: the same term frequencies to the bit.
    tally.size = 0;
    for (let i = docPieceStart[d] as number; i < (docPieceStart[d + 1] as number); i++) count(tally, store, docPiece[i] as number, docBoost[i] as number);
    for (let i = 0; i < tally.size; i++) {
      const t = tally.touched[i] as number;
      const tf = tally.counts[t] as number;
      tally.counts[t] = 0;
      const kind = termKind[t];
      const relLength =
        kind === TokenKind.Word
          ? (latinLength[d] as number) / avgLatin
          : kind === TokenKind.Concept
            ? (conceptLength[d] as number) / avgConcept
            : (cjkLength[d] as number) / avgCjk;
      const p = fill[t] as number;
      fill[t] = p + 1;
      postingDoc[p] = d;
      postingWeight[p] = bm25Factor(tf, k1, b, relLength);
      if (keepTf) {
        postingTf[p] = tf;
        // Not exact as Float32 (weights whose boosts are not multiples of a power of two): not patchable.
        if (postingTf[p] !== tf) exact = false;
      }
    }
  }
  return { postingDoc, postingWeight, ...(keepTf && exact ? { postingTf } : {}) };
}

/** BM25's idf of a term in `df` of `documents` documents; patching computes it again with the same expression. */
export function bm25Idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** The per-(term, document) BM25 factor postings hold; patching computes it again with the same expression. */
export function bm25Factor(tf: number, k1: number, b: number, relLength: number): number {
  return (tf * (k1 + 1)) / (tf + k1 * (1 - b + b * relLength));
}

/** Forward index: each document's terms in ascending order, with their factors. */
function forwardIndex(
  docStart: Int32Array,
  postingStart: Int32Array,
  postingDoc: Int32Array,
  postingWeight: Float32Array,
  postingTf: Float32Array | undefined,
): { docTerm: Int32Array; docWeight: Float32Array; docTf?: Float32Array } {
  const docFill = docStart.slice(0, docStart.length - 1);
  const docTerm = new Int32Array(postingDoc.length);
  const docWeight = new Float32Array(postingDoc.length);
  const docTf = postingTf ? new Float32Array(postingDoc.length) : undefined;
  const termCount = postingStart.length - 1;
  for (let t = 0; t < termCount; t++) {
    const end = postingStart[t + 1] as number;
    for (let p = postingStart[t] as number; p < end; p++) {
      const d = postingDoc[p] as number;
      const i = docFill[d] as number;
      docFill[d] = i + 1;
      docTerm[i] = t;
      docWeight[i] = postingWeight[p] as number;
      if (docTf !== undefined) docTf[i] = (postingTf as Float32Array)[p] as number;
    }
  }
  return { docTerm, docWeight, ...(docTf ? { docTf } : {}) };
}

/**
 * The index terms of every distinct piece of text, each with its term-frequency factor, one
 * piece after the other: piece p's are ids[start[p] .. start[p + 1]).
 */
class PieceStore {
  ids = new Int32Array(1 << 16);
  factors = new Float64Array(1 << 16);
  start = new Int32Array(1 << 12);
  /** Han tokens of each piece counted in its length only (single characters, see cjkUnigramWeight). */
  unindexedCjk = new Int32Array(1 << 12);
  private pieces = 0;
  private size = 0;

  push(id: number, factor: number): void {
    if (this.size === this.ids.length) {
      this.ids = grownInt32(this.ids);
      this.factors = grownFloat64(this.factors);
    }
    this.ids[this.size] = id;
    this.factors[this.size++] = factor;
  }

  /** Ends the piece whose terms were pushed since the last close; returns its number. */
  close(unindexedCjk: number): number {
    if (this.pieces + 2 > this.start.length) {
      this.start = grownInt32(this.start);
      this.unindexedCjk = grownInt32(this.unindexedCjk);
    }
    const p = this.pieces++;
    this.unindexedCjk[p] = unindexedCjk;
    this.start[p + 1] = this.size;
    return p;
  }
}

function grownFloat64(array: Float64Array): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(array.length * 2);
  grown.set(array);
  return grown;
}

function grownInt32(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** One document's term counts while it is read; lengths are [Han and katakana, Latin words, concepts]. */
interface Tally {
  counts: Float64Array;
  kinds: Uint8Array;
  touched: Int32Array;
  /** Documents read so far that contain each term. */
  df: Int32Array;
  size: number;
  lengths: Float64Array;
  /** Term ids whose kind is copied. */
  known: number;
}

/** Grows the tally's arrays to hold every term id given so far, and copies the new ids' kinds. */
function fitTally(tally: Tally, kinds: readonly number[]): void {
  if (kinds.length > tally.counts.length) {
    const size = 2 ** Math.ceil(Math.log2(kinds.length));
    const counts = new Float64Array(size);
    counts.set(tally.counts);
    tally.counts = counts;
    const touched = new Int32Array(size);
    touched.set(tally.touched);
    tally.touched = touched;
    const grown = new Uint8Array(size);
    grown.set(tally.kinds);
    tally.kinds = grown;
    const df = new Int32Array(size);
    df.set(tally.df);
    tally.df = df;
  }
  for (let t = tally.known; t < kinds.length; t++) tally.kinds[t] = kinds[t] as number;
  tally.known = kinds.length;
}

function count(tally: Tally, store: PieceStore, piece: number, boost: number): void {
  const { counts, kinds, touched, lengths } = tally;
  const { ids, factors } = store;
  const end = store.start[piece + 1] as number;
  let size = tally.size;
  for (let i = store.start[piece] as number; i < end; i++) {
    const id = ids[i] as number;
    const tf = boost * (factors[i] as number);
    const before = counts[id] as number;
    if (before === 0) touched[size++] = id;
    counts[id] = before + tf;
    const kind = kinds[id];
    const slot = kind === TokenKind.Word ? 1 : kind === TokenKind.Concept ? 2 : 0;
    lengths[slot] = (lengths[slot] as number) + tf;
  }
  const unindexed = store.unindexedCjk[piece] as number;
  if (unindexed > 0) lengths[0] = (lengths[0] as number) + boost * unindexed;
  tally.size = size;
}

/**
 * Normalised text cut after each sentence or clause end (。.!?;, newline): characters no token
 * and no dictionary word spans, so the pieces give the same tokens as the whole text.
 */
export function sentencePieces(normalised: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised.charCodeAt(i);
    if (c === 0x3002 || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a) {
      pieces.push(normalised.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < normalised.length) pieces.push(normalised.slice(start));
  return pieces;
}

export function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}
