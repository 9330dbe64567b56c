import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LOCK_SPACE } from '../jobs/advisory-lock';
import type { OfferRow } from '../matching/matching-input';
import { OFFER_COLUMNS, OFFERS_FROM } from '../matching/matching-input';
import {
  BUMP_VERSION_SQL,
  DELETE_DOCUMENTS_SQL,
  DELETE_PENDING_SQL,
  DELETE_TERMS_SQL,
  INDEXED_FIELDS_SQL,
  INSERT_DOCUMENTS_SQL,
  INSERT_TERMS_SQL,
  INDEX_STATE_SQL,
  RANKED_OFFERS_SQL,
  TAKE_PENDING_SQL,
} from './offer-search.queries';

/** A searchable offer as the page explanations read it: what matching reads, and the company's names. */
export interface SearchableOfferRow extends OfferRow {
  name_zh: string | null;
  name_ja: string | null;
  name_en: string | null;
}

/** The text fields an offer's index terms come from. */
export type IndexedFieldsRow = Pick<
  OfferRow,
  'id' | 'title_zh' | 'title_ja' | 'title_en' | 'summary_zh' | 'summary_ja' | 'summary_en' | 'partner_sought' | 'sector' | 'cooperation_type'
> &
  Pick<SearchableOfferRow, 'name_zh' | 'name_ja' | 'name_en'> & { searchable: boolean };

export interface RankedRow {
  id: string;
  score: number;
  total: string;
  n: number;
  cjk: number;
  latin: number;
  concept: number;
  df: Record<string, number>;
}

/** One offer's index entry: its terms (term, tf, layer) and its length per layer. */
export interface IndexedDocument {
  offerId: string;
  searchable: boolean;
  sector: string;
  cooperationType: string;
  lengths: [number, number, number];
  terms: { term: string; tf: number; layer: number }[];
}

export interface RankQuery {
  terms: string[];
  weights: number[];
  units: number[];
  concepts: boolean[];
  searchConceptWeight: number;
  sector: string | null;
  cooperationType: string | null;
  limit: number;
  offset: number;
  k1: number;
  b: number;
  minShareOfBest: number;
}

/** The offer search index's SQL (offer_search_* tables). */
@Injectable()
export class OfferSearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async rank(r: RankQuery): Promise<RankedRow[]> {
    return this.db.query(RANKED_OFFERS_SQL, [
      r.terms,
      r.weights,
      r.sector,
      r.cooperationType,
      r.limit,
      r.offset,
      r.k1,
      r.b,
      r.minShareOfBest,
      r.units,
      r.concepts,
      r.searchConceptWeight,
    ]);
  }

  /** The page's offers, if still searchable. */
  async searchable(ids: readonly string[]): Promise<SearchableOfferRow[]> {
    return this.db.query(`SELECT ${OFFER_COLUMNS}, c.name_zh, c.name_ja, c.name_en FROM ${OFFERS_FROM} AND o.id = ANY($1::uuid[])`, [ids]);
  }

  /** The index's version (it moves with every indexing batch) and whether offers wait to be indexed. */
  async state(): Promise<{ version: string; pending: boolean }> {
    const [row] = (await this.db.query(INDEX_STATE_SQL)) as { version: string; pending: boolean }[];
    return row ?? { version: '', pending: false };
  }

  /** Runs `work` in a transaction holding the indexer's lock: one indexer at a time across instances. */
  async exclusive<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('offer-search-index', $1))`, [LOCK_SPACE.offerSearchIndex]);
      return work(tx);
    });
  }

  async takePending(tx: EntityManager, limit: number): Promise<{ id: string; offer_id: string }[]> {
    return tx.query(TAKE_PENDING_SQL, [limit]);
  }

  async indexedFields(tx: EntityManager, ids: readonly string[]): Promise<IndexedFieldsRow[]> {
    return tx.query(INDEXED_FIELDS_SQL, [ids]);
  }

  /** Replaces the index entries of `offerIds` (deleted offers: none) with `documents`; the queue rows `pending` are done. */
  async replace(tx: EntityManager, offerIds: readonly string[], documents: readonly IndexedDocument[], pending: readonly string[]): Promise<void> {
    await tx.query(DELETE_TERMS_SQL, [offerIds]);
    await tx.query(DELETE_DOCUMENTS_SQL, [offerIds]);
    if (documents.length) {
      await tx.query(INSERT_DOCUMENTS_SQL, [
        documents.map((d) => d.offerId),
        documents.map((d) => d.lengths[0]),
        documents.map((d) => d.lengths[1]),
        documents.map((d) => d.lengths[2]),
        documents.map((d) => d.searchable),
        documents.map((d) => d.sector),
        documents.map((d) => d.cooperationType),
      ]);
      // In key order: the primary key's pages are then filled one after the other, not at random.
      const rows = documents.flatMap((d) => d.terms.map((t) => ({ offerId: d.offerId, ...t })));
      rows.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0));
      await tx.query(INSERT_TERMS_SQL, [rows.map((r) => r.term), rows.map((r) => r.offerId), rows.map((r) => r.tf), rows.map((r) => r.layer)]);
    }
    await tx.query(DELETE_PENDING_SQL, [pending]);
    await tx.query(BUMP_VERSION_SQL);
  }
}
