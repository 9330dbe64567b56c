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
 * terms (searchQueryTerms) against them with searchBm25 and the whole corpus's statistics, and
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

/** One term of a search query and its query weight before idf (firmQuery's kind and concept weights). */
export interface SearchQueryTerm {
  term: string;
  weight: number;
}

/**
 * The terms searchOffers reads from a query, each once, with their weight before idf: surface
 * tokens (a single Han character at cjkUnigramWeight), then dictionary concepts at
 * searchConceptWeight (× conceptSingleCharWeight from a one-character headword).
 */
export function searchQueryTerms(query: string, weights: MatchingWeights = DEFAULT_WEIGHTS): SearchQueryTerm[] {
  const language: Language = queryLanguage(query);
  const normalised = normaliseText(query);
  const out: SearchQueryTerm[] = [];
  const seen = new Set<string>();
  const push = (term: string, weight: number): void => {
    if (seen.has(term) || weight === 0) return;
    seen.add(term);
    out.push({ term, weight });
  };
  tokenise(normalised, (term, kind) => push(term, kind === TokenKind.CjkUnigram ? weights.text.cjkUnigramWeight : 1));
  const conceptWeight = weights.text.searchConceptWeight;
  if (conceptWeight > 0) {
    conceptTokens(normalised, language, (concept, _surface, single) => push(concept, conceptWeight * (single ? weights.text.conceptSingleCharWeight : 1)));
  }
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

/** searchOffers' raw relevance of one offer for a query, from the offer's terms and the corpus statistics. */
export function searchBm25(
  query: readonly SearchQueryTerm[],
  offer: OfferSearchTerms,
  corpus: SearchCorpus,
  weights: MatchingWeights = DEFAULT_WEIGHTS,
): number {
  let raw = 0;
  for (const q of query) {
    const entry = offer.terms.get(q.term);
    const df = corpus.documentFrequency.get(q.term);
    if (!entry || !df) continue;
    const layer = entry.layer;
    raw += q.weight * idf(corpus.documentCount, df) * bm25Factor(entry.tf, offer.lengths[layer], corpus.averageLengths[layer], weights);
  }
  return raw;
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
