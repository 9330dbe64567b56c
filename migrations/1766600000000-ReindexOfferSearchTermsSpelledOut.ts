import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queues every offer for the search index again: the concept table changed (an English word
 * the dictionaries spell out carries the words it stands for — CNC computer numerical control,
 * NC numerical control, telemedicine remote medicine; an abbreviation two glosses exchange for
 * words, CO2 carbon dioxide; CC-CEDICT's proper nouns the dictionaries also use as common
 * words are kept, 互联网 Internet, 物联网 IoT), and offer_search_terms holds each offer's
 * concepts as the table gave them when it was indexed. The API indexes the queue at boot and
 * before the next search. Nothing to undo.
 */
export class ReindexOfferSearchTermsSpelledOut1766600000000 implements MigrationInterface {
  name = 'ReindexOfferSearchTermsSpelledOut1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO offer_search_pending (offer_id) SELECT id FROM offers ORDER BY id`);
  }

  async down(): Promise<void> {
    // The queue is drained by the next search; the older table indexes the same offers.
  }
}
