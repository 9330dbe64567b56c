import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching runs and the recommendations they store (docs/product.md §4). Invariants:
 * - one run at a time per edition (partial unique index, like schedule_runs);
 * - a recommendation belongs to a run of its own edition (composite foreign key);
 * - per run and firm, one row per rank and kind, an offer or a company at most once.
 * Only the edition's latest succeeded run has rows: a run replaces its predecessor's rows
 * in the transaction that marks it succeeded.
 * The updated_at indexes on organizations and offers serve the stale check on read.
 */
export class CreateMatching1764400000000 implements MigrationInterface {
  name = 'CreateMatching1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matching_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        algorithm_version text,
        weights_version text,
        -- The latest updated_at among the profiles and offers the run read.
        input_at timestamptz,
        firms integer CHECK (firms >= 0),
        offers integer CHECK (offers >= 0),
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        error text,
        attempts smallint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT matching_runs_identity UNIQUE (id, edition_id),
        CONSTRAINT matching_runs_succeeded CHECK (
          status <> 'succeeded' OR (algorithm_version IS NOT NULL AND weights_version IS NOT NULL AND finished_at IS NOT NULL AND progress = 100))
      )`);
    await q.query(`CREATE UNIQUE INDEX matching_runs_one_active ON matching_runs (edition_id) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX matching_runs_edition_idx ON matching_runs (edition_id, finished_at DESC) WHERE status = 'succeeded'`);

    await q.query(`
      CREATE TABLE recommendations (
        run_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        jp_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('offer', 'company')),
        rank smallint NOT NULL CHECK (rank >= 1),
        cn_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        -- The offer (kind offer) or the company's best offer (kind company).
        offer_id uuid NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
        -- kind company: the company's offers, best first.
        offer_ids uuid[],
        score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        parts jsonb NOT NULL CHECK (jsonb_typeof(parts) = 'array'),
        PRIMARY KEY (run_id, jp_organization_id, kind, rank),
        CONSTRAINT recommendations_run FOREIGN KEY (run_id, edition_id) REFERENCES matching_runs (id, edition_id) ON DELETE CASCADE,
        CONSTRAINT recommendations_offer_ids CHECK ((kind = 'company') = (offer_ids IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX recommendations_offer_once ON recommendations (run_id, jp_organization_id, offer_id) WHERE kind = 'offer'`);
    await q.query(
      `CREATE UNIQUE INDEX recommendations_company_once ON recommendations (run_id, jp_organization_id, cn_organization_id) WHERE kind = 'company'`,
    );

    await q.query(`CREATE INDEX offers_updated_idx ON offers (updated_at)`);
    await q.query(`CREATE INDEX organizations_updated_idx ON organizations (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organizations_updated_idx`);
    await q.query(`DROP INDEX offers_updated_idx`);
    await q.query(`DROP TABLE recommendations`);
    await q.query(`DROP TABLE matching_runs`);
  }
}
