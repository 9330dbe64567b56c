import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureau's statistics read one edition's meetings and their answers. Transitions carried
 * no edition, so every statistic scanned the transitions of every edition (600,000 rows at
 * 100× for a round of 150,000 meetings). Now each transition carries its meeting's edition —
 * filled by the database from the meeting, whoever inserts and however — and the answers the statistics
 * count (approved, accepted, declined) have a covering index per edition; the meetings have
 * one with the columns the statistics group by, so both are read without the table; the
 * verified organizations have their dashboard order, so a page of those without a meeting
 * is read without sorting them all.
 */
export class StatsIndexes1766100000000 implements MigrationInterface {
  name = 'StatsIndexes1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting_transitions ADD COLUMN edition_id uuid`);
    await q.query(`UPDATE meeting_transitions t SET edition_id = m.edition_id FROM meetings m WHERE m.id = t.meeting_id`);
    // A meeting never changes edition, so the edition copied at insert stays right. Copied
    // before the row is written; a meeting inserted by the same statement (a WITH … INSERT)
    // is not visible there yet, so such rows get it just after the statement, when it is.
    // The foreign key on meeting_id guarantees the meeting exists by then: never left empty.
    await q.query(`
      CREATE FUNCTION meeting_transition_edition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.edition_id := (SELECT edition_id FROM meetings WHERE id = NEW.meeting_id);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER meeting_transitions_edition BEFORE INSERT OR UPDATE OF meeting_id, edition_id ON meeting_transitions
         FOR EACH ROW EXECUTE FUNCTION meeting_transition_edition()`,
    );
    await q.query(`
      CREATE FUNCTION meeting_transition_late_edition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE meeting_transitions SET edition_id = (SELECT edition_id FROM meetings WHERE id = NEW.meeting_id) WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER meeting_transitions_late_edition AFTER INSERT ON meeting_transitions
         FOR EACH ROW WHEN (NEW.edition_id IS NULL) EXECUTE FUNCTION meeting_transition_late_edition()`,
    );
    await q.query(
      `CREATE INDEX meeting_transitions_answers_idx ON meeting_transitions (edition_id, meeting_id) INCLUDE (from_status, to_status, at)
        WHERE to_status IN ('approved', 'accepted', 'declined')`,
    );
    await q.query(
      `CREATE INDEX meetings_stats_idx ON meetings (edition_id)
        INCLUDE (id, sector, origin, status, offer_id, created_at, jp_organization_id, cn_organization_id)`,
    );
    // Organizations without a meeting, in the dashboard's order: read a page, not all of them.
    await q.query(`CREATE INDEX organizations_verified_name_idx ON organizations ((coalesce(name_en, name_zh, name_ja)), id) WHERE verification = 'verified'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organizations_verified_name_idx`);
    await q.query(`DROP INDEX meetings_stats_idx`);
    await q.query(`DROP INDEX meeting_transitions_answers_idx`);
    await q.query(`DROP TRIGGER meeting_transitions_late_edition ON meeting_transitions`);
    await q.query(`DROP FUNCTION meeting_transition_late_edition()`);
    await q.query(`DROP TRIGGER meeting_transitions_edition ON meeting_transitions`);
    await q.query(`DROP FUNCTION meeting_transition_edition()`);
    await q.query(`ALTER TABLE meeting_transitions DROP COLUMN edition_id`);
  }
}
