import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { CooperationType, MatchedTermsView, Sector } from '@jinan/contracts';
import type { MatchingOffer, SearchCorpus } from '@jinan/matching';
import { DEFAULT_WEIGHTS, explainSearchPage, offerSearchTerms, searchQueryTerms } from '@jinan/matching';
import { offerFromRow, partnerSoughtText, text } from '../matching/matching-input';
import type { IndexedDocument } from './offer-search.repository';
import { OfferSearchRepository } from './offer-search.repository';

/** One page of ranked offers, each with the words it matched, and how many matched in all. */
export interface SearchPage {
  items: { id: string; matched: MatchedTermsView }[];
  total: number;
}

export interface OfferSearchFilters {
  sector?: Sector;
  cooperationType?: CooperationType;
}

/** Offers re-indexed per transaction. */
const BATCH = 500;
/** Ranked pages kept per instance (a few KiB each), until the index changes. */
const CACHED_PAGES = 2000;
/** searchOffers' default: hits under this share of the best are noise from single shared characters. */
const MIN_SHARE_OF_BEST = 0.2;

/**
 * Relevance search over published offers with the matching engine's terms and ranking, in
 * PostgreSQL: each offer's index terms (surface words + dictionary concepts, as the engine
 * counts them) are stored in offer_search_terms, and a query's words are ranked there with
 * the engine's formula (searchRelevance) and the corpus's statistics (libs/matching search-terms.ts, whose spec
 * pins the equivalence with the in-memory searchOffers). A query in any language finds offers
 * in any language; the API holds no index, so its memory does not grow with the catalogue.
 *
 * Freshness: triggers queue every offer whose text, status, filters or company change (any
 * path, SQL included) in offer_search_pending; a search first indexes what is queued (one
 * indexer at a time across instances), and the API drains the queue at boot. Each instance
 * keeps the ranked pages it answered until the index's version moves (every indexing batch
 * moves it): a venue's repeated queries cost one small read of the version.
 */
