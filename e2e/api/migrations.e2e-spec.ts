import { createDataSource } from '../../apps/api/src/database/data-source';
import { MIGRATIONS } from '@jinan/migrations';
import { databaseUrl, runPrefix, withAdmin } from './support/test-database';

/** Every migration goes up and comes back down cleanly on an empty database. */
describe('migrations on an empty database', () => {
  const adminUrl = process.env['JINAN_TEST_ADMIN_URL']!;
  const name = `${runPrefix()}migrations_${process.env['JEST_WORKER_ID'] ?? '0'}`;

  beforeAll(() =>
    withAdmin(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    }),
  );

  const tables = async (ds: ReturnType<typeof createDataSource>) =>
    (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`)).map(
      (r: { table_name: string }) => r.table_name,
    );

  it('applies all, reverts all, and applies all again', async () => {
    const ds = await createDataSource(databaseUrl(adminUrl, name), 2).initialize();
    try {
      const up = await ds.runMigrations({ transaction: 'each' });
      expect(up).toHaveLength(MIGRATIONS.length);
      expect(await tables(ds)).toEqual(expect.arrayContaining(['users', 'organizations', 'offers', 'editions', 'slots', 'negotiation_tables']));

      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(ds)).toEqual([]);

      const again = await ds.runMigrations({ transaction: 'each' });
      expect(again).toHaveLength(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });
});
