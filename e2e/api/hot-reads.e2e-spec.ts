import { HotReads } from '../../apps/api/src/common/hot-reads/hot-reads';
import { AGENDA_SQL } from '../../apps/api/src/scheduling/agenda.queries';
import { book, demoParties, insertMeeting } from './reports-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The agenda runs on the hot reads' pool as a prepared statement with one generic plan: planned
 * once per connection, never per party (PostgreSQL's own choice re-planned it on every read),
 * and answering exactly what the same SQL answers planned for the values at hand.
 */
describe('hot reads', () => {
  let t: TestApp;
  let hot: HotReads;
  let editionId: string;
  let parties: { jp: string[]; cn: string[] };
  beforeAll(async () => {
    t = await createTestApp('hot-reads');
    hot = new HotReads({ databaseUrl: (t.db.options as { url: string }).url, poolSize: 1 });
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    parties = await demoParties(t);
    for (const [k, cn] of parties.cn.slice(0, 3).entries()) {
      const id = await insertMeeting(t, editionId, {
        jp: parties.jp[0],
        cn,
        sector: 'health',
        status: 'scheduled',
        createdAt: '2027-03-01T00:00:00Z',
        published: k < 2,
      });
      await book(t, id, 'health', 0, k, k + 1);
    }
  });
  afterAll(async () => {
    await hot.onApplicationShutdown();
    await t.close();
  });

  it('plans the agenda once, generically, and answers as a plan made for the values does', async () => {
    for (const [party, withUnpublished, count] of [
      [parties.jp[0], false, 2],
      [parties.jp[0], true, 3],
      [parties.cn[1], false, 1],
      [parties.cn[2], false, 0],
    ] as const) {
      const rows = await hot.query('agenda', AGENDA_SQL, [editionId, party, withUnpublished]);
      expect(rows).toHaveLength(count);
      expect(rows).toEqual(await t.db.query(AGENDA_SQL, [editionId, party, withUnpublished]));
    }
    const [plans] = await hot.query<{ generic_plans: string; custom_plans: string }>(
      'plans',
      'SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1',
      ['agenda'],
    );
    expect(Number(plans.generic_plans)).toBe(4);
    expect(Number(plans.custom_plans)).toBe(0);
  });

  it('outlives its idle connection being killed, and reads again on a new one', async () => {
    await hot.query('agenda', AGENDA_SQL, [editionId, parties.jp[0], false]);
    await t.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jinan-hot-reads' AND datname = current_database()`);
    await new Promise((r) => setTimeout(r, 200));
    expect(await hot.query('agenda', AGENDA_SQL, [editionId, parties.jp[0], false])).toHaveLength(2);
  });
});
