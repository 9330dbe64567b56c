import { conceptTokens } from './concepts/concept-tokens';
import type { Language, MatchingOffer } from './domain';
import { LANGUAGES } from './domain';
import { normaliseText } from './normalise-text';
import type { PreparedOffers } from './prepare-offers';
import { prepareOffers } from './prepare-offers';
import type { SearchHit } from './search';
import { queryLanguage, searchOffers } from './search';
import { TokenKind, tokenise } from './tokenise';
import type { MatchingWeights } from './weights';
import { DEFAULT_WEIGHTS } from './weights';

/**
 * Offer search outside the engine's in-memory index (a database holds the postings), with the
 * same BM25 as searchOffers: a store keeps each offer's terms (offerSearchTerms), ranks a query's
 * terms (searchQueryTerms) against them as searchRelevance does, with the whole corpus's statistics, and
 * explains a page of hits with explainSearchPage. search-terms.spec.ts pins the equivalence.
 */

/** Which document length a term's BM25 normalises by: Han and katakana tokens, Latin words, concepts. */
export enum TermLayer {
  Cjk = 0,
  Latin = 1,
  Concept = 2,
}

export interface OfferSearchTerms {
  /** Term frequency of each term (boosted by field, as the engine's index counts it) and its layer. */
  terms: Map<string, { tf: number; layer: TermLayer }>;
  /** Document length per layer (Σ tf of the layer's terms). */
  lengths: [number, number, number];
}

/** The fields the search index reads of an offer. */
export type SearchableOffer = Pick<MatchingOffer, 'title' | 'summary' | 'partnerSought' | 'companyName'>;

/** An offer's index terms exactly as prepareOffers counts them for search (title, summary, partner sought, company name). */
export function offerSearchTerms(offer: SearchableOffer, weights: MatchingWeights = DEFAULT_WEIGHTS): OfferSearchTerms {
  const text = weights.text;
  const stopConcepts = new Set(text.stopConcepts.map((c) => '~' + c));
  const terms = new Map<string, { tf: number; layer: TermLayer }>();
  const lengths: [number, number, number] = [0, 0, 0];
  const fields = [
    { text: offer.title, boost: text.titleBoost },
    { text: offer.summary, boost: 1 },
    { text: offer.partnerSought, boost: text.partnerSoughtBoost },
    ...(offer.companyName ? [{ text: offer.companyName, boost: 1 }] : []),
  ];
  const add = (term: string, layer: TermLayer, tf: number): void => {
    const entry = terms.get(term);
    if (entry) entry.tf += tf;
    else terms.set(term, { tf, layer });
    lengths[layer] += tf;
  };
  for (const field of fields) {
    for (const language of LANGUAGES) {
      const value = field.text[language];
      if (!value) continue;
      const normalised = normaliseText(value);
      tokenise(normalised, (term, kind) => add(term, kind === TokenKind.Word ? TermLayer.Latin : TermLayer.Cjk, field.boost));
      conceptTokens(normalised, language, (concept, _surface, single) => {
        if (!stopConcepts.has(concept)) add(concept, TermLayer.Concept, single ? field.boost * text.conceptSingleCharWeight : field.boost);
      });
    }
  }
  return { terms, lengths };
}

/**
 * One term of a search query: its query weight before idf (firmQuery's kind and concept
 * weights), the query word it belongs to (searchOffers' units: a dictionary word's concepts and
 * the surface terms starting inside it; a surface term outside every dictionary word is a word
 * of its own), and whether it is a concept of that word or one of its surface terms.
 */
export interface SearchQueryTerm {
  term: string;
  weight: number;
  unit: number;
  concept: boolean;
}

/** The terms searchOffers reads from a query, each once, grouped into its words, in its order. */
export function searchQueryTerms(query: string, weights: MatchingWeights = DEFAULT_WEIGHTS): SearchQueryTerm[] {
  const language: Language = queryLanguage(query);
  const normalised = normaliseText(query);
  const text = weights.text;
  // firmQuery's weights: each term at its first occurrence, surface terms before concepts.
  const weightOf = new Map<string, number>();
  const weigh = (term: string, weight: number): void => {
    if (!weightOf.has(term) && weight !== 0) weightOf.set(term, weight);
  };
  tokenise(normalised, (term, kind) => weigh(term, kind === TokenKind.CjkUnigram ? text.cjkUnigramWeight : 1));
  if (text.searchConceptWeight > 0) {
    conceptTokens(normalised, language, (concept, _surface, single) => weigh(concept, text.searchConceptWeight * (single ? text.conceptSingleCharWeight : 1)));
  }
  // searchOffers' query units, in the order it makes them.
  const out: SearchQueryTerm[] = [];
  const placed = new Set<string>();
  let units = 0;
  const spans: { start: number; end: number; unit: number }[] = [];
  const place = (term: string, unit: number, concept: boolean): void => {
    const weight = weightOf.get(term);
    if (weight === undefined || placed.has(term)) return;
    placed.add(term);
    out.push({ term, weight, unit, concept });
  };
  conceptTokens(normalised, language, (concept, surface, _single, start) => {
    let span = spans.find((x) => x.start === start);
    if (!span) {
      span = { start, end: start + Array.from(surface).length, unit: units++ };
      spans.push(span);
    }
    place(concept, span.unit, true);
  });
  tokenise(normalised, (term, _kind, start) => {
    const span = spans.find((x) => x.start <= start && start < x.end);
    place(term, span ? span.unit : units++, false);
  });
  return out;
}

