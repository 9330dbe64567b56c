import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every API instance (the login limit must hold across a
 * cluster, not per process). UNLOGGED: counters need no crash safety, and skipping the
 * write-ahead log keeps a login attempt cheap.
 */
export class CreateThrottleCounters1764600000000 implements MigrationInterface {
  name = 'CreateThrottleCounters1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE throttle_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    await q.query(`CREATE INDEX throttle_counters_expiry_idx ON throttle_counters (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE throttle_counters`);
  }
}
