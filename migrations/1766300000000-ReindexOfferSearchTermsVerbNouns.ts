import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queues every offer for the search index again: the concept table changed (a Chinese word
 * CC-CEDICT glosses as a verb carries the verb's noun too — 储能 "to store energy" is also
 * storage, 处理 "to treat" treatment), and offer_search_terms holds each offer's concepts as
 * the table gave them when it was indexed. The API indexes the queue at boot and before the
 * next search. Nothing to undo.
 */
export class ReindexOfferSearchTermsVerbNouns1766300000000 implements MigrationInterface {
  name = 'ReindexOfferSearchTermsVerbNouns1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO offer_search_pending (offer_id) SELECT id FROM offers ORDER BY id`);
  }

  async down(): Promise<void> {
    // The queue is drained by the next search; the older table indexes the same offers.
  }
}
