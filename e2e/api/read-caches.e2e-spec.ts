import { Client } from 'pg';
import { ChangeFeed } from '../../apps/api/src/common/change-feed/change-feed';
import { HotReads } from '../../apps/api/src/common/hot-reads/hot-reads';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/demo-seed';
import { AgendaCache, readEditionCopies } from '../../apps/api/src/scheduling/agenda-cache';
import { agendaRows } from '../../apps/api/src/scheduling/scheduling.queries';
import { book, demoParties, insertMeeting } from './reports-fixtures';
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

/** Until every notification committed so far has reached the app's feed (they arrive in commit order). */
async function delivered(t: TestApp, sql: Client): Promise<void> {
  const marker = `agenda:delivered-${Math.random()}`;
  const back = new Promise<void>((resolve) => t.app.get(ChangeFeed).subscribe((change) => change === marker && resolve()));
  await sql.query(`SELECT pg_notify('jinan_changes', $1)`, [marker]);
  await back;
}

/** Hands the feed's notifications to its handlers `ms` late, in order, until restored. */
function delayNotifications(feed: ChangeFeed, ms: number): () => void {
  const client = (feed as unknown as { client: Client }).client;
  const handlers = client.listeners('notification') as ((message: unknown) => void)[];
  client.removeAllListeners('notification');
  const late = (message: unknown) => setTimeout(() => handlers.forEach((h) => h(message)), ms);
  client.on('notification', late);
  return () => {
    client.off('notification', late);
    handlers.forEach((h) => client.on('notification', h));
  };
}

/** A change that notifies nobody (the session's triggers off): whatever a cache then answers is its copy. */
async function withoutTriggers(sql: Client, statement: string, params: unknown[]): Promise<void> {
  await sql.query('BEGIN');
  try {
    await sql.query(`SET LOCAL session_replication_role = replica`);
    await sql.query(statement, params);
    await sql.query('COMMIT');
  } catch (error) {
    await sql.query('ROLLBACK');
    throw error;
  }
}

