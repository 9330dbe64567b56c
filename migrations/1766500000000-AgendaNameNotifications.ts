import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agenda shows its counterpart's names and its offer's title, and the instances' copies of
 * agendas were emptied whole whenever any offer or organisation changed (`offers`): year-round,
 * with 300,000 offers being edited, every copy of every instance went on every edit. Now a
 * change of names or of a title notifies `agenda:<party>` for the parties whose agendas show
 * it, from the statement's transition tables (one notification per party, whatever the rows):
 * - organizations: the parties that meet an organisation whose name_zh/ja/en changed;
 * - offers: both parties of the meetings on an offer whose title_zh/ja/en changed.
 * Inserts show on no agenda yet; deletes reach agendas through meetings (cascade, or the offer
 * set to null), whose own triggers notify (AgendaChangeNotifications1766400000000).
 */
export class AgendaNameNotifications1766500000000 implements MigrationInterface {
  name = 'AgendaNameNotifications1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_agenda_counterpart_names() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('jinan_changes', 'agenda:' || party)
           FROM (WITH renamed AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                                  WHERE (n.name_zh, n.name_ja, n.name_en) IS DISTINCT FROM (o.name_zh, o.name_ja, o.name_en))
                 SELECT m.cn_organization_id AS party FROM renamed r JOIN meetings m ON m.jp_organization_id = r.id
                 UNION SELECT m.jp_organization_id FROM renamed r JOIN meetings m ON m.cn_organization_id = r.id) parties;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER organizations_notify_agenda AFTER UPDATE ON organizations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_agenda_counterpart_names()`,
    );
    await q.query(`
      CREATE FUNCTION notify_agenda_offer_titles() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('jinan_changes', 'agenda:' || party)
           FROM (WITH retitled AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                                   WHERE (n.title_zh, n.title_ja, n.title_en) IS DISTINCT FROM (o.title_zh, o.title_ja, o.title_en))
                 SELECT m.jp_organization_id AS party FROM retitled r JOIN meetings m ON m.offer_id = r.id
                 UNION SELECT m.cn_organization_id FROM retitled r JOIN meetings m ON m.offer_id = r.id) parties;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER offers_notify_agenda AFTER UPDATE ON offers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_agenda_offer_titles()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER offers_notify_agenda ON offers`);
    await q.query(`DROP TRIGGER organizations_notify_agenda ON organizations`);
    await q.query(`DROP FUNCTION notify_agenda_offer_titles()`);
    await q.query(`DROP FUNCTION notify_agenda_counterpart_names()`);
  }
}
