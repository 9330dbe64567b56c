import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureau's last statistics of an edition and how long they took to compute: served for
 * editions too large to compute on every read (StatsService.forEdition, STATS_LIVE_LIMIT_MS).
 */
export class EditionStatsSnapshots1766100000001 implements MigrationInterface {
  name = 'EditionStatsSnapshots1766100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE edition_stats_snapshots (
        edition_id uuid PRIMARY KEY REFERENCES editions (id) ON DELETE CASCADE,
        view jsonb NOT NULL,
        computed_at timestamptz NOT NULL,
        compute_ms integer NOT NULL CHECK (compute_ms >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE edition_stats_snapshots`);
  }
}
