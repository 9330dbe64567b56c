import type { Bm25Index, IndexedField, PatchableParts } from './bm25-index';
import { bm25Factor, bm25Idf, buildBm25Index, mean } from './bm25-index';
import type { TextConceptWords } from './text-concept-words';
import { PatchedConceptWords } from './text-concept-words';
import { TokenKind } from './tokenise';

/** How the documents of an index change: which are kept (and where they go), which are added (and where). */
export interface IndexPatch {
  /** The patched index's document count. */
  documentCount: number;
  /** from[d] for each document d of the patched index: ≥ 0, the base's document from[d]; < 0, added[−1 − from[d]]. */
  from: Int32Array;
  /** The documents added, in the order of their positions. */
  added: readonly (readonly IndexedField[])[];
}

/**
 * The index a fresh buildBm25Index of the patched documents would give, without reading the
 * kept documents again: only the added ones are read (a small index of their own), and their
 * postings merged into the base's. Document lengths, frequencies and idf are counted again,
 * so every factor is the one a fresh build computes, bit for bit. Term ids differ: the new
 * terms are numbered after the base's (a fresh build numbers terms in order of appearance),
 * and a term no document holds any more keeps its number but leaves termIds, so queries drop
 * it as a fresh build's would. Cost: linear in the postings (array copies and one division per
 * posting), not the tokenising and segmenting of every text. The base must have been built
 * patchable; it is left as it was. `retired`: an index nobody reads any more (the one the base
 * was patched from), whose large arrays the result is written into (see Buffers).
 */
export function patchBm25Index(base: Bm25Index, patch: IndexPatch, retired?: Bm25Index): Bm25Index {
  const buffers = new Buffers(retired);
  const parts = base.patchable;
  if (!parts) throw new Error('the index was not built to be patched');
  const { options } = parts;
  const { from, documentCount: n } = patch;
  const small = buildBm25Index(patch.added, options, true);
  if (!small.patchable) throw new Error('the added documents’ term frequencies are not exact as Float32');

  // Term ids: the base's, then the new terms.
  const termIds = new Map(base.termIds);
  const terms = base.terms.slice();
  const kinds = Array.from(base.termKind);
  const toGlobal = new Int32Array(small.terms.length);
  small.terms.forEach((term, t) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
      kinds.push(small.termKind[t] as number);
    }
    toGlobal[t] = id;
  });
  const termCount = terms.length;
  const termKind = Uint8Array.from(kinds);

  // The added documents' forward lists in global ids, ascending.
  const added = globalForward(small, toGlobal);

  // Document frequencies: the base's, less the documents dropped, plus the added ones.
  // Where each of the base's documents goes; −1: dropped.
  const oldToNew = new Int32Array(base.documentCount).fill(-1);
  from.forEach((f, d) => {
    if (f >= 0) oldToNew[f] = d;
  });
  const df = new Int32Array(termCount);
  for (let t = 0; t < base.terms.length; t++) df[t] = (base.postingStart[t + 1] as number) - (base.postingStart[t] as number);
  for (let d = 0; d < base.documentCount; d++) {
    if ((oldToNew[d] as number) >= 0) continue;
    for (let i = base.docStart[d] as number; i < (base.docStart[d + 1] as number); i++) df[base.docTerm[i] as number]--;
  }
  for (let i = 0; i < added.term.length; i++) df[added.term[i] as number]++;

  const lengths = documentLengths(parts, small.patchable, from, n);
  const postings = mergePostings(base, parts, added, from, oldToNew, df, buffers);
  const rel = relativeLengths(lengths);
  const slot = lengthSlots(termKind);
  const { k1, b } = options;
  const postingWeight = buffers.float32(postings.doc.length);
  for (let t = 0; t < termCount; t++) {
    const relLength = rel[slot[t] as number] as Float64Array;
    const end = postings.start[t + 1] as number;
    for (let p = postings.start[t] as number; p < end; p++) {
      postingWeight[p] = bm25Factor(postings.tf[p] as number, k1, b, relLength[postings.doc[p] as number] as number);
    }
  }
  const forward = forwardLists(base, parts, added, from, buffers);
  const docWeight = buffers.float32(forward.term.length);
  for (let d = 0; d < n; d++) {
    const end = forward.start[d + 1] as number;
    for (let i = forward.start[d] as number; i < end; i++) {
      const relLength = rel[slot[forward.term[i] as number] as number] as Float64Array;
      docWeight[i] = bm25Factor(forward.tf[i] as number, k1, b, relLength[d] as number);
    }
  }

  const idf = new Float64Array(termCount);
  let maxIdf = 0;
  for (let t = 0; t < termCount; t++) {
    const x = df[t] as number;
    if (x === 0) {
      if (termIds.get(terms[t] as string) === t) termIds.delete(terms[t] as string);
      continue;
    }
    idf[t] = bm25Idf(n, x);
    if ((idf[t] as number) > maxIdf) maxIdf = idf[t] as number;
  }
  return {
    documentCount: n,
    termIds,
    terms,
    termKind,
    idf,
    maxIdf,
    postingStart: postings.start,
    postingDoc: postings.doc,
    postingWeight,
    docStart: forward.start,
    docTerm: forward.term,
    docWeight,
    k1: options.k1,
    conceptWords: PatchedConceptWords.of(base.conceptWords, small.conceptWords as TextConceptWords, from),
    patchable: { options, postingTf: postings.tf, docTf: forward.tf, ...lengths },
  };
}

