import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `matching:<edition id>` whenever a matching run of the edition is queued, progresses,
 * finishes or an incremental pass moves its changes_through: the API instances' copy of each
 * edition's current run (recommendation reads) is dropped (see ChangeNotifications).
 */
export class MatchingRunNotifications1766000000001 implements MigrationInterface {
  name = 'MatchingRunNotifications1766000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_matching_run_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('jinan_changes', 'matching:' || OLD.edition_id);
        ELSE
          PERFORM pg_notify('jinan_changes', 'matching:' || NEW.edition_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER matching_runs_notify_change AFTER INSERT OR UPDATE OR DELETE ON matching_runs FOR EACH ROW EXECUTE FUNCTION notify_matching_run_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER matching_runs_notify_change ON matching_runs`);
    await q.query(`DROP FUNCTION notify_matching_run_change()`);
  }
}
