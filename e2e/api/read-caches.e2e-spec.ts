import { Client } from 'pg';
import { ChangeFeed } from '../../apps/api/src/common/change-feed/change-feed';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/demo-seed';
import { createTestApp, TestApp } from './support/test-app';

/** Until `check` holds (the feed's notification travels from the commit to this process). */
async function eventually(check: () => Promise<boolean>, ms = 2000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The per-instance read caches (a token's user, an edition, rendered search pages) are only
 * kept while PostgreSQL's change notifications are live, and any committed change — through
 * the API or straight in SQL, as another instance or an import would — drops them.
 */
describe('read caches follow committed changes', () => {
  let t: TestApp;
  let sql: Client;
  let editionId: string;
  beforeAll(async () => {
    t = await createTestApp('read-caches');
    // Another writer: its own connection, outside the app's pool.
    sql = new Client({ connectionString: (t.db.options as { url: string }).url });
    await sql.connect();
    const editions = await t.http.get('/api/events').set(await t.as('bureau@demo.test'));
    editionId = editions.body[0].id;
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  it('a token stops working once its user changes in SQL, though its answer was cached', async () => {
    const auth = await t.as('jp2@demo.test');
    // Cached by now: the same token twice.
    expect((await t.http.get('/api/events').set(auth)).status).toBe(200);
    expect((await t.http.get('/api/events').set(auth)).status).toBe(200);
    expect(t.app.get(ChangeFeed).isLive()).toBe(true);
    await sql.query(`UPDATE users SET token_version = token_version + 1 WHERE email = 'jp2@demo.test'`);
    expect(await eventually(async () => (await t.http.get('/api/events').set(auth)).status === 401)).toBe(true);
  });

  it('a logged-out token is refused at once on the instance that logged it out', async () => {
    const login = await t.http.post('/api/auth/login').send({ email: 'cn2@demo.test', password: DEMO_PASSWORD });
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await t.http.get('/api/events').set(auth)).status).toBe(200);
    expect((await t.http.post('/api/auth/logout').set(auth)).status).toBeLessThan(300);
    expect((await t.http.get('/api/events').set(auth)).status).toBe(401);
  });

  it("an agenda shows the edition's new zone once the edition changes in SQL", async () => {
    const bureau = await t.as('bureau@demo.test');
    const agenda = () => t.http.get(`/api/events/${editionId}/agenda`).set(bureau).query({ organizationId: '00000000-0000-0000-0000-000000000000' });
    expect((await agenda()).body.editionZone).toBe('Asia/Shanghai');
    await sql.query(`UPDATE editions SET time_zone = 'Asia/Tokyo' WHERE id = $1`, [editionId]);
    try {
      expect(await eventually(async () => (await agenda()).body.editionZone === 'Asia/Tokyo')).toBe(true);
    } finally {
      await sql.query(`UPDATE editions SET time_zone = 'Asia/Shanghai' WHERE id = $1`, [editionId]);
    }
  });

  it('a search page shows an offer renamed in SQL, though the page was cached', async () => {
    const bureau = await t.as('bureau@demo.test');
    const search = () => t.http.get('/api/offers').set(bureau).query({ q: '医疗器械', pageSize: 5 });
    const first = await search();
    expect(first.status).toBe(200);
    const top = first.body.items[0];
    expect((await search()).body.items[0].titleEn).toBe(top.titleEn);
    await sql.query(`UPDATE offers SET investment_max_mcny = coalesce(investment_max_mcny, 0) + 1 WHERE id = $1`, [top.id]);
    const [{ v }] = (await sql.query(`SELECT investment_max_mcny::float AS v FROM offers WHERE id = $1`, [top.id])).rows;
    expect(await eventually(async () => Number((await search()).body.items.find((o: { id: string }) => o.id === top.id)?.investmentMaxMcny) === v)).toBe(true);
  });

  it("recommendations follow the edition's current run when it changes in SQL (an incremental pass, another instance's run)", async () => {
    const firm = await t.as('jp3@demo.test');
    const read = async () => (await t.http.get(`/api/events/${editionId}/recommendations`).set(firm)).body;
    // No run yet: that answer is cached too.
    expect((await read()).runId).toBeNull();
    expect((await read()).runId).toBeNull();
    // A run finished elsewhere (another instance's worker).
    const [{ id: runId }] = (
      await sql.query(
        `INSERT INTO matching_runs (edition_id, status, progress, algorithm_version, weights_version, started_at, finished_at)
         VALUES ($1, 'succeeded', 100, 'test', 'test', now(), now()) RETURNING id`,
        [editionId],
      )
    ).rows;
    expect(await eventually(async () => (await read()).runId === runId)).toBe(true);
    const before = await read();
    await sql.query(`UPDATE matching_runs SET finished_at = finished_at + interval '1 minute' WHERE id = $1`, [runId]);
    expect(await eventually(async () => (await read()).computedAt !== before.computedAt)).toBe(true);
  });

  it('without the feed nothing is cached: a change is seen by the very next read, and caching resumes once it is back', async () => {
    const feed = t.app.get(ChangeFeed);
    const auth = await t.as('jp1@demo.test');
    expect((await t.http.get('/api/events').set(auth)).status).toBe(200);
    await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jinan-change-feed' AND datname = current_database()`);
    expect(await eventually(async () => !feed.isLive())).toBe(true);
    expect(await eventually(async () => feed.isLive(), 5000)).toBe(true);
    // Back: the cache was emptied on the loss, and follows changes again.
    await sql.query(`UPDATE users SET token_version = token_version + 1 WHERE email = 'jp1@demo.test'`);
    expect(await eventually(async () => (await t.http.get('/api/events').set(auth)).status === 401)).toBe(true);
  });
});