@Injectable()
export class OfferSearchIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger('OfferSearchIndex');
  /** Ranked pages by query, filters and page, valid for one index version. */
  private cache = { version: '', pages: new Map<string, SearchPage | null>() };

  constructor(private readonly repo: OfferSearchRepository) {}

  onApplicationBootstrap(): void {
    // In the background: a freshly seeded catalogue takes a while, and searches wait for it anyway.
    void this.catchUp().catch((e: unknown) => this.logger.error(`indexing failed: ${(e as Error).stack ?? e}`));
    // The dictionaries and script converters load on first use (seconds): not on a user's first search.
    setImmediate(() => warmUp());
  }

  /**
   * One page of offers best first, with the matched words of each, and the total; null when
   * no searchable offer has any of the query's terms.
   */
  async search(q: string, filters: OfferSearchFilters, page: number, pageSize: number): Promise<SearchPage | null> {
    let state = await this.repo.state();
    if (state.pending) {
      await this.catchUp();
      state = await this.repo.state();
    }
    if (this.cache.version !== state.version) this.cache = { version: state.version, pages: new Map() };
    const key = JSON.stringify([q, filters.sector ?? null, filters.cooperationType ?? null, page, pageSize]);
    const pages = this.cache.pages;
    if (pages.has(key)) return pages.get(key) as SearchPage | null;
    const found = await this.rank(q, filters, page, pageSize);
    if (pages.size >= CACHED_PAGES) pages.delete(pages.keys().next().value as string);
    pages.set(key, found);
    return found;
  }

  private async rank(q: string, filters: OfferSearchFilters, page: number, pageSize: number): Promise<SearchPage | null> {
    const query = searchQueryTerms(q);
    if (query.length === 0) return null;
    const rank = (limit: number, offset: number) =>
      this.repo.rank({
        terms: query.map((t) => t.term),
        weights: query.map((t) => t.weight),
        units: query.map((t) => t.unit),
        concepts: query.map((t) => t.concept),
        searchConceptWeight: DEFAULT_WEIGHTS.text.searchConceptWeight,
        sector: filters.sector ?? null,
        cooperationType: filters.cooperationType ?? null,
        limit,
        offset,
        k1: DEFAULT_WEIGHTS.text.k1,
        b: DEFAULT_WEIGHTS.text.b,
        minShareOfBest: MIN_SHARE_OF_BEST,
      });
    const rows = await rank(pageSize, (page - 1) * pageSize);
    if (rows.length === 0) {
      // Past the last page, or nothing at all: the first row tells which.
      const [first] = page > 1 ? await rank(1, 0) : [];
      return first ? { items: [], total: Number(first.total) } : null;
    }
    const head = rows[0] as (typeof rows)[number];
    const corpus: SearchCorpus = {
      documentCount: head.n,
      averageLengths: [head.cjk, head.latin, head.concept],
      documentFrequency: new Map(Object.entries(head.df ?? {})),
    };
    const offers = (await this.repo.searchable(rows.map((r) => r.id))).map((r) => ({
      ...offerFromRow(r),
      companyName: text({ zh: r.name_zh, ja: r.name_ja, en: r.name_en }),
    }));
    const matched = explainSearchPage(offers, q, corpus);
    const empty: MatchedTermsView = { en: [], ja: [], 'zh-CN': [] };
    return { items: rows.map((r) => ({ id: r.id, matched: matched.get(r.id) ?? empty })), total: Number(head.total) };
  }

  /** Indexes every queued offer; returns how many queue entries were done. */
  async catchUp(): Promise<number> {
    let done = 0;
    for (;;) {
      const taken = await this.repo.exclusive(async (tx) => {
        const pending = await this.repo.takePending(tx, BATCH);
        if (!pending.length) return 0;
        const offerIds = [...new Set(pending.map((p) => p.offer_id))];
        const documents: IndexedDocument[] = (await this.repo.indexedFields(tx, offerIds)).map((r) => {
          const { terms, lengths } = offerSearchTerms({
            title: text({ zh: r.title_zh, ja: r.title_ja, en: r.title_en }),
            summary: text({ zh: r.summary_zh, ja: r.summary_ja, en: r.summary_en }),
            partnerSought: partnerSoughtText(r.partner_sought),
            companyName: text({ zh: r.name_zh, ja: r.name_ja, en: r.name_en }),
          });
          return {
            offerId: r.id,
            searchable: r.searchable,
            sector: r.sector,
            cooperationType: r.cooperation_type,
            lengths,
            terms: [...terms].map(([term, t]) => ({ term, tf: t.tf, layer: t.layer })),
          };
        });
        await this.repo.replace(
          tx,
          offerIds,
          documents,
          pending.map((p) => p.id),
        );
        return pending.length;
      });
      if (taken === 0) break;
      done += taken;
    }
    if (done > BATCH) this.logger.log(`indexed ${done} queued offer change(s)`);
    return done;
  }
}

/** One query in each language through the query and explanation paths, on a one-offer corpus. */
function warmUp(): void {
  const offer: MatchingOffer = {
    id: 'warm-up',
    organizationId: 'warm-up',
    sector: 'health',
    cooperationType: 'investment',
    title: { zh: '医疗器械和氢燃料电池', ja: '医療機器と水素', en: 'Medical devices and hydrogen' },
    summary: {},
    partnerSought: {},
    company: { sectors: ['health'], languages: ['zh'] },
  };
  const { terms, lengths } = offerSearchTerms(offer);
  const corpus: SearchCorpus = { documentCount: 1, averageLengths: lengths, documentFrequency: new Map([...terms.keys()].map((t) => [t, 1])) };
  for (const q of ['医疗器械', '医療機器 水素', 'hydrogen']) explainSearchPage([offer], q, corpus);
}
