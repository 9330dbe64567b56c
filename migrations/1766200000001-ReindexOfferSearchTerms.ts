import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queues every offer for the search index again: the concept table changed (abbreviations a
 * dictionary gloss defines — AI, IoT, CNC — and closed compounds such as wastewater are concepts
 * now), and offer_search_terms holds each offer's concepts as the table gave them when it was
 * indexed. The API indexes the queue at boot and before the next search. Nothing to undo.
 */
export class ReindexOfferSearchTerms1766200000001 implements MigrationInterface {
  name = 'ReindexOfferSearchTerms1766200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO offer_search_pending (offer_id) SELECT id FROM offers ORDER BY id`);
  }

  async down(): Promise<void> {
    // The queue is drained by the next search; the older table indexes the same offers.
  }
}