/** What BM25 needs of the whole corpus of searchable offers. */
export interface SearchCorpus {
  documentCount: number;
  /** Mean document length per layer (0 reads as 1, as the engine's index does). */
  averageLengths: [number, number, number];
  /** Documents containing each term (those of the query suffice). */
  documentFrequency: ReadonlyMap<string, number>;
}

/** The engine's idf. */
export function idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The engine's per-(term, document) BM25 factor. */
export function bm25Factor(tf: number, length: number, averageLength: number, weights: MatchingWeights = DEFAULT_WEIGHTS): number {
  const { k1, b } = weights.text;
  return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / (averageLength || 1)));
}

/**
 * searchOffers' relevance of one offer, from the offer's terms and the corpus statistics: per
 * query word, the larger of its surface share (BM25 of its surface terms over their mass) and
 * its concept share (its best-matched concept at that concept's rarity); the words' mean
 * weighted by rarity. Sums run in the engine's order with its float4 BM25 factors.
 */
export function searchRelevance(
  query: readonly SearchQueryTerm[],
  offer: OfferSearchTerms,
  corpus: SearchCorpus,
  weights: MatchingWeights = DEFAULT_WEIGHTS,
): number {
  const k1 = weights.text.k1;
  const units = new Map<number, { surface: number; surfaceMass: number; concept: number[]; conceptWeights: number[]; conceptMass: number }>();
  for (const q of query) {
    const df = corpus.documentFrequency.get(q.term);
    if (!df) continue;
    const w = q.weight * idf(corpus.documentCount, df);
    let unit = units.get(q.unit);
    if (!unit) units.set(q.unit, (unit = { surface: 0, surfaceMass: 0, concept: [], conceptWeights: [], conceptMass: 0 }));
    const entry = offer.terms.get(q.term);
    const factor = entry ? Math.fround(bm25Factor(entry.tf, offer.lengths[entry.layer], corpus.averageLengths[entry.layer], weights)) : 0;
    if (q.concept) {
      unit.conceptWeights.push(w);
      unit.concept.push(factor);
      unit.conceptMass += w * (k1 + 1);
    } else {
      unit.surface += w * factor;
      unit.surfaceMass += w * (k1 + 1);
    }
  }
  let relevance = 0;
  let total = 0;
  for (const [, unit] of [...units].sort((a, b) => a[0] - b[0])) {
    let best = 0;
    if (unit.conceptWeights.length) {
      const full = Math.max(...unit.conceptWeights) * (k1 + 1);
      unit.conceptWeights.forEach((w, i) => (best = Math.max(best, (w / full) * (unit.concept[i] as number))));
    }
    if (unit.surfaceMass > 0) best = Math.max(best, unit.surface / unit.surfaceMass);
    const weight = Math.max(unit.conceptMass / weights.text.searchConceptWeight, unit.surfaceMass);
    relevance += weight * best;
    total += weight;
  }
  return total > 0 ? relevance / total : 0;
}

/**
 * The matched words of each offer of a page of hits, as searchOffers over the whole corpus
 * would give them: a small index of the page's offers whose idf and length normalisation are
 * restated with the corpus's statistics.
 */
export function explainSearchPage(
  offers: readonly MatchingOffer[],
  query: string,
  corpus: SearchCorpus,
  weights: MatchingWeights = DEFAULT_WEIGHTS,
): Map<string, SearchHit['matched']> {
  if (offers.length === 0) return new Map();
  const prepared = restate(prepareOffers(offers, weights), corpus, weights);
  return new Map(searchOffers(prepared, query, { minShareOfBest: 0 }).hits.map((h) => [h.offerId, h.matched]));
}

function restate(prepared: PreparedOffers, corpus: SearchCorpus, weights: MatchingWeights): PreparedOffers {
  const index = prepared.text;
  const n = corpus.documentCount;
  for (let t = 0; t < index.terms.length; t++) {
    // Terms outside the query are never read; their local document frequency stands in.
    const df = corpus.documentFrequency.get(index.terms[t] as string) ?? (index.postingStart[t + 1] as number) - (index.postingStart[t] as number);
    index.idf[t] = idf(n, df);
  }
  // The largest idf is that of a term in one document, which any real corpus has.
  index.maxIdf = idf(n, 1);
  const perDocument = prepared.offers.map((o) => offerSearchTerms(o, weights));
  const weightOf = (d: number, t: number): number => {
    const doc = perDocument[d] as OfferSearchTerms;
    const entry = doc.terms.get(index.terms[t] as string);
    if (!entry) return 0;
    return bm25Factor(entry.tf, doc.lengths[entry.layer], corpus.averageLengths[entry.layer], weights);
  };
  // The same rewrite in both directions of the index: forward (explanations) and postings (scores).
  for (let d = 0; d < prepared.offers.length; d++) {
    for (let p = index.docStart[d] as number; p < (index.docStart[d + 1] as number); p++) index.docWeight[p] = weightOf(d, index.docTerm[p] as number);
  }
  for (let t = 0; t < index.terms.length; t++) {
    for (let p = index.postingStart[t] as number; p < (index.postingStart[t + 1] as number); p++)
      index.postingWeight[p] = weightOf(index.postingDoc[p] as number, t);
  }
  return prepared;
}
