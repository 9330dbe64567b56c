import { AccountMailer } from '../../apps/api/src/auth/account-mailer';
import { MailService } from '../../apps/api/src/notifications/mail.service';
import { createTestApp, TestApp } from './support/test-app';

const registration = (overrides: Record<string, unknown> = {}) => ({
  email: 'new.delegate@example.jp',
  password: 'a-strong-passphrase',
  fullName: '山田 太郎',
  role: 'jp',
  consent: { shareProfile: true, shareContactWithAcceptedCounterparts: true },
  organization: {
    nameJa: '山田精密工業株式会社',
    nameEn: 'Yamada Precision',
    sectors: ['digital'],
    sizeBand: 'medium',
    languages: ['ja', 'en'],
    delegates: 2,
  },
  ...overrides,
});

describe('auth: login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('auth_login', { env: { LOGIN_ATTEMPTS_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('returns a token and the session user for a demo account', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'jp1@demo.test', password: 'demo1234' });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^ey/);
    expect(res.body.user).toMatchObject({ role: 'jp', locale: 'ja', timeZone: 'Asia/Tokyo' });
    expect(Object.keys(res.body.user).sort()).toEqual(['id', 'locale', 'organizationId', 'role', 'timeZone']);
  });

  it('refuses a wrong password with 401 and no hint which part was wrong', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'cn1@demo.test', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'email or password is wrong' });
  });

  it('answers 429 after repeated failed logins for one account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.http.post('/api/auth/login').send({ email: 'cn2@demo.test', password: `guess-${i}` });
      statuses.push(res.status);
    }
    // The limit is 5 a minute in this file: five 401s, then 429s.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const blocked = await t.http.post('/api/auth/login').send({ email: 'cn2@demo.test', password: 'demo1234' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.statusCode).toBe(429);
  });

  it('still lets another account log in from the same address', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'cn3@demo.test', password: 'demo1234' });
    expect(res.status).toBe(200);
  });
});

describe('auth: tokens and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('auth_tokens');
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    const res = await t.http.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, message: 'a bearer token is required' });
  });

  it('rejects a forged token', async () => {
    const res = await t.http.get('/api/me').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwidHYiOjB9.bad');
    expect(res.status).toBe(401);
  });

  it('answers 403 when a Japanese delegate calls a bureau action', async () => {
    const res = await t.http
      .post('/api/events')
      .set(await t.as('jp1@demo.test'))
      .send({ year: 2030 });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('this action is for: bureau');
  });

  it('returns the caller with GET /api/me', async () => {
    const res = await t.http.get('/api/me').set(await t.as('cn1@demo.test'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'cn1@demo.test', role: 'cn', locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
  });

  it('remembers the language and zone a user picks', async () => {
    const headers = await t.as('jp2@demo.test');
    const res = await t.http.patch('/api/me').set(headers).send({ locale: 'en', timeZone: 'Asia/Shanghai' });
    expect(res.status).toBe(200);
    expect((await t.http.get('/api/me').set(headers)).body).toMatchObject({ locale: 'en', timeZone: 'Asia/Shanghai' });
  });

  it('refuses a zone that is not IANA, naming the field', async () => {
    const res = await t.http
      .patch('/api/me')
      .set(await t.as('jp2@demo.test'))
      .send({ timeZone: 'JST+9' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'timeZone', messages: [expect.stringContaining('IANA')] }]);
  });

  it('revokes old tokens when the password changes', async () => {
    const old = await t.as('jp3@demo.test');
    const res = await t.http.post('/api/me/password').set(old).send({ currentPassword: 'demo1234', newPassword: 'a-new-passphrase' });
    expect(res.status).toBe(200);
    expect((await t.http.get('/api/me').set(old)).status).toBe(401);
    const fresh = { Authorization: `Bearer ${res.body.accessToken}` };
    expect((await t.http.get('/api/me').set(fresh)).status).toBe(200);
    const relogin = await t.http.post('/api/auth/login').send({ email: 'jp3@demo.test', password: 'a-new-passphrase' });
    expect(relogin.status).toBe(200);
  });
});

