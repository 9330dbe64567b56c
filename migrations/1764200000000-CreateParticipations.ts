import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who attends what: per edition and organization, the time it is away (half-days not
 * attended) and whether its delegates join the industrial-park visit. No row means
 * present throughout. Negotiation sessions also get their interpreter pool.
 */
export class CreateParticipations1764200000000 implements MigrationInterface {
  name = 'CreateParticipations1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participations (
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        absent tstzmultirange NOT NULL DEFAULT '{}',
        joins_site_visit boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (edition_id, organization_id)
      )`);
    await q.query(`ALTER TABLE programme_sessions ADD COLUMN interpreters smallint CHECK (interpreters BETWEEN 0 AND 500)`);
    await q.query(`UPDATE programme_sessions SET interpreters = 4 WHERE kind = 'negotiation'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_sessions DROP COLUMN interpreters`);
    await q.query(`DROP TABLE participations`);
  }
}
