import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { prepareDatabase } from '../../apps/api/src/bootstrap/prepare-database';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/demo-seed';
import { freshDatabase } from './support/test-database';
import { createTestApp, TestApp } from './support/test-app';

const feedToken = (url: string) => new URL(url).pathname.split('/').pop()!.replace('.ics', '');

describe('configuration: proxies, public address, Swagger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('configuration', { env: { LOGIN_ATTEMPTS_PER_MINUTE: '3', PUBLIC_BASE_URL: 'https://match.jinan.example/' } });
  });
  afterAll(() => t.close());

  it('TRUST_PROXY is off by default: X-Forwarded-For does not give a local client a fresh rate-limit bucket', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email: 'nobody@demo.test', password: 'wrong-password' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it('builds the feed link from PUBLIC_BASE_URL, whatever Host and X-Forwarded-Proto say', async () => {
    const res = await t.http
      .post('/api/me/calendar-feed')
      .set(await t.as('jp1@demo.test'))
      .set('Host', 'evil.example')
      .set('X-Forwarded-Proto', 'javascript')
      .set('X-Forwarded-Host', 'evil.example');
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^https:\/\/match\.jinan\.example\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  });

  it('a password change revokes the calendar feed', async () => {
    const jp2 = await t.as('jp2@demo.test');
    const { body } = await t.http.post('/api/me/calendar-feed').set(jp2);
    const path = new URL(body.url).pathname;
    expect((await t.http.get(path)).status).toBe(200);
    const changed = await t.http.post('/api/me/password').set(jp2).send({ currentPassword: DEMO_PASSWORD, newPassword: 'another-long-password' });
    expect(changed.status).toBe(200);
    expect((await t.http.get(path)).status).toBe(404);
    expect((await t.http.get('/api/me/calendar-feed').set({ Authorization: `Bearer ${changed.body.accessToken}` })).body).toMatchObject({ active: false });
  });

  it('serves the API description outside production', async () => {
    expect((await t.http.get('/api/docs-json')).status).toBe(200);
  });

  it('does not serve Swagger with NODE_ENV=production', async () => {
    const prod = await createTestApp('configuration_prod', { seed: false, env: { NODE_ENV: 'production' } });
    try {
      expect((await prod.http.get('/api/docs-json')).status).toBe(404);
      expect((await prod.http.get('/api/docs')).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe('the request log never holds a secret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinan-log-'));
  const logFile = join(dir, 'api.log');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('feed token and bearer token absent from the captured log (url, params, query, referer)', async () => {
    const t = await createTestApp('log_redaction', { env: { LOG_LEVEL: 'info', LOG_FILE: logFile } });
    let token: string;
    let bearer: string;
    try {
      bearer = await t.token('jp1@demo.test');
      const { body } = await t.http.post('/api/me/calendar-feed').set({ Authorization: `Bearer ${bearer}` });
      token = feedToken(body.url);
      expect((await t.http.get(`/api/calendar/${token}.ics`)).status).toBe(200);
      expect((await t.http.get(`/api/calendar/${token}.ics?x=1`).set('Referer', `https://match.example/auth/reset?token=${token}`)).status).toBe(200);
      await t.http.get(`/api/health?token=${token}`);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await t.close();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(logFile)).toBe(true);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('[redacted]');
    expect(log).toContain('/api/calendar/');
    expect(log).not.toContain(token);
    expect(log).not.toContain(bearer.split('.')[2]);
  });
});

describe('demo data is seeded only on the embedded database or with DEMO=1', () => {
  const users = async (url: string) => {
    const ds = await createDataSource(url, 1).initialize();
    try {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM users WHERE email = 'bureau@demo.test'`);
      return n as number;
    } finally {
      await ds.destroy();
    }
  };

  it('not on a configured database merely because NODE_ENV is unset', async () => {
    const url = await freshDatabase('demo_rule_unset');
    await prepareDatabase(loadEnvironment({ DATABASE_URL: url }), url, false);
    expect(await users(url)).toBe(0);
  });

  it('with DEMO=1, and on the embedded database', async () => {
    const url = await freshDatabase('demo_rule_demo');
    await prepareDatabase(loadEnvironment({ DATABASE_URL: url, DEMO: '1' }), url, false);
    expect(await users(url)).toBe(1);
    const embedded = await freshDatabase('demo_rule_embedded');
    await prepareDatabase(loadEnvironment({}), embedded, true);
    expect(await users(embedded)).toBe(1);
  });
});

describe('size limits are checked before the database is asked', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('size_limits');
  });
  afterAll(() => t.close());

  it('a session reshaped over two years of 5-minute slots (beyond 65,535 bind parameters) is a 400 naming endsAt, not a 503', async () => {
    const bureau = await t.as('bureau@demo.test');
    const [edition] = (await t.http.get('/api/events').set(bureau)).body;
    const event = (await t.http.get(`/api/events/${edition.id}`).set(bureau)).body;
    const session = event.sessions.find((s: { kind: string }) => s.kind === 'negotiation');
    const res = await t.http
      .patch(`/api/events/${edition.id}/sessions/${session.id}`)
      .set(bureau)
      .send({ slotMinutes: 5, startsAt: '2027-01-01T00:00:00+08:00', endsAt: '2029-01-01T00:00:00+08:00' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'endsAt', messages: [expect.stringContaining('at most 1000')] }]);
    const after = (await t.http.get(`/api/events/${edition.id}`).set(bureau)).body.sessions.find((s: { id: string }) => s.id === session.id);
    expect(after.slots).toHaveLength(session.slots.length);
  });
});
