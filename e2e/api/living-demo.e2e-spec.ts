import { createTestApp, TestApp } from './support/test-app';
import { DEMO_ENGINES } from '../../apps/api/src/bootstrap/demo-engines';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../../apps/api/src/database/seed/demo-seed';

/**
 * The demo npm start seeds (issue 13): an edition in full swing, so that every screen
 * shows something real — requests in every state, a finished matching run, a scheduler
 * run with published and confirmed slots, held meetings with feedback, key projects.
 */
describe('living demo', () => {
  // 09:00 in Ji'nan on the second day.
  const now = new Date('2026-12-01T01:00:00Z');
  let t: TestApp;
  let editionId: string;
  let summary: string | null;

  beforeAll(async () => {
    // The app's clock at the seed's moment: reminders and deadlines are read as of then.
    t = await createTestApp('living_demo', { seed: false, clock: { now: () => new Date(now) } });
    const started = Date.now();
    summary = await seedDemoIfEmpty(t.db, { size: 'full', now, engines: DEMO_ENGINES });
    console.log(`full demo seeded in ${Date.now() - started} ms: ${summary}`);
    editionId = (await t.db.query('SELECT id FROM editions'))[0].id;
  });
  afterAll(() => t.close());

  it('is one edition that began the day before (edition zone), with the demo accounts', async () => {
    const editions = await t.db.query(`SELECT year, start_date::text, end_date::text FROM editions`);
    expect(editions).toEqual([{ year: 2026, start_date: '2026-11-30', end_date: '2026-12-01' }]);
    const login = await t.http.post('/api/auth/login').send({ email: 'jp1@demo.test', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(await seedDemoIfEmpty(t.db, { size: 'full', now, engines: DEMO_ENGINES })).toBeNull();
  });

  it('has hundreds of meetings, in every state', async () => {
    const rows: { status: string; n: number }[] = await t.db.query(`SELECT status, count(*)::int AS n FROM meetings GROUP BY status ORDER BY status`);
    const total = rows.reduce((n, r) => n + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(300);
    expect(rows.map((r) => r.status).sort()).toEqual(
      expect.arrayContaining([
        'approved',
        'cancelled',
        'confirmed',
        'declined',
        'expired',
        'held',
        'no_show',
        'proposed',
        'rejected',
        'requested',
        'scheduled',
        'accepted',
      ]),
    );
    // Every meeting has a history that starts with its creation.
    const [{ bare }] = await t.db.query(
      `SELECT count(*)::int AS bare FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM meeting_transitions t WHERE t.meeting_id = m.id AND t.from_status IS NULL)`,
    );
    expect(bare).toBe(0);
  });

  it('has a finished matching run, a scheduler run with published slots, feedback and key projects', async () => {
    expect(await t.db.query(`SELECT status FROM matching_runs`)).toEqual([{ status: 'succeeded' }]);
    expect(await t.db.query(`SELECT status FROM schedule_runs`)).toEqual([{ status: 'succeeded' }]);
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM bookings) AS bookings,
              (SELECT count(*)::int FROM meetings WHERE slot_published_at IS NOT NULL) AS published,
              (SELECT count(*)::int FROM meeting_feedback) AS feedback,
              (SELECT count(*)::int FROM key_projects) AS key_projects,
              (SELECT count(*)::int FROM recommendations) AS recommendations`,
    );
    expect(counts.bookings).toBeGreaterThan(100);
    expect(counts.published).toBe(counts.bookings);
    expect(counts.feedback).toBeGreaterThan(20);
    expect(counts.key_projects).toBe(2);
    expect(counts.recommendations).toBeGreaterThan(100);
  });

  it('shows on the bureau\u2019s screens: dashboard, grid, queue, key projects, reminders preview', async () => {
    const bureau = await t.as('bureau@demo.test');
    const stats = await t.http.get(`/api/events/${editionId}/stats`).set(bureau);
    expect(stats.status).toBe(200);
    expect(stats.body.totals.placed).toBeGreaterThan(100);
    expect(stats.body.keyProjects.total).toBe(2);
    const grid = await t.http.get(`/api/events/${editionId}/schedule`).set(bureau);
    expect(grid.body.bookings.length).toBeGreaterThan(100);
    const queue = await t.http.get(`/api/events/${editionId}/meetings?status=requested`).set(bureau);
    expect(queue.body.total).toBeGreaterThan(10);
    const reminders = await t.http.post(`/api/events/${editionId}/reminders/run`).set(bureau).send({ dryRun: true });
    for (const kind of ['no_request', 'answer_due', 'unconfirmed_slot', 'feedback_due']) expect(reminders.body.recipients[kind].length).toBeGreaterThan(0);
    expect(reminders.body.recipients['no_request'].map((r: { email: string }) => r.email)).toContain('jp3@demo.test');
    const agenda = await t.http.get(`/api/events/${editionId}/agenda`).set(await t.as('jp1@demo.test'));
    expect(agenda.body.items.length).toBeGreaterThan(0);
  });
});
