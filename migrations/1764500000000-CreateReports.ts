import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback after a meeting, calendar feeds and the calendar ledger (issue 7).
 * - meeting_feedback: one answer per meeting, party and stage; rating 1–4 and a known outcome.
 * - calendar_feeds: a per-user subscription token, stored as its SHA-256 only; at most one
 *   live feed per user.
 * - calendar_entries: what each organization's calendar was last sent for a meeting, so
 *   SEQUENCE rises on every change and a meeting that left the agenda is sent as
 *   CANCELLED (its booking is gone by then) under the same UID.
 */
export class CreateReports1764500000000 implements MigrationInterface {
  name = 'CreateReports1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        stage text NOT NULL CHECK (stage IN ('initial', 'follow_up')),
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 4),
        outcome text NOT NULL CHECK (outcome IN ('no_interest', 'follow_up_planned', 'agreement_expected', 'agreement_signed')),
        note text CHECK (length(note) <= 4000),
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_feedback_once UNIQUE (meeting_id, organization_id, stage)
      )`);
    await q.query(`CREATE INDEX meeting_feedback_organization_idx ON meeting_feedback (organization_id)`);

    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT calendar_feeds_token UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_one_live ON calendar_feeds (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE calendar_entries (
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('TENTATIVE', 'CONFIRMED', 'CANCELLED')),
        sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        fingerprint text NOT NULL,
        item jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, organization_id)
      )`);
    await q.query(`CREATE INDEX calendar_entries_organization_idx ON calendar_entries (organization_id, edition_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['calendar_entries', 'calendar_feeds', 'meeting_feedback']) await q.query(`DROP TABLE ${table}`);
  }
}
