import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'requested', 'approved', 'proposed', 'accepted', 'rejected', 'declined', 'expired', 'cancelled',
                  'scheduled', 'confirmed', 'held', 'no_show'`;

/**
 * Meetings (docs/product.md §3) with their transition history, the notification outbox and
 * the idempotency keys of meeting creation. The rules that matter hold in the schema:
 * one meeting per pair of organizations per edition, known statuses only, priority 1–3,
 * a proposal's per-side acceptance and a slot's per-side confirmation only where they
 * make sense.
 */
export class CreateMeetings1764250000000 implements MigrationInterface {
  name = 'CreateMeetings1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        jp_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        cn_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        offer_id uuid REFERENCES offers (id) ON DELETE SET NULL,
        origin text NOT NULL CHECK (origin IN ('request', 'proposal')),
        sector text NOT NULL CHECK (sector IN ('health', 'environment', 'digital')),
        message text,
        priority smallint NOT NULL DEFAULT 2 CONSTRAINT meetings_priority CHECK (priority BETWEEN 1 AND 3),
        status text NOT NULL CONSTRAINT meetings_status CHECK (status IN (${STATUSES})),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        answer_deadline timestamptz,
        jp_accepted_at timestamptz,
        cn_accepted_at timestamptz,
        slot_published_at timestamptz,
        jp_confirmed_at timestamptz,
        cn_confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meetings_one_per_pair UNIQUE (edition_id, jp_organization_id, cn_organization_id),
        CONSTRAINT meetings_two_organizations CHECK (jp_organization_id <> cn_organization_id),
        -- A request starts as requested, a proposal as proposed; never the other's states.
        CONSTRAINT meetings_origin_states CHECK (
          (origin = 'request' OR status NOT IN ('requested', 'approved', 'rejected'))
          AND (origin = 'proposal' OR status <> 'proposed')),
        -- Only a pending meeting waits for an answer by a deadline.
        CONSTRAINT meetings_deadline_when_pending CHECK (
          (status IN ('requested', 'approved', 'proposed')) = (answer_deadline IS NOT NULL)),
        -- Slot confirmations exist only for a published slot.
        CONSTRAINT meetings_confirmation_needs_slot CHECK (
          (jp_confirmed_at IS NULL AND cn_confirmed_at IS NULL) OR slot_published_at IS NOT NULL),
        CONSTRAINT meetings_slot_published_when_scheduled CHECK (
          slot_published_at IS NULL OR status IN ('scheduled', 'confirmed', 'held', 'no_show')),
        CONSTRAINT meetings_confirmed_by_both CHECK (
          status <> 'confirmed' OR (jp_confirmed_at IS NOT NULL AND cn_confirmed_at IS NOT NULL))
      )`);
    // Lists: a party's meetings per edition, the bureau's queue by status and sector,
    // the expiry sweep and the "about to expire" view by deadline.
    await q.query(`CREATE INDEX meetings_jp_idx ON meetings (jp_organization_id, edition_id, status)`);
    await q.query(`CREATE INDEX meetings_cn_idx ON meetings (cn_organization_id, edition_id, status)`);
    await q.query(`CREATE INDEX meetings_edition_status_idx ON meetings (edition_id, status, sector, created_at)`);
    await q.query(`CREATE INDEX meetings_deadline_idx ON meetings (answer_deadline) WHERE answer_deadline IS NOT NULL`);
    await q.query(`CREATE INDEX meetings_offer_idx ON meetings (offer_id) WHERE offer_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE meeting_transitions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        actor_role text NOT NULL CHECK (actor_role IN ('jp', 'cn', 'bureau', 'system')),
        action text NOT NULL,
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_transitions_meeting_idx ON meeting_transitions (meeting_id, id)`);

    // The outbox: written in the transaction of the transition, mailed afterwards.
    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('meeting.transition')),
        meeting_id uuid REFERENCES meetings (id) ON DELETE CASCADE,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        email_status text NOT NULL DEFAULT 'pending' CHECK (email_status IN ('pending', 'sent', 'failed', 'skipped')),
        email_attempts smallint NOT NULL DEFAULT 0,
        emailed_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC)`);
    await q.query(`CREATE INDEX notifications_email_pending_idx ON notifications (id) WHERE email_status = 'pending'`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        response_status smallint,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'notifications', 'meeting_transitions', 'meetings']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
