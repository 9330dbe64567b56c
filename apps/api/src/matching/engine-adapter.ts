import type { MatchingFirm, MatchingOffer, MatchingRun, PreparedOffers } from '@jinan/matching';
import { prepareOffers, scoreAll } from '@jinan/matching';

/** Stored per firm: the top offers and the top companies (PRODUCT.md §7: only what is shown). */
export const TOP_OFFERS = 20;
export const TOP_COMPANIES = 10;

/**
 * What the distributed and incremental matching need of the pure engine, in one place.
 * Demand (how many firms have an offer in their first-pass pool) is additive over firms,
 * so a run sharded by firm sums its shards' demand and scores every shard with the total:
 * the result equals one scoreAll over every firm.
 */
export function scoreFirms(firms: readonly MatchingFirm[], prepared: PreparedOffers, demand?: Readonly<Record<string, number>>): MatchingRun {
  return scoreAll(firms, prepared, { topK: TOP_OFFERS, topCompanies: TOP_COMPANIES, ...(demand ? { demand } : {}) });
}

/** One shard's contribution to the run's demand. */
export function shardDemand(firms: readonly MatchingFirm[], prepared: PreparedOffers): Record<string, number> {
  return scoreFirms(firms, prepared).demand;
}

export function sumDemand(parts: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const part of parts) for (const [id, n] of Object.entries(part)) total[id] = (total[id] ?? 0) + n;
  return total;
}

/** Term kinds of the engine's tokeniser that carry meaning alone (a single Han character does not). */
const CJK_UNIGRAM = 0;

/**
 * An inverted index over the firms' "seeks" texts, built with the engine's own
 * normaliser and tokeniser (the firms indexed as if they were documents): the firms whose
 * words occur in an offer are the ones a change of that offer can move.
 */
export class FirmIndex {
  private readonly index: PreparedOffers;

  constructor(firms: readonly MatchingFirm[]) {
    this.index = prepareOffers(
      firms.map((f) => ({
        id: f.id,
        organizationId: f.id,
        sector: f.sectors[0] ?? 'health',
        cooperationType: 'investment',
        title: f.seeks,
        summary: {},
        partnerSought: {},
        company: { sectors: f.sectors, languages: f.languages },
      })),
    );
  }

  /** Ids of the firms sharing a word (not a lone Han character) with the offer. */
  firmsFor(offer: MatchingOffer): string[] {
    const terms = prepareOffers([offer]).text.termIds;
    const { termIds, termKind, postingStart, postingDoc } = this.index.text;
    const found = new Set<string>();
    for (const term of terms.keys()) {
      const t = termIds.get(term);
      if (t === undefined || termKind[t] === CJK_UNIGRAM) continue;
      for (let p = postingStart[t] as number; p < (postingStart[t + 1] as number); p++)
        found.add((this.index.offers[postingDoc[p] as number] as MatchingOffer).id);
    }
    return [...found].sort();
  }
}
