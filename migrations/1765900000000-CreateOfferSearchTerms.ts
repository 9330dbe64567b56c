import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offer search in PostgreSQL (issue 16): the matching engine's index terms of each offer
 * (surface words and dictionary concepts, with their boosted term frequency), so the API
 * ranks a query with BM25 in SQL instead of holding an index of every offer in its heap.
 * - offer_search_documents: one row per indexed offer, its length in each BM25 layer.
 * - offer_search_terms: (term, offer) postings; the primary key covers tf and layer, so a
 *   query's postings are an index-only scan.
 * - offer_search_pending: offers whose text, status, filters or company (names, verification)
 *   changed (filled by triggers, so SQL imports and seeds are seen too), re-indexed by the API
 *   before the next search. Every existing offer is queued here: the API indexes them at boot.
 * - offer_search_state.version: moves with every indexing batch, so an API instance can
 *   cache a query's ranked page until the index changes.
 */
export class CreateOfferSearchTerms1765900000000 implements MigrationInterface {
  name = 'CreateOfferSearchTerms1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offer_search_documents (
        offer_id uuid PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
        cjk_length real NOT NULL CHECK (cjk_length >= 0),
        latin_length real NOT NULL CHECK (latin_length >= 0),
        concept_length real NOT NULL CHECK (concept_length >= 0),
        -- As of indexing (a status, sector or company change re-queues the offer): published, of a
        -- verified Ji'nan company; and the filters. Ranking then reads no other table.
        searchable boolean NOT NULL,
        sector text NOT NULL,
        cooperation_type text NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE offer_search_terms (
        term text COLLATE "C" NOT NULL,
        -- No foreign key: checking one per posting halves the indexing rate. The indexer deletes an
        -- offer's postings with its document; ranking joins the documents, so none is read without one.
        offer_id uuid NOT NULL,
        tf real NOT NULL CHECK (tf > 0),
        layer smallint NOT NULL CHECK (layer IN (0, 1, 2)),
        PRIMARY KEY (term, offer_id) INCLUDE (tf, layer)
      )`);
    await q.query(`CREATE INDEX offer_search_terms_offer_idx ON offer_search_terms (offer_id)`);
    await q.query(`
      CREATE TABLE offer_search_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`INSERT INTO offer_search_state DEFAULT VALUES`);
    await q.query(`
      CREATE TABLE offer_search_pending (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        offer_id uuid NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION record_offer_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'STATEMENT' THEN
          INSERT INTO offer_search_pending (offer_id) SELECT id FROM inserted;
        ELSIF TG_TABLE_NAME = 'offers' THEN
          INSERT INTO offer_search_pending (offer_id) VALUES (NEW.id);
        ELSE
          INSERT INTO offer_search_pending (offer_id) SELECT id FROM offers WHERE organization_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER offers_search_insert AFTER INSERT ON offers
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION record_offer_search_change()`);
    await q.query(`
      CREATE TRIGGER offers_search_update AFTER UPDATE OF title_zh, title_ja, title_en, summary_zh, summary_ja, summary_en, partner_sought,
        status, sector, cooperation_type, organization_id ON offers
        FOR EACH ROW WHEN ((OLD.title_zh, OLD.title_ja, OLD.title_en, OLD.summary_zh, OLD.summary_ja, OLD.summary_en, OLD.partner_sought,
                            OLD.status, OLD.sector, OLD.cooperation_type, OLD.organization_id)
          IS DISTINCT FROM (NEW.title_zh, NEW.title_ja, NEW.title_en, NEW.summary_zh, NEW.summary_ja, NEW.summary_en, NEW.partner_sought,
                            NEW.status, NEW.sector, NEW.cooperation_type, NEW.organization_id))
        EXECUTE FUNCTION record_offer_search_change()`);
    await q.query(`
      CREATE TRIGGER organizations_search_update AFTER UPDATE OF name_zh, name_ja, name_en, verification, country ON organizations
        FOR EACH ROW WHEN ((OLD.name_zh, OLD.name_ja, OLD.name_en, OLD.verification, OLD.country)
          IS DISTINCT FROM (NEW.name_zh, NEW.name_ja, NEW.name_en, NEW.verification, NEW.country))
        EXECUTE FUNCTION record_offer_search_change()`);
    await q.query(`INSERT INTO offer_search_pending (offer_id) SELECT id FROM offers ORDER BY id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organizations_search_update ON organizations`);
    await q.query(`DROP TRIGGER offers_search_update ON offers`);
    await q.query(`DROP TRIGGER offers_search_insert ON offers`);
    await q.query(`DROP FUNCTION record_offer_search_change()`);
    await q.query(`DROP TABLE offer_search_pending`);
    await q.query(`DROP TABLE offer_search_state`);
    await q.query(`DROP TABLE offer_search_terms`);
    await q.query(`DROP TABLE offer_search_documents`);
  }
}