/** Forward lists, one document after the other: document k's are term[start[k] .. start[k + 1]). */
interface ForwardLists {
  start: Int32Array;
  term: Int32Array;
  tf: Float32Array;
}

/** The small index's documents with its term ids mapped to the patched index's, each list sorted again. */
function globalForward(small: Bm25Index, toGlobal: Int32Array): ForwardLists {
  const tfs = (small.patchable as PatchableParts).docTf;
  const start = small.docStart.slice();
  const term = new Int32Array(small.docTerm.length);
  const tf = new Float32Array(small.docTerm.length);
  for (let k = 0; k < small.documentCount; k++) {
    const pairs: [number, number][] = [];
    for (let i = start[k] as number; i < (start[k + 1] as number); i++) pairs.push([toGlobal[small.docTerm[i] as number] as number, tfs[i] as number]);
    pairs.sort((a, b) => a[0] - b[0]);
    pairs.forEach(([t, x], j) => {
      term[(start[k] as number) + j] = t;
      tf[(start[k] as number) + j] = x;
    });
  }
  return { start, term, tf };
}

type Lengths = Pick<PatchableParts, 'cjkLength' | 'latinLength' | 'conceptLength'>;

function documentLengths(base: Lengths, small: Lengths, from: Int32Array, n: number): Lengths {
  const out: Lengths = { cjkLength: new Float64Array(n), latinLength: new Float64Array(n), conceptLength: new Float64Array(n) };
  for (const key of ['cjkLength', 'latinLength', 'conceptLength'] as const) {
    for (let d = 0; d < n; d++) {
      const f = from[d] as number;
      out[key][d] = f >= 0 ? (base[key][f] as number) : (small[key][-1 - f] as number);
    }
  }
  return out;
}

/**
 * Each document's length relative to the average, by length slot (Han and katakana, Latin words,
 * concepts): the same divisions fillPostings makes, so the factors come out the same to the bit.
 */
function relativeLengths(lengths: Lengths): Float64Array[] {
  return [lengths.cjkLength, lengths.latinLength, lengths.conceptLength].map((values) => {
    const average = mean(values) || 1;
    return Float64Array.from(values, (x) => x / average);
  });
}

/** Each term's length slot (relativeLengths' order), by its kind. */
function lengthSlots(termKind: Uint8Array): Uint8Array {
  return Uint8Array.from(termKind, (kind) => (kind === TokenKind.Word ? 1 : kind === TokenKind.Concept ? 2 : 0));
}