describe('auth: registration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('auth_register');
  });
  afterAll(() => t.close());

  it('creates a delegate and a pending organization, defaulting to Tokyo time and Japanese', async () => {
    // Registration answers 202 alike for new and taken e-mails (issue 14); the registrant logs in next.
    const res = await t.http.post('/api/auth/register').send(registration());
    expect(res.status).toBe(202);
    const login = await t.http.post('/api/auth/login').send({ email: 'new.delegate@example.jp', password: 'a-strong-passphrase' });
    expect(login.body.user).toMatchObject({ role: 'jp', locale: 'ja', timeZone: 'Asia/Tokyo' });
    const org = await t.http.get(`/api/organizations/${login.body.user.organizationId}`).set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(org.body).toMatchObject({ country: 'JP', verification: 'pending', delegates: 2, nameJa: '山田精密工業株式会社' });
    const [consent] = await t.db.query('SELECT consent FROM users WHERE email = $1', ['new.delegate@example.jp']);
    expect(consent.consent).toMatchObject({ shareProfile: true, shareContactWithAcceptedCounterparts: true });
  });

  it('does not reveal that an email (any case) is taken: the same answer, no second account, the owner told by mail', async () => {
    const fresh = await t.http.post('/api/auth/register').send(registration({ email: 'another.delegate@example.jp' }));
    const mail = jest.spyOn(t.app.get(MailService), 'send');
    const res = await t.http.post('/api/auth/register').send(registration({ email: 'NEW.Delegate@example.jp', password: 'an-attacker-password' }));
    expect(res.status).toBe(fresh.status);
    expect(res.body).toEqual(fresh.body);
    await Promise.all(t.app.get(AccountMailer).inFlight);
    expect(mail).toHaveBeenCalledWith(expect.objectContaining({ to: 'new.delegate@example.jp', subject: expect.stringContaining('登録') }));
    mail.mockRestore();
    const [{ count }] = await t.db.query(`SELECT count(*)::int FROM users WHERE email = 'new.delegate@example.jp'`);
    expect(count).toBe(1);
    expect((await t.http.post('/api/auth/login').send({ email: 'new.delegate@example.jp', password: 'an-attacker-password' })).status).toBe(401);
  });

  it('never creates a bureau account', async () => {
    const res = await t.http.post('/api/auth/register').send(registration({ email: 'x@example.jp', role: 'bureau' }));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'role', messages: ['role must be one of: jp, cn'] }]);
  });

  it('requires consent to share the profile', async () => {
    const res = await t.http.post('/api/auth/register').send(registration({ email: 'y@example.jp', consent: { shareProfile: false } }));
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('consent.shareProfile');
  });

  it('requires the native name: a Ji\u2019nan company without nameZh is refused naming nameZh', async () => {
    const res = await t.http.post('/api/auth/register').send(
      registration({
        email: 'z@example.cn',
        role: 'cn',
        organization: { nameEn: 'No Chinese Name', sectors: ['health'], sizeBand: 'small', languages: ['zh'] },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'nameZh', messages: ['nameZh is required'] }]);
    const [{ count }] = await t.db.query(`SELECT count(*)::int FROM users WHERE email = 'z@example.cn'`);
    expect(count).toBe(0);
  });

  it.each([
    ['a wrong type', { password: 12345678 }, 'password'],
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
    ['an over-long string', { fullName: 'x'.repeat(201) }, 'fullName'],
    ['a bad enum value', { organization: { ...registration().organization, sizeBand: 'huge' } }, 'organization.sizeBand'],
    ['a bad nested array value', { organization: { ...registration().organization, sectors: ['mining'] } }, 'organization.sectors'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
  ])('refuses %s with 400 naming the field', async (_label, patch, field) => {
    const res = await t.http.post('/api/auth/register').send(registration({ email: `v${field.length}@example.jp`, ...patch }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad request' });
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(res.body.message).toContain(field.split('.').pop());
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
  });
});
