import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from './support/test-app';

/** Raw bytes that are not UTF-8: overlong encodings of '/' and of 'A', and a CESU-8 surrogate. */
const ILL_FORMED_BYTES = [Buffer.from([0xc0, 0xaf]), Buffer.from([0xe0, 0x80, 0xc1]), Buffer.from([0xed, 0xa0, 0x80])];

/** Sends a Buffer body as its bytes (superagent would otherwise JSON-encode it). */
const asIs = (body: unknown) => body as string;

/** A JSON body whose `field` holds raw `bytes` inside its string. */
function rawBody(fields: Record<string, unknown>, field: string, bytes: Buffer): Buffer {
  const [before, after] = JSON.stringify({ ...fields, [field]: '@@' }).split('@@');
  return Buffer.concat([Buffer.from(before, 'utf8'), bytes, Buffer.from(after, 'utf8')]);
}

const registration = {
  email: 'fresh@example.test',
  password: 'a-long-password',
  fullName: '李雷',
  role: 'cn',
  consent: { shareProfile: true },
  organization: { nameZh: '济南测试有限公司', sectors: ['health'], sizeBand: 'small', languages: ['zh'], cooperationTypes: ['trade'] },
};

describe('request bodies: errors answered by the API, with the web app served beside it', () => {
  let t: TestApp;
  const webRoot = mkdtempSync(join(tmpdir(), 'jinan-web-'));

  beforeAll(async () => {
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>web</title>');
    t = await createTestApp('request_bodies', { env: { WEB_ROOT: webRoot, LOGIN_ATTEMPTS_PER_MINUTE: '100000' } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the web app (the setting this suite is about)', async () => {
    const res = await t.http.get('/some/page');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>web</title>');
  });

  it('answers malformed JSON with 400 INVALID_BODY', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.test",');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_BODY', message: 'request body is not valid JSON' });
  });

  it('answers a 5 MB body with 413', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(5 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'INVALID_BODY', message: 'request body is too large' });
  });

  it('answers an oversized form body with 413 too', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('email=' + 'x'.repeat(300_000));
    expect(res.status).toBe(413);
  });

  it('still answers an unknown API route with a JSON 404', async () => {
    const res = await t.http.post('/api/nothing-here').send({});
    expect(res.status).toBe(404);
  });
});

describe('ill-formed Unicode is refused before validation, naming the field', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('ill_formed_unicode', { env: { LOGIN_ATTEMPTS_PER_MINUTE: '100000' } });
  });
  afterAll(() => t.close());

  const expectFieldError = (res: { status: number; body: { code?: string; details?: { field: string }[] } }, field: string) => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([expect.objectContaining({ field })]);
  };

  it.each(['\ud800@x.test', 'a\udfff@x.test', '\udbff'])('a lone surrogate in every IsEmail field (%j): 400, not a URIError 500', async (email) => {
    expectFieldError(await t.http.post('/api/auth/login').send({ email, password: 'x' }), 'email');
    expectFieldError(await t.http.post('/api/auth/register').send({ ...registration, email }), 'email');
    expectFieldError(await t.http.post('/api/auth/password-reset').send({ email }), 'email');
  });

  it('a lone surrogate in an IsUrl field, a nested field and a key', async () => {
    const cn1 = await t.as('cn1@demo.test');
    const [{ organization_id: org }] = await t.db.query(`SELECT organization_id FROM users WHERE email = 'cn1@demo.test'`);
    expectFieldError(await t.http.patch(`/api/organizations/${org}`).set(cn1).send({ website: 'https://x.test/\ud800' }), 'website');
    expectFieldError(
      await t.http.post('/api/auth/register').send({ ...registration, organization: { ...registration.organization, nameZh: '公司\udc00' } }),
      'organization.nameZh',
    );
    expectFieldError(
      await t.http
        .patch('/api/me')
        .set(cn1)
        .send({ ['x\ud800']: 1 }),
      'x\ud800',
    );
  });

  it('a percent-encoded surrogate in the query string is no 500', async () => {
    const res = await t.http
      .get('/api/organizations')
      .query('q=%ED%A0%80')
      .set(await t.as('cn1@demo.test'));
    expect(res.status).toBeLessThan(500);
  });

  it.each(ILL_FORMED_BYTES.map((b) => [b.toString('hex'), b]))('raw bytes that are not UTF-8 (%s): 400 naming the field', async (_hex, bytes) => {
    const login = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .serialize(asIs)
      .send(rawBody({ password: 'x' }, 'email', bytes as Buffer));
    expectFieldError(login, 'email');
    const fullName = await t.http
      .post('/api/auth/register')
      .set('Content-Type', 'application/json')
      .serialize(asIs)
      .send(rawBody(registration, 'fullName', bytes as Buffer));
    expectFieldError(fullName, 'fullName');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [registration.email]);
    expect(n).toBe(0);
  });

  it('well-formed text outside the BMP is accepted', async () => {
    const res = await t.http
      .patch('/api/me')
      .set(await t.as('cn1@demo.test'))
      .send({ fullName: '𠮷田 😀' });
    expect(res.status).toBe(200);
    expect(res.body.fullName).toBe('𠮷田 😀');
  });
});
