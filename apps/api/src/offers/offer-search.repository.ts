import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OfferRow } from '../matching/matching-input';
import { CORPUS_STAMP_SQL, OFFER_COLUMNS, OFFERS_FROM } from '../matching/matching-input';

/** What the search index holds of one published offer: what matching reads, and the company's names. */
export interface SearchableOfferRow extends OfferRow {
  name_zh: string | null;
  name_ja: string | null;
  name_en: string | null;
}

/** The search index's SQL: the offers matching scores (same rule), and a stamp that changes whenever they do. */
@Injectable()
export class OfferSearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Changes whenever a searchable offer or its company is added, edited, published, withdrawn, verified or unverified. */
  async stamp(): Promise<string> {
    const [row] = (await this.db.query(CORPUS_STAMP_SQL)) as { stamp: string }[];
    return row?.stamp ?? '';
  }

  async searchable(): Promise<SearchableOfferRow[]> {
    return (await this.db.query(`SELECT ${OFFER_COLUMNS}, c.name_zh, c.name_ja, c.name_en FROM ${OFFERS_FROM}`)) as SearchableOfferRow[];
  }
}
