import { NotificationsService, PublishNotices } from '../../apps/api/src/notifications/notifications.service';
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

  it("writes a publish's notices from one job after the commit, once, and none when the publish rolls back", async () => {
    const notifications = t.app.get(NotificationsService);
    const meetings: { id: string }[] = await t.db.query('SELECT id FROM meetings ORDER BY id LIMIT 3');
    const ids = meetings.map((m) => m.id);
    const [{ id: actor }] = await t.db.query(`SELECT id FROM users WHERE email = 'bureau@demo.test'`);
    // Every delegate of both parties but the actor.
    const [{ expected }] = await t.db.query(
      `SELECT count(*)::int AS expected FROM meetings m JOIN users u ON u.organization_id IN (m.jp_organization_id, m.cn_organization_id)
        WHERE m.id = ANY($1::uuid[]) AND u.id <> $2 AND u.anonymised_at IS NULL`,
      [ids, actor],
    );
    expect(expected).toBeGreaterThan(0);
    const at = new Date('2031-05-29T01:00:00Z');
    const written = async (when: Date) =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM notifications WHERE meeting_id = ANY($1::uuid[]) AND payload->>'action' = 'publish' AND created_at = $2`,
          [ids, when],
        )
      )[0].n as number;

    // Rolled back: no job, so no notices.
    const rolledBack = new Date('2031-05-29T00:00:00Z');
    await expect(
      t.db.transaction(async (tx) => {
        await notifications.queuePublishNotices(tx, ids, actor, rolledBack);
        throw new Error('publish failed');
      }),
    ).rejects.toThrow('publish failed');

    await t.db.transaction((tx) => notifications.queuePublishNotices(tx, ids, actor, at));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await written(at)) < expected) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await written(at)).toBe(expected);
    // The job again (its worker died after the commit, before pg-boss heard): nothing twice.
    const [{ data }] = await t.db.query(`SELECT data FROM pgboss.job WHERE name = 'notifications-publish' AND data->>'at' = $1`, [at.toISOString()]);
    expect(await notifications.writePublishNotices(data as PublishNotices)).toBe(0);
    expect(await written(at)).toBe(expected);
    expect(await written(rolledBack)).toBe(0);
  });
});