/** Each term's postings: the base's kept ones (renumbered) merged with the added documents', documents ascending. */
function mergePostings(
  base: Bm25Index,
  parts: PatchableParts,
  added: ForwardLists,
  from: Int32Array,
  oldToNew: Int32Array,
  df: Int32Array,
  buffers: Buffers,
): { start: Int32Array; doc: Int32Array; tf: Float32Array } {
  const termCount = df.length;
  const start = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) start[t + 1] = (start[t] as number) + (df[t] as number);
  // The added documents' postings by term, documents ascending (they are added in position order).
  const insStart = new Int32Array(termCount + 1);
  for (let i = 0; i < added.term.length; i++) insStart[(added.term[i] as number) + 1]++;
  for (let t = 0; t < termCount; t++) insStart[t + 1] = (insStart[t + 1] as number) + (insStart[t] as number);
  const fill = insStart.slice(0, termCount);
  const insDoc = new Int32Array(added.term.length);
  const insTf = new Float32Array(added.term.length);
  for (let d = 0; d < from.length; d++) {
    const f = from[d] as number;
    if (f >= 0) continue;
    const k = -1 - f;
    for (let i = added.start[k] as number; i < (added.start[k + 1] as number); i++) {
      const t = added.term[i] as number;
      const q = fill[t] as number;
      fill[t] = q + 1;
      insDoc[q] = d;
      insTf[q] = added.tf[i] as number;
    }
  }
  const doc = buffers.int32(start[termCount] as number);
  const tf = buffers.float32(doc.length);
  const baseTerms = base.terms.length;
  for (let t = 0; t < termCount; t++) {
    let out = start[t] as number;
    let q = insStart[t] as number;
    const qe = insStart[t + 1] as number;
    if (t < baseTerms) {
      const pe = base.postingStart[t + 1] as number;
      for (let p = base.postingStart[t] as number; p < pe; p++) {
        const d = oldToNew[base.postingDoc[p] as number] as number;
        if (d < 0) continue;
        while (q < qe && (insDoc[q] as number) < d) {
          doc[out] = insDoc[q] as number;
          tf[out++] = insTf[q++] as number;
        }
        doc[out] = d;
        tf[out++] = parts.postingTf[p] as number;
      }
    }
    while (q < qe) {
      doc[out] = insDoc[q] as number;
      tf[out++] = insTf[q++] as number;
    }
  }
  return { start, doc, tf };
}

/**
 * The forward lists in the patched order: the base's copied (term ids are kept), a run of kept
 * documents at a time, and the added ones'. The factors are computed after, from the frequencies.
 */
function forwardLists(base: Bm25Index, parts: PatchableParts, added: ForwardLists, from: Int32Array, buffers: Buffers): ForwardLists {
  const n = from.length;
  const start = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) {
    const f = from[d] as number;
    const size = f >= 0 ? (base.docStart[f + 1] as number) - (base.docStart[f] as number) : (added.start[-f] as number) - (added.start[-1 - f] as number);
    start[d + 1] = (start[d] as number) + size;
  }
  const term = buffers.int32(start[n] as number);
  const tf = buffers.float32(term.length);
  let d = 0;
  while (d < n) {
    const f = from[d] as number;
    let e = d + 1;
    let first: number;
    let last: number;
    let sourceTerm: Int32Array;
    let sourceTf: Float32Array;
    if (f >= 0) {
      while (e < n && from[e] === (from[e - 1] as number) + 1) e++;
      [first, last, sourceTerm, sourceTf] = [base.docStart[f] as number, base.docStart[f + e - d] as number, base.docTerm, parts.docTf];
    } else {
      [first, last, sourceTerm, sourceTf] = [added.start[-1 - f] as number, added.start[-f] as number, added.term, added.tf];
    }
    term.set(sourceTerm.subarray(first, last), start[d] as number);
    tf.set(sourceTf.subarray(first, last), start[d] as number);
    d = e;
  }
  return { start, term, tf };
}

/**
 * The large arrays of a patch (postings and forward lists, six of them: 1.5 GB at 300,000 offers),
 * written over the buffers of a retired index when one is given. Allocating them afresh each
 * pass cost more than the patch itself: the kernel zeroing new pages, and V8 running full
 * collections of the whole heap to free the old ones (measured at 300,000 offers: 4–5 s of
 * system time and 1–2 s collections per patch). New buffers get 1 % of room, so the next patch,
 * a few postings longer, fits. Every element of an array taken here is written before it is read.
 */
class Buffers {
  private readonly free: ArrayBuffer[];

  constructor(retired?: Bm25Index) {
    const arrays = retired
      ? [retired.postingDoc, retired.postingWeight, retired.docTerm, retired.docWeight, retired.patchable?.postingTf, retired.patchable?.docTf]
      : [];
    this.free = arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])).sort((a, b) => a.byteLength - b.byteLength);
  }

  int32(length: number): Int32Array {
    return new Int32Array(this.take(length * 4), 0, length);
  }

  float32(length: number): Float32Array {
    return new Float32Array(this.take(length * 4), 0, length);
  }

  private take(bytes: number): ArrayBuffer {
    const i = this.free.findIndex((b) => b.byteLength >= bytes);
    if (i >= 0) return this.free.splice(i, 1)[0] as ArrayBuffer;
    return new ArrayBuffer(Math.ceil((bytes * 1.01) / 4) * 4);
  }
}
