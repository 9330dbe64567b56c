import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each scheduled meeting takes place, and the scheduler's runs. The hard rules
 * hold in the schema, whatever the code does and however many API instances write:
 * - a booking's slot and table belong to one session and its time is the slot's time
 *   (composite foreign keys);
 * - a table holds one meeting at a time (exclusion constraint);
 * - an organization sits at most `delegates` meetings at once: each booking takes one
 *   of the organization's numbered seats (a foreign key into organization_seats, which
 *   has exactly `delegates` rows), and a seat holds one meeting at a time (exclusion).
 * - one scheduler run at a time per edition (partial unique index).
 */
export class CreateBookings1764300000000 implements MigrationInterface {
  name = 'CreateBookings1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE slots ADD COLUMN during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at)) STORED`);
    await q.query(`ALTER TABLE slots ADD CONSTRAINT slots_identity UNIQUE (id, session_id, during)`);
    await q.query(`ALTER TABLE negotiation_tables ADD CONSTRAINT negotiation_tables_identity UNIQUE (id, session_id)`);
    await q.query(`ALTER TABLE meetings ADD CONSTRAINT meetings_identity UNIQUE (id, edition_id, jp_organization_id, cn_organization_id)`);

    // One row per delegate seat; kept equal to organizations.delegates by a trigger.
    await q.query(`
      CREATE TABLE organization_seats (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        seat smallint NOT NULL CHECK (seat >= 1),
        PRIMARY KEY (organization_id, seat)
      )`);
    await q.query(`
      CREATE FUNCTION sync_organization_seats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Removing a seat that holds a booking fails on the bookings' foreign key.
        DELETE FROM organization_seats WHERE organization_id = NEW.id AND seat > NEW.delegates;
        INSERT INTO organization_seats (organization_id, seat)
          SELECT NEW.id, s FROM generate_series(1, NEW.delegates) AS s
          ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER organizations_seats AFTER INSERT OR UPDATE OF delegates ON organizations
        FOR EACH ROW EXECUTE FUNCTION sync_organization_seats()`);
    await q.query(`
      INSERT INTO organization_seats (organization_id, seat)
        SELECT o.id, s FROM organizations o CROSS JOIN LATERAL generate_series(1, o.delegates) AS s`);

    await q.query(`
      CREATE TABLE schedule_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        options jsonb NOT NULL DEFAULT '{}',
        statistics jsonb,
        left_out jsonb,
        error text,
        attempts smallint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX schedule_runs_one_active ON schedule_runs (edition_id) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX schedule_runs_edition_idx ON schedule_runs (edition_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE bookings (
        meeting_id uuid PRIMARY KEY,
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        session_id uuid NOT NULL,
        slot_id uuid NOT NULL,
        table_id uuid NOT NULL,
        during tstzrange NOT NULL,
        jp_organization_id uuid NOT NULL,
        jp_seat smallint NOT NULL,
        cn_organization_id uuid NOT NULL,
        cn_seat smallint NOT NULL,
        run_id uuid REFERENCES schedule_runs (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The booked parties and edition are the meeting's own.
        CONSTRAINT bookings_meeting FOREIGN KEY (meeting_id, edition_id, jp_organization_id, cn_organization_id)
          REFERENCES meetings (id, edition_id, jp_organization_id, cn_organization_id) ON DELETE CASCADE,
        CONSTRAINT bookings_slot FOREIGN KEY (slot_id, session_id, during) REFERENCES slots (id, session_id, during) ON DELETE RESTRICT,
        CONSTRAINT bookings_table FOREIGN KEY (table_id, session_id) REFERENCES negotiation_tables (id, session_id) ON DELETE RESTRICT,
        CONSTRAINT bookings_jp_seat FOREIGN KEY (jp_organization_id, jp_seat) REFERENCES organization_seats (organization_id, seat),
        CONSTRAINT bookings_cn_seat FOREIGN KEY (cn_organization_id, cn_seat) REFERENCES organization_seats (organization_id, seat),
        CONSTRAINT bookings_table_once EXCLUDE USING gist (table_id WITH =, during WITH &&),
        CONSTRAINT bookings_jp_capacity EXCLUDE USING gist (jp_organization_id WITH =, jp_seat WITH =, during WITH &&),
        CONSTRAINT bookings_cn_capacity EXCLUDE USING gist (cn_organization_id WITH =, cn_seat WITH =, during WITH &&)
      )`);
    await q.query(`CREATE INDEX bookings_edition_idx ON bookings (edition_id, session_id)`);
    await q.query(`CREATE INDEX bookings_jp_idx ON bookings (jp_organization_id, during)`);
    await q.query(`CREATE INDEX bookings_cn_idx ON bookings (cn_organization_id, during)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bookings`);
    await q.query(`DROP TABLE schedule_runs`);
    await q.query(`DROP TRIGGER organizations_seats ON organizations`);
    await q.query(`DROP FUNCTION sync_organization_seats()`);
    await q.query(`DROP TABLE organization_seats`);
    await q.query(`ALTER TABLE meetings DROP CONSTRAINT meetings_identity`);
    await q.query(`ALTER TABLE negotiation_tables DROP CONSTRAINT negotiation_tables_identity`);
    await q.query(`ALTER TABLE slots DROP CONSTRAINT slots_identity`);
    await q.query(`ALTER TABLE slots DROP COLUMN during`);
  }
}
