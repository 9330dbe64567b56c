import { Injectable } from '@nestjs/common';
import type { CooperationType, MatchedTermsView, Sector } from '@jinan/contracts';
import type { MatchingOffer, PreparedOffers } from '@jinan/matching';
import { prepareOffers, searchOffers } from '@jinan/matching';
import { offerFromRow, text } from '../matching/matching-input';
import { OfferSearchRepository } from './offer-search.repository';

export interface OfferSearchFilters {
  sector?: Sector;
  cooperationType?: CooperationType;
}

/**
 * Relevance search over published offers, in memory, with the matching engine's index (surface
 * words + dictionary concepts, BM25): a query in any language finds offers in any language.
 *
 * Why in memory and not in PostgreSQL: the ranking is the engine's (the same normaliser, concept
 * bridge and BM25 as matching), which SQL cannot reproduce without duplicating the engine. The
 * index is rebuilt when the stamp (count + latest change of offers and organizations) moves,
 * checked on every search with one cheap query; one build at a time, readers keep the previous
 * index meanwhile. Cost (bench:matching): preparing 10,000 offers takes a few CPU seconds and
 * some hundred MiB, so at 100× the demo (11,400 offers) a rebuild per offer change is the limit;
 * beyond that, rebuild on a timer or incrementally. Each API instance holds its own copy.
 */
@Injectable()
export class OfferSearchIndex {
  private current?: { stamp: string; prepared: PreparedOffers };
  private building?: Promise<void>;

  constructor(private readonly repo: OfferSearchRepository) {}

  /** Offer ids best first, with the matched words of each; empty when nothing in the index matches. */
  async search(q: string, filters: OfferSearchFilters): Promise<{ id: string; matched: MatchedTermsView }[]> {
    const index = await this.fresh();
    const { prepared } = index;
    const accept = (d: number): boolean => {
      const offer = prepared.offers[d] as MatchingOffer;
      return (!filters.sector || offer.sector === filters.sector) && (!filters.cooperationType || offer.cooperationType === filters.cooperationType);
    };
    return searchOffers(prepared, q, { accept }).hits.map((h) => ({ id: h.offerId, matched: h.matched }));
  }

  private async fresh(): Promise<NonNullable<OfferSearchIndex['current']>> {
    const stamp = await this.repo.stamp();
    if (this.current?.stamp !== stamp) {
      this.building ??= this.build(stamp).finally(() => (this.building = undefined));
      await this.building;
    }
    return this.current as NonNullable<OfferSearchIndex['current']>;
  }

  private async build(stamp: string): Promise<void> {
    const rows = await this.repo.searchable();
    const offers: MatchingOffer[] = rows.map((r) => ({ ...offerFromRow(r), companyName: text({ zh: r.name_zh, ja: r.name_ja, en: r.name_en }) }));
    this.current = { stamp, prepared: prepareOffers(offers) };
  }
}
