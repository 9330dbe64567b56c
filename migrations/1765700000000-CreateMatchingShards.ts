import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Year-round scale (issue 16): matching as distributed jobs, incremental matching, and
 * the indexes the reads need at 100×.
 * - matching_shards: a run's firms split in shards, each a pg-boss job. Phase 1 counts
 *   each shard's offer demand (the spread part needs the demand over every firm); phase 2
 *   scores the shard's firms with the summed demand and writes their rows. A shard is
 *   done at most once (its row is locked while it writes), so a worker killed midway
 *   leaves no rows behind and another worker runs the shard again.
 * - matching_changes: offers, firm and company profiles that changed, filled by triggers
 *   so every path (API, bulk import, SQL) is seen. matching_runs.changes_through is the
 *   last change a run's rows reflect: a full run takes every change up to its start, the
 *   incremental job re-scores the firms later changes touch and moves it on. A firm's
 *   results are stale while a change after it concerns an offer, a company or that firm.
 * - matching_runs.demand: the run's total demand per offer, which incremental scoring
 *   reuses for the firms it re-scores.
 */
export class CreateMatchingShards1765700000000 implements MigrationInterface {
  name = 'CreateMatchingShards1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matching_runs ADD COLUMN demand jsonb CHECK (demand IS NULL OR jsonb_typeof(demand) = 'object')`);
    await q.query(`ALTER TABLE matching_runs ADD COLUMN shards integer CHECK (shards >= 0)`);
    await q.query(`ALTER TABLE matching_runs ADD COLUMN changes_through bigint NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE matching_shards (
        run_id uuid NOT NULL REFERENCES matching_runs (id) ON DELETE CASCADE,
        phase smallint NOT NULL CHECK (phase IN (1, 2)),
        shard integer NOT NULL CHECK (shard >= 0),
        firm_ids uuid[] NOT NULL CHECK (cardinality(firm_ids) >= 1),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done')),
        attempts smallint NOT NULL DEFAULT 0,
        -- Phase 1: the shard's demand per offer id.
        demand jsonb,
        -- Phase 2: recommendation rows written.
        rows integer CHECK (rows >= 0),
        worker text,
        finished_at timestamptz,
        PRIMARY KEY (run_id, phase, shard),
        CONSTRAINT matching_shards_done CHECK ((status = 'done') = (finished_at IS NOT NULL)),
        CONSTRAINT matching_shards_result CHECK (status <> 'done' OR (phase = 1 AND demand IS NOT NULL) OR (phase = 2 AND rows IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE matching_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('offer', 'firm', 'company')),
        entity_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX matching_changes_entity_idx ON matching_changes (entity_id)`);
    await q.query(`CREATE INDEX recommendations_offer_idx ON recommendations (offer_id, run_id)`);

    // What matching reads of an offer, and of a firm's or company's profile.
    await q.query(`
      CREATE FUNCTION record_matching_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'offers' THEN
          IF NEW.status = 'published' OR OLD.status = 'published' THEN
            INSERT INTO matching_changes (kind, entity_id) VALUES ('offer', NEW.id);
          END IF;
        ELSIF NEW.country = 'JP' THEN
          INSERT INTO matching_changes (kind, entity_id) VALUES ('firm', NEW.id);
        ELSE
          INSERT INTO matching_changes (kind, entity_id) VALUES ('company', NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER offers_matching_insert AFTER INSERT ON offers
        FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION record_matching_change()`);
    await q.query(`
      CREATE TRIGGER offers_matching_update AFTER UPDATE OF status, sector, cooperation_type, title_zh, title_ja, title_en, summary_zh, summary_ja,
        summary_en, partner_sought, investment_min_mcny, investment_max_mcny ON offers
        FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION record_matching_change()`);
    await q.query(`
      CREATE TRIGGER organizations_matching_update AFTER UPDATE OF sectors, cooperation_types, seeks_zh, seeks_ja, seeks_en, size_band, languages, verification
        ON organizations FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION record_matching_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organizations_matching_update ON organizations`);
    await q.query(`DROP TRIGGER offers_matching_update ON offers`);
    await q.query(`DROP TRIGGER offers_matching_insert ON offers`);
    await q.query(`DROP FUNCTION record_matching_change()`);
    await q.query(`DROP INDEX recommendations_offer_idx`);
    await q.query(`DROP TABLE matching_changes`);
    await q.query(`DROP TABLE matching_shards`);
    await q.query(`ALTER TABLE matching_runs DROP COLUMN changes_through`);
    await q.query(`ALTER TABLE matching_runs DROP COLUMN shards`);
    await q.query(`ALTER TABLE matching_runs DROP COLUMN demand`);
  }
}
