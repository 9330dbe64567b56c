import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and trust (issue 14): tokens revoked by logout, single-use password-reset
 * tokens (only their SHA-256 is stored), and the audit trail's organisation-level rows
 * found by organisation.
 */
export class AccountTrust1765500000000 implements MigrationInterface {
  name = 'AccountTrust1765500000000';

  async up(q: QueryRunner): Promise<void> {
    // A logged-out token's id until the token would have expired anyway.
    await q.query(`
      CREATE TABLE revoked_tokens (
        jti uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX revoked_tokens_expiry_idx ON revoked_tokens (expires_at)`);
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT password_resets_expiry CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_actor_idx`);
    await q.query(`DROP TABLE password_resets`);
    await q.query(`DROP TABLE revoked_tokens`);
  }
}
