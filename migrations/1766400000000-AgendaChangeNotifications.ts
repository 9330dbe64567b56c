import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Change notifications for the instances' copies of agendas (SchedulingService.agenda): what an
 * agenda shows comes from meetings, their bookings, sessions and tables (and the parties' names
 * and offers' titles, which notify `offers` already, ChangeNotifications1766000000000).
 * - `agenda:<organization id>`: a meeting or booking of that party was written (both parties of
 *   every row a statement touched, before and after it: a meeting moved to another party is
 *   dropped from both agendas). Statement-level, from the statement's transition tables: a bulk
 *   publish or a scheduler run costs one notification per party, and PostgreSQL folds the
 *   repeats of a transaction;
 * - `agenda`: a programme session or a table changed (sector, venue, table number): every copy.
 */
export class AgendaChangeNotifications1766400000000 implements MigrationInterface {
  name = 'AgendaChangeNotifications1766400000000';

  async up(q: QueryRunner): Promise<void> {
    // One function for both tables and every operation: INSERT has no old rows, DELETE no new ones.
    await q.query(`
      CREATE FUNCTION notify_agenda_parties() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM pg_notify('jinan_changes', 'agenda:' || party)
             FROM (SELECT jp_organization_id AS party FROM old_rows UNION SELECT cn_organization_id FROM old_rows) parties;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          PERFORM pg_notify('jinan_changes', 'agenda:' || party)
             FROM (SELECT jp_organization_id AS party FROM new_rows UNION SELECT cn_organization_id FROM new_rows) parties;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['meetings', 'bookings']) {
      await q.query(
        `CREATE TRIGGER ${table}_notify_agenda_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_agenda_parties()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_notify_agenda_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_agenda_parties()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_notify_agenda_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_agenda_parties()`,
      );
    }
    await q.query(`
      CREATE FUNCTION notify_agenda_venue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('jinan_changes', 'agenda');
        RETURN NULL;
      END $$`);
    for (const table of ['programme_sessions', 'negotiation_tables']) {
      await q.query(
        `CREATE TRIGGER ${table}_notify_agenda AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_agenda_venue()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['programme_sessions', 'negotiation_tables']) await q.query(`DROP TRIGGER ${table}_notify_agenda ON ${table}`);
    for (const table of ['meetings', 'bookings']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_notify_agenda_${op} ON ${table}`);
    }
    await q.query(`DROP FUNCTION notify_agenda_venue()`);
    await q.query(`DROP FUNCTION notify_agenda_parties()`);
  }
}
