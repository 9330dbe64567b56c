import fc from 'fast-check';
import { JwtService } from '@nestjs/jwt';
import { isIllFormed } from '../../apps/api/src/common/http/well-formed-text';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Hostile input: every route of the OpenAPI document fuzzed with wrong types, huge and
 * strange strings, SQL metacharacters and nested JSON, in its body and its query. The
 * answer is never a 500: a 4xx with a message (or a success, when the input happens to
 * be valid).
 */

interface Operation {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  /** Property names of the request body's schema, used to aim values at real fields. */
  fields: string[];
}

const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '"\\\u0000',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil\u200B',
  '𠮷野家'.repeat(400),
  '%00%27',
  '../../etc/passwd',
  '${jndi:ldap://127.0.0.1/x}',
  '<script>alert(1)</script>',
  'x'.repeat(20_000),
  '1e309',
  '-0',
  'NaN',
  '2027-02-30T25:61:00+99:00',
  'Asia/Tokyo\u0000',
  '00000000-0000-0000-0000-000000000000',
];

/** Ill-formed UTF-16: text with a lone surrogate somewhere in it. */
const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 8 }))
  .map(([before, unit, after]) => before + String.fromCharCode(unit) + after)
  .filter(isIllFormed);
/** Raw bytes that are not UTF-8: overlong encodings, a CESU-8 surrogate, truncated and stray bytes. */
const illFormedUtf8 = fc.constantFrom(
  [0xc0, 0xaf],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf],
  [0xf0, 0x80, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xe6, 0x97],
  [0xff],
  [0x80],
);

const hostileString = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 50 }), fc.constantFrom(...HOSTILE_STRINGS), loneSurrogate);
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(2 ** 53, -1, 0, 1e308, true, false, null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }),
  ),
}));

describe('hostile input: no route answers 500', () => {
  let t: TestApp;
  let operations: Operation[];
  let ids: Record<string, string>;
  let bureau: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp('hostile_input', { env: { LOGIN_ATTEMPTS_PER_MINUTE: '100000' } });
    bureau = await t.as('bureau@demo.test');
    const [edition] = await t.db.query(`SELECT id FROM editions LIMIT 1`);
    const [session] = await t.db.query(`SELECT id FROM programme_sessions WHERE edition_id = $1 LIMIT 1`, [edition.id]);
    const [org] = await t.db.query(`SELECT organization_id AS id FROM users WHERE email = 'cn1@demo.test'`);
    const [meeting] = await t.db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, answer_deadline)
       SELECT $1, (SELECT organization_id FROM users WHERE email = 'jp1@demo.test'), $2, 'request', 'health', 'requested', now() + interval '3 days' RETURNING id`,
      [edition.id, org.id],
    );
    ids = { editionId: edition.id, sessionId: session.id, organizationId: org.id, meetingId: meeting.id, id: meeting.id };

    const doc = (await t.http.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'patch', 'put'].includes(method))
        .map(([method, op]) => {
          const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
          const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
          return { method: method as Operation['method'], path, fields: Object.keys(schema?.properties ?? {}) };
        }),
    );
  });
  afterAll(() => t.close());

  /** The route with its parameters filled with real ids where there are some. */
  const url = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) =>
      path.startsWith('/api/offers') && name === 'id' ? '00000000-0000-4000-8000-000000000001' : (ids[name] ?? '00000000-0000-4000-8000-000000000002'),
    );

  const expectClientError = (res: { status: number; type: string; body: { message?: unknown } }, what: string) => {
    if (res.status >= 500) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    // JSON errors carry a message (calendar feeds answer a bare 404 to a wrong token).
    if (res.status >= 400 && res.type === 'application/json' && !(typeof res.body.message === 'string' && res.body.message.length > 0)) {
      throw new Error(`${what} answered ${res.status} without a message: ${JSON.stringify(res.body)}`);
    }
  };

  it('knows the routes it fuzzes', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['post /api/meetings/{id}/respond', 'patch /api/meetings/{id}/booking', 'post /api/offers']),
    );
  });

  it('never answers 500 to a hostile body', async () => {
    // Logout would revoke the shared bureau token and leave every later route at 401.
    for (const op of operations.filter((o) => o.method !== 'get' && o.path !== '/api/auth/logout')) {
      const body = op.fields.length
        ? fc.oneof(hostileValue, fc.record(Object.fromEntries(op.fields.map((f) => [f, hostileValue])), { requiredKeys: [] }))
        : hostileValue;
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const res = await t.http[op.method](url(op.path)).set(bureau).set('Content-Type', 'application/json').send(JSON.stringify(payload));
          expectClientError(res, `${op.method.toUpperCase()} ${op.path} with ${JSON.stringify(payload).slice(0, 200)}`);
        }),
        { numRuns: 12, seed: 8 },
      );
    }
  }, 120_000);

  it('refuses ill-formed UTF-8 bytes in any field of any body with a 400 naming it', async () => {
    for (const op of operations.filter((o) => o.method !== 'get' && o.fields.length)) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...op.fields), illFormedUtf8, fc.string({ maxLength: 6 }), async (field, bytes, text) => {
          const [before, after] = JSON.stringify({ [field]: `${text}@@${text}` }).split('@@');
          const raw = Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(bytes), Buffer.from(after, 'utf8')]);
          const res = await t.http[op.method](url(op.path))
            .set(bureau)
            .set('Content-Type', 'application/json')
            .serialize((b) => b as string)
            .send(raw);
          expect({ op: `${op.method} ${op.path}`, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
            op: `${op.method} ${op.path}`,
            status: 400,
            fields: [field],
          });
        }),
        { numRuns: 4, seed: 10 },
      );
    }
  }, 120_000);

  it('never answers 500 to a hostile query', async () => {
    for (const op of operations.filter((o) => o.method === 'get')) {
      const query = fc.dictionary(
        fc.oneof(fc.constantFrom('page', 'pageSize', 'limit', 'zone', 'status', 'sector', 'q', 'organizationId', 'scope', 'lang', 'from', 'to'), hostileString),
        hostileString,
        { maxKeys: 4 },
      );
      await fc.assert(
        fc.asyncProperty(query, async (params) => {
          const res = await t.http.get(url(op.path)).query(params).set(bureau);
          expectClientError(res, `GET ${op.path}?${new URLSearchParams(params).toString().slice(0, 200)}`);
        }),
        { numRuns: 8, seed: 9 },
      );
    }
  }, 120_000);

  it('refuses deeply nested JSON with a 400', async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const cn1 = await t.as('cn1@demo.test');
    for (const path of ['/api/offers', `/api/meetings/${ids['meetingId']}/respond`]) {
      const res = await t.http.post(path).set(cn1).set('Content-Type', 'application/json').send(deep);
      expect(res.status).toBe(400);
      const nested = await t.http
        .post(path)
        .set(cn1)
        .send({ decision: 'accept', titleZh: JSON.parse('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)) });
      expect(nested.status).toBe(400);
      expect(nested.body.message.length).toBeGreaterThan(0);
    }
  });

  it('refuses a body over the size limit with 413 and a message', async () => {
    const res = await t.http
      .post('/api/offers')
      .set(await t.as('cn1@demo.test'))
      .send({ titleZh: 'x'.repeat(150_000) });
    expect(res.status).toBe(413);
    expect(res.body.message).toBe('request body is too large');
  });

  it('stores text with SQL metacharacters as text', async () => {
    const title = "'); DROP TABLE offers; --";
    const res = await t.http
      .post('/api/offers')
      .set(await t.as('cn1@demo.test'))
      .send({ sector: 'health', cooperationType: 'investment', titleZh: title, summaryZh: '摘要' });
    expect(res.status).toBe(201);
    expect(res.body.titleZh).toBe(title);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM offers`);
    expect(n).toBeGreaterThan(1);
  });
});