/**
 * The per-instance read caches (a token's user, an edition, a party's agenda, rendered search pages) are only
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

  it("a starting instance answers a party's agenda from the coming edition's copy, filled before anyone read it", async () => {
    const p = await demoParties(t);
    const spec = { sector: 'digital', status: 'scheduled', createdAt: '2027-03-03T00:00:00Z', published: true } as const;
    const meeting = { id: await insertMeeting(t, editionId, { ...spec, jp: p.jp[2] as string, cn: p.cn[2] as string }) };
    await book(t, meeting.id, 'digital', 2, 5, 9);
    const auth = await t.as('cn3@demo.test');
    await delivered(t, sql);
    // What a start does (onApplicationBootstrap; the test app seeds after its start): the demo
    // edition is still to come, and now has a published meeting.
    expect(await t.app.get(AgendaCache).fillComingEditions()).toBeGreaterThan(0);
    // Written with the triggers off: the party's first read is the copy the start filled.
    await withoutTriggers(sql, `UPDATE meetings SET cn_confirmed_at = CASE WHEN cn_confirmed_at IS NULL THEN now() END WHERE id = $1`, [meeting.id]);
    const item = async () =>
      (await t.http.get(`/api/events/${editionId}/agenda`).set(auth)).body.items.find((i: { meetingId: string }) => i.meetingId === meeting.id);
    const [{ confirmed }] = await t.db.query(`SELECT cn_confirmed_at IS NOT NULL AS confirmed FROM meetings WHERE id = $1`, [meeting.id]);
    expect((await item()).confirmedByMe).toBe(!confirmed);
    await sql.query(`UPDATE meetings SET cn_confirmed_at = CASE WHEN cn_confirmed_at IS NULL THEN now() END WHERE id = $1`, [meeting.id]);
    expect(await eventually(async () => (await item()).confirmedByMe === !confirmed)).toBe(true);
    await sql.query(`DELETE FROM meetings WHERE id = $1`, [meeting.id]);
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

  it("a write answers only once its changes have reached the instance's caches, however late the feed brings them", async () => {
    const login = await t.http.post('/api/auth/login').send({ email: 'cn3@demo.test', password: DEMO_PASSWORD });
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await t.http.get('/api/events').set(auth)).status).toBe(200);
    // The feed's notifications reach the caches 300 ms late (a busy instance, a far server).
    const restore = delayNotifications(t.app.get(ChangeFeed), 300);
    try {
      expect((await t.http.post('/api/auth/logout').set(auth)).status).toBeLessThan(300);
      expect((await t.http.get('/api/events').set(auth)).status).toBe(401);
    } finally {
      restore();
    }
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

  it("a party's agenda is read once while nothing of it changes, and shows a meeting's, a table's, a name's and a title's change made in SQL", async () => {
    const bureau = await t.as('bureau@demo.test');
    const p = await demoParties(t);
    const [offer] = await t.db.query(`SELECT id FROM offers WHERE organization_id = $1 ORDER BY id LIMIT 1`, [p.cn[0]]);
    const meetingId = await insertMeeting(t, editionId, {
      jp: p.jp[0],
      cn: p.cn[0],
      sector: 'health',
      status: 'scheduled',
      createdAt: '2027-03-01T00:00:00Z',
      published: true,
      offerId: offer.id,
    });
    await book(t, meetingId, 'health', 0, 0, 1);
    const {
      rows: [booking],
    } = await sql.query(`SELECT edition_id, meeting_id, table_id, jp_organization_id, cn_organization_id FROM bookings WHERE meeting_id = $1`, [meetingId]);
    const agenda = async () => {
      const res = await t.http.get(`/api/events/${booking.edition_id}/agenda`).set(bureau).query({ organizationId: booking.jp_organization_id });
      expect(res.status).toBe(200);
      return res.body.items.find((i: { meetingId: string }) => i.meetingId === booking.meeting_id);
    };
    const before = await agenda();
    expect(before).toBeDefined();
    // Written with the session's triggers off (no notification): the copy is what answers.
    await withoutTriggers(sql, `UPDATE meetings SET jp_confirmed_at = CASE WHEN jp_confirmed_at IS NULL THEN now() END WHERE id = $1`, [booking.meeting_id]);
    expect((await agenda()).confirmedByMe).toBe(before.confirmedByMe);
    // Changes that show on no row of it leave the copy: the offer's amount, another organisation's name.
    const [stranger] = await t.db.query(
      `SELECT o.id FROM organizations o WHERE o.id <> $1 AND NOT EXISTS (SELECT 1 FROM meetings m WHERE $1 IN (m.jp_organization_id, m.cn_organization_id) AND o.id IN (m.jp_organization_id, m.cn_organization_id)) LIMIT 1`,
      [booking.jp_organization_id],
    );
    await sql.query(`UPDATE offers SET investment_max_mcny = coalesce(investment_max_mcny, 0) + 1 WHERE id = $1`, [offer.id]);
    await sql.query(`UPDATE organizations SET name_en = name_en || ' (renamed)' WHERE id = $1`, [stranger.id]);
    await sql.query(`UPDATE organizations SET name_en = left(name_en, -10) WHERE id = $1`, [stranger.id]);
    await delivered(t, sql);
    expect((await agenda()).confirmedByMe).toBe(before.confirmedByMe);
    try {
      // The meeting (the party's notification), then its table (every agenda), then the counterpart's name and the offer's title.
      await sql.query(`UPDATE meetings SET updated_at = now() WHERE id = $1`, [booking.meeting_id]);
      expect(await eventually(async () => (await agenda()).confirmedByMe === !before.confirmedByMe)).toBe(true);
      await sql.query(`UPDATE negotiation_tables SET number = number + 1000 WHERE id = $1`, [booking.table_id]);
      expect(await eventually(async () => (await agenda()).tableNumber === before.tableNumber + 1000)).toBe(true);
      await sql.query(`UPDATE organizations SET name_en = name_en || ' (renamed)' WHERE id = $1`, [booking.cn_organization_id]);
      expect(await eventually(async () => (await agenda()).counterpart.name.en === `${before.counterpart.name.en} (renamed)`)).toBe(true);
      await sql.query(`UPDATE offers SET title_en = title_en || ' (renamed)' WHERE id = $1`, [offer.id]);
      expect(await eventually(async () => (await agenda()).offer.titleEn === `${before.offer.titleEn} (renamed)`)).toBe(true);
    } finally {
      await sql.query(`UPDATE offers SET title_en = left(title_en, -10) WHERE id = $1`, [offer.id]);
      await sql.query(`UPDATE meetings SET jp_confirmed_at = CASE WHEN jp_confirmed_at IS NULL THEN now() END WHERE id = $1`, [booking.meeting_id]);
      await sql.query(`UPDATE negotiation_tables SET number = number - 1000 WHERE id = $1`, [booking.table_id]);
      await sql.query(`UPDATE organizations SET name_en = left(name_en, -10) WHERE id = $1`, [booking.cn_organization_id]);
    }
  });

  it("every party's published agenda is filled from one read, as each party's own read gives it, and answers for a party never read", async () => {
    const p = await demoParties(t);
    const [offer] = await t.db.query(`SELECT id FROM offers WHERE organization_id = $1 LIMIT 1`, [p.cn[1]]);
    const spec = { sector: 'health', status: 'scheduled', createdAt: '2027-03-02T00:00:00Z' } as const;
    const published = await insertMeeting(t, editionId, { ...spec, jp: p.jp[1] as string, cn: p.cn[1] as string, offerId: offer?.id, published: true });
    await book(t, published, 'health', 1, 2, 3);
    const unpublished = await insertMeeting(t, editionId, { ...spec, jp: p.jp[1] as string, cn: p.cn[2] as string, published: false });
    await book(t, unpublished, 'health', 1, 3, 3);
    const hot = t.app.get(HotReads);

    // Read at once, and a booking at a time (the batches' seams).
    const [filled, byOne] = [await readEditionCopies(hot, editionId), await readEditionCopies(hot, editionId, 1)].map(
      (copies) => new Map([...copies].map(([party, copy]) => [party, copy.rows])),
    );
    const parties: { id: string }[] = await t.db.query(
      `SELECT DISTINCT unnest(ARRAY[jp_organization_id, cn_organization_id]) AS id FROM bookings WHERE edition_id = $1`,
      [editionId],
    );
    expect(parties.length).toBeGreaterThanOrEqual(3);
    for (const { id } of parties) {
      const own = await agendaRows(hot, editionId, id, false);
      expect(filled?.get(id) ?? []).toEqual(own);
      expect(byOne?.get(id) ?? []).toEqual(own);
    }
    expect(filled?.get(p.cn[1] as string)?.some((row) => row['id'] === published)).toBe(true);
    expect(filled?.get(p.cn[2] as string)?.some((row) => row['id'] === unpublished) ?? false).toBe(false);

    // Logged in first: a write (a login is one) empties the instance's copies (readYourWrites).
    const [jp1, cn2] = [await t.as('jp1@demo.test'), await t.as('cn2@demo.test')];
    // The inserts' notifications delivered (in commit order: a later one's arrival says so), every copy
    // emptied (as a table's change does, applied at once); then one party's read fills the edition's copies.
    await delivered(t, sql);
    t.app.get(ChangeFeed).changedHere('agenda');
    const cache = t.app.get(AgendaCache);
    const ofCn2 = async () => {
      const res = await t.http.get(`/api/events/${editionId}/agenda`).set(cn2);
      expect(res.status).toBe(200);
      return res.body.items.find((i: { meetingId: string }) => i.meetingId === published);
    };
    // A fill of its own (not an earlier one), once the last one is 5 s old (FILL_INTERVAL_MS).
    const earlier = cache.lastFill();
    expect(
      await eventually(async () => {
        expect((await t.http.get(`/api/events/${editionId}/agenda`).set(jp1)).status).toBe(200);
        return cache.lastFill() !== earlier && (await cache.lastFill()) > 0;
      }, 8000),
    ).toBe(true);
    // cn2 never read its agenda: written with the triggers off, the filled copy is what answers.
    await withoutTriggers(sql, `UPDATE meetings SET cn_confirmed_at = now() WHERE id = $1`, [published]);
    expect((await ofCn2()).confirmedByMe).toBe(false);
    // Another user's write on this instance (a login) waits for its own notifications, and empties no other copy.
    expect((await t.http.post('/api/auth/login').send({ email: 'jp3@demo.test', password: DEMO_PASSWORD })).status).toBeLessThan(300);
    expect((await ofCn2()).confirmedByMe).toBe(false);
    await sql.query(`UPDATE meetings SET updated_at = now() WHERE id = $1`, [published]);
    expect(await eventually(async () => (await ofCn2()).confirmedByMe === true)).toBe(true);
    await sql.query(`DELETE FROM meetings WHERE id = ANY($1::uuid[])`, [[published, unpublished]]);
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
