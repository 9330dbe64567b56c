import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Running the event the way organisers do (issue 17):
 * - editions.scheduling_mode: 'organiser' (the bureau's optimiser places every meeting, as
 *   before) or 'participants' (the party who accepts picks a slot at once);
 *   editions.reminder_settings: which reminders run and after how many days;
 *   editions.requests_open_at: when requests opened (null: when the edition was created).
 * - meetings.self_booked_at: the parties chose this booking themselves; the optimiser pins it.
 * - slot_proposals: one party proposes another slot, the other accepts or declines;
 *   at most one open proposal per meeting.
 * - users.email_reminders: a user can stop reminder e-mails (in-app reminders stay).
 * - reminders_sent: who was reminded of what; the unique key makes "never twice" a fact of
 *   the schema, whatever the number of instances running the job.
 * - key_projects: meetings or signed outcomes the bureau shows at the signing ceremony.
 * - notifications may be reminders (the kind check is extended, not rewritten, so other
 *   kinds added meanwhile stay allowed).
 */
export class OrganiserModes1765800000000 implements MigrationInterface {
  name = 'OrganiserModes1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE editions
        ADD COLUMN scheduling_mode text NOT NULL DEFAULT 'organiser' CONSTRAINT editions_scheduling_mode CHECK (scheduling_mode IN ('organiser', 'participants')),
        ADD COLUMN reminder_settings jsonb NOT NULL DEFAULT '{}' CONSTRAINT editions_reminder_settings CHECK (jsonb_typeof(reminder_settings) = 'object'),
        ADD COLUMN requests_open_at timestamptz`);
    await q.query(`ALTER TABLE meetings ADD COLUMN self_booked_at timestamptz`);
    await q.query(`ALTER TABLE users ADD COLUMN email_reminders boolean NOT NULL DEFAULT true`);

    await q.query(`
      CREATE TABLE slot_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES slots (id) ON DELETE CASCADE,
        proposed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        side text NOT NULL CHECK (side IN ('jp', 'cn')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined', 'withdrawn')),
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        answered_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX slot_proposals_one_open ON slot_proposals (meeting_id) WHERE status = 'open'`);

    await q.query(`
      CREATE TABLE reminders_sent (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('no_request', 'answer_due', 'unconfirmed_slot', 'feedback_due', 'follow_up_due')),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- What the reminder is about: the meeting, or the edition for "no request yet".
        subject_id uuid NOT NULL,
        sent_at timestamptz NOT NULL,
        CONSTRAINT reminders_sent_once UNIQUE (kind, user_id, subject_id)
      )`);
    await q.query(`CREATE INDEX reminders_sent_edition_idx ON reminders_sent (edition_id, kind)`);

    await q.query(`
      CREATE TABLE key_projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        -- The signed outcome it comes from, when the bureau marked an outcome.
        feedback_id bigint REFERENCES meeting_feedback (id) ON DELETE SET NULL,
        title_zh text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 300),
        title_ja text NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 300),
        title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
        signing_parties jsonb NOT NULL CHECK (jsonb_typeof(signing_parties) = 'array' AND jsonb_array_length(signing_parties) >= 1),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT key_projects_one_per_meeting UNIQUE (meeting_id)
      )`);
    await q.query(`CREATE INDEX key_projects_edition_idx ON key_projects (edition_id, created_at)`);

    await this.rewriteKindCheck(q, (kinds) => [...kinds, 'reminder']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'reminder'`);
    await this.rewriteKindCheck(q, (kinds) => kinds.filter((k) => k !== 'reminder'));
    for (const table of ['key_projects', 'reminders_sent', 'slot_proposals']) await q.query(`DROP TABLE ${table}`);
    await q.query(`ALTER TABLE users DROP COLUMN email_reminders`);
    await q.query(`ALTER TABLE meetings DROP COLUMN self_booked_at`);
    await q.query(`ALTER TABLE editions DROP COLUMN scheduling_mode, DROP COLUMN reminder_settings, DROP COLUMN requests_open_at`);
  }

  /** Replaces the CHECK on notifications.kind by one allowing `edit` of the kinds it allows now. */
  private async rewriteKindCheck(q: QueryRunner, edit: (kinds: string[]) => string[]): Promise<void> {
    const [check]: { conname: string; def: string }[] = await q.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'notifications'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'`,
    );
    if (!check) return;
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT "${check.conname}"`);
    const kinds = edit([...new Set([...check.def.matchAll(/'([^']+)'::text/g)].map((m) => m[1]))]);
    // Kinds are identifiers of ours ([a-z._]), never user input.
    const list = kinds.map((k) => `'${k.replace(/[^a-z._]/g, '')}'`).join(', ');
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT "${check.conname}" CHECK (kind IN (${list}))`);
  }
}