describe('OWASP API Security Top 10 (2023)', () => {
  let t: TestApp;
  let editionId: string;
  let jp1Meeting: string;

  beforeAll(async () => {
    t = await createTestApp('owasp');
    [{ id: editionId }] = await t.db.query(`SELECT id FROM editions LIMIT 1`);
    [{ id: jp1Meeting }] = await t.db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, answer_deadline)
       SELECT $1, (SELECT organization_id FROM users WHERE email = 'jp1@demo.test'), (SELECT organization_id FROM users WHERE email = 'cn1@demo.test'),
              'request', 'health', 'approved', now() + interval '3 days' RETURNING id`,
      [editionId],
    );
  });
  afterAll(() => t.close());

  it('API1 object level: a party cannot see or answer another party\u2019s meeting, nor write another company\u2019s participation', async () => {
    const jp2 = await t.as('jp2@demo.test');
    expect((await t.http.get(`/api/meetings/${jp1Meeting}`).set(jp2)).status).toBe(404);
    expect(
      (
        await t.http
          .post(`/api/meetings/${jp1Meeting}/respond`)
          .set(await t.as('cn2@demo.test'))
          .send({ decision: 'accept' })
      ).status,
    ).toBe(404);
    const [{ id: other }] = await t.db.query(`SELECT organization_id AS id FROM users WHERE email = 'jp1@demo.test'`);
    const read = await t.http.get(`/api/events/${editionId}/organizations/${other}/participation`).set(jp2);
    expect([403, 404]).toContain(read.status);
  });

  it('API2 authentication: no token, a forged one, an expired one and a revoked one are all 401', async () => {
    expect((await t.http.get('/api/me')).status).toBe(401);
    const [user] = await t.db.query(`SELECT id, token_version FROM users WHERE email = 'jp3@demo.test'`);
    const forged = new JwtService({ secret: 'another-secret-that-is-long-enough-0123456789' }).sign({ sub: user.id, tv: user.token_version });
    expect((await t.http.get('/api/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: user.id, tv: 0 })).toString('base64url')}.`;
    expect((await t.http.get('/api/me').set('Authorization', `Bearer ${unsigned}`)).status).toBe(401);
    const expired = new JwtService({ secret: process.env['JWT_SECRET'] }).sign({
      sub: user.id,
      tv: user.token_version,
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    expect((await t.http.get('/api/me').set('Authorization', `Bearer ${expired}`)).status).toBe(401);
    const old = await t.token('jp3@demo.test');
    expect(
      (await t.http.post('/api/me/password').set('Authorization', `Bearer ${old}`).send({ currentPassword: 'demo1234', newPassword: 'a-new-password-123' }))
        .status,
    ).toBe(200);
    expect((await t.http.get('/api/me').set('Authorization', `Bearer ${old}`)).status).toBe(401);
  });

  it('API3 property level: no mass assignment of role, verification or status; no secrets in answers', async () => {
    const jp1 = await t.as('jp1@demo.test');
    const me = await t.http.patch('/api/me').set(jp1).send({ role: 'bureau', tokenVersion: 0 });
    expect(me.status).toBe(400);
    const [{ organization_id: org }] = await t.db.query(`SELECT organization_id FROM users WHERE email = 'jp1@demo.test'`);
    expect((await t.http.patch(`/api/organizations/${org}`).set(jp1).send({ verification: 'verified' })).status).toBe(400);
    const view = await t.http.get('/api/me').set(jp1);
    expect(JSON.stringify(view.body)).not.toMatch(/password|tokenVersion|token_version|argon2/i);
    // Before acceptance the counterpart's contact details stay hidden (PRODUCT.md §8).
    const meeting = await t.http.get(`/api/meetings/${jp1Meeting}`).set(jp1);
    expect(meeting.body.cnOrganization.contacts).toBeNull();
  });

  it('API4 resource consumption: page sizes are bounded and bodies limited', async () => {
    const res = await t.http
      .get('/api/offers')
      .query({ pageSize: 100_000 })
      .set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(400);
    expect((await t.http.post('/api/auth/login').send({ email: 'x'.repeat(120_000), password: 'x' })).status).toBe(413);
  });

  it('API5 function level: parties cannot call bureau functions', async () => {
    const jp1 = await t.as('jp1@demo.test');
    const [{ id: org }] = await t.db.query(`SELECT id FROM organizations WHERE verification = 'pending' LIMIT 1`);
    const [{ id: requested }] = await t.db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, answer_deadline)
       SELECT $1, (SELECT organization_id FROM users WHERE email = 'jp1@demo.test'), (SELECT organization_id FROM users WHERE email = 'cn2@demo.test'),
              'request', 'health', 'requested', now() + interval '3 days' RETURNING id`,
      [editionId],
    );
    const calls = [
      t.http.post('/api/events').set(jp1).send({ year: 2030 }),
      t.http.post(`/api/events/${editionId}/schedule/runs`).set(jp1).send({}),
      t.http.patch(`/api/meetings/${jp1Meeting}/booking`).set(jp1).send({ slotId: '00000000-0000-4000-8000-000000000000', tableNumber: 1 }),
      t.http.post(`/api/organizations/${org}/verification`).set(jp1).send({ decision: 'verified' }),
      t.http.post(`/api/meetings/${requested}/review`).set(jp1).send({ decision: 'approve' }),
    ];
    for (const res of await Promise.all(calls)) expect([403, 404]).toContain(res.status);
  });

  it('API6 sensitive business flows: a firm cannot flood the bureau with requests', async () => {
    const jp2 = await t.as('jp2@demo.test');
    const targets: { id: string }[] = await t.db.query(`SELECT id FROM organizations WHERE country = 'CN' AND verification = 'verified' ORDER BY id`);
    const answers: number[] = [];
    for (const target of targets) {
      const res = await t.http.post(`/api/events/${editionId}/meetings`).set(jp2).send({ counterpartId: target.id });
      answers.push(res.status);
      if (res.status === 409 && res.body.code === 'MEETING_QUOTA_REACHED') break;
    }
    expect(answers[answers.length - 1]).toBe(409);
    expect(answers.filter((s) => s === 201).length).toBeLessThan(targets.length);
  });

  it('API8 misconfiguration: security headers, no framework banner, no stack traces', async () => {
    const res = await t.http.get('/api/meetings/not-a-uuid').set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(400);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('API9 inventory: every route is in the OpenAPI document', async () => {
    const doc = await t.http.get('/api/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/meetings/{id}/respond', '/api/meetings/{id}/booking', '/api/events/{eventId}/agenda', '/api/health']),
    );
  });

  // API7 (server-side request forgery) and API10 (unsafe consumption of third-party
  // APIs) do not apply: the API fetches no URL a client gives and calls no outside API
  // (a website field is stored as text and never fetched).
});
