import { createTestApp, TestApp } from './support/test-app';

/** The background jobs really run on pg-boss in this database (no extra server). */
describe('background jobs (pg-boss)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('jobs', { env: { JOBS_ENABLED: 'true' } });
  });
  afterAll(() => t?.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.get('/api/notifications')).status).toBe(401);
  });

  it('schedules the expiry sweep and the mail run every minute, once for all instances', async () => {
    const schedules = await t.db.query('SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name');
    expect(schedules).toEqual(
      expect.arrayContaining([
        { name: 'meetings-expire', cron: '* * * * *', timezone: 'UTC' },
        { name: 'notifications-send', cron: '* * * * *', timezone: 'UTC' },
      ]),
    );
  });

  it('mails the notifications of a transition soon after it commits', async () => {
    const [{ id: editionId }] = await t.db.query('SELECT id FROM editions');
    const [{ organization_id: cn1 }] = await t.db.query(`SELECT organization_id FROM users WHERE email = 'cn1@demo.test'`);
    const res = await t.http
      .post(`/api/events/${editionId}/meetings`)
      .set(await t.as('jp1@demo.test'))
      .send({ counterpartId: cn1 });
    expect(res.status).toBe(201);
    // The worker polls every 5 s; wait for it rather than calling it.
    const deadline = Date.now() + 20_000;
    let statuses: string[] = [];
    while (Date.now() < deadline) {
      statuses = (await t.db.query('SELECT email_status FROM notifications WHERE meeting_id = $1', [res.body.id])).map(
        (r: { email_status: string }) => r.email_status,
      );
      if (statuses.length && statuses.every((s) => s === 'sent')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 'sent')).toBe(true);
  });
});
