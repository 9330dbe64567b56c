import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Change notifications for the API instances' read caches (apps/api/src/database/change-feed.ts):
 * every committed change that a cached read depends on sends `pg_notify('jinan_changes', kind)`,
 * whatever the path (API, SQL import, another instance), and every instance listening drops
 * what it cached. PostgreSQL delivers notifications at commit and folds identical ones within a
 * transaction, so a bulk change costs one notification per statement or per row's key.
 * - `user:<id>`: the account a bearer token is checked against (token version, role,
 *   organisation, zone, erasure) changed, or one of its tokens was logged out;
 * - `edition:<id>`: an edition's settings (its zone, its dates) changed;
 * - `offers`: any offer, any company, or the offer search index moved (rendered search pages).
 */
export class ChangeNotifications1766000000000 implements MigrationInterface {
  name = 'ChangeNotifications1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'revoked_tokens' THEN
          PERFORM pg_notify('jinan_changes', 'user:' || NEW.user_id);
        ELSE
          PERFORM pg_notify('jinan_changes', 'user:' || OLD.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_user_change()`);
    await q.query(`CREATE TRIGGER revoked_tokens_notify_change AFTER INSERT ON revoked_tokens FOR EACH ROW EXECUTE FUNCTION notify_user_change()`);

    await q.query(`
      CREATE FUNCTION notify_edition_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('jinan_changes', 'edition:' || OLD.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER editions_notify_change AFTER UPDATE OR DELETE ON editions FOR EACH ROW EXECUTE FUNCTION notify_edition_change()`);

    await q.query(`
      CREATE FUNCTION notify_offers_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('jinan_changes', 'offers');
        RETURN NULL;
      END $$`);
    for (const table of ['offers', 'organizations', 'offer_search_state']) {
      await q.query(
        `CREATE TRIGGER ${table}_notify_change AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_offers_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['offers', 'organizations', 'offer_search_state']) await q.query(`DROP TRIGGER ${table}_notify_change ON ${table}`);
    await q.query(`DROP TRIGGER editions_notify_change ON editions`);
    await q.query(`DROP TRIGGER revoked_tokens_notify_change ON revoked_tokens`);
    await q.query(`DROP TRIGGER users_notify_change ON users`);
    await q.query(`DROP FUNCTION notify_offers_change()`);
    await q.query(`DROP FUNCTION notify_edition_change()`);
    await q.query(`DROP FUNCTION notify_user_change()`);
  }
}
