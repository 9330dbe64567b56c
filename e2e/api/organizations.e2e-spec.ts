import { createTestApp, TestApp } from './support/test-app';

describe('organizations', () => {
  let t: TestApp;
  let cn1Org: string;
  let cn2Org: string;
  let jp1Org: string;
  let pendingOrg: string;

  beforeAll(async () => {
    t = await createTestApp('organizations');
    const me = async (email: string) => (await t.http.get('/api/me').set(await t.as(email))).body.organizationId as string;
    cn1Org = await me('cn1@demo.test');
    cn2Org = await me('cn2@demo.test');
    jp1Org = await me('jp1@demo.test');
    [{ id: pendingOrg }] = await t.db.query(`SELECT id FROM organizations WHERE verification = 'pending' AND country = 'CN' LIMIT 1`);
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.get('/api/organizations')).status).toBe(401);
    expect((await t.http.patch(`/api/organizations/${cn1Org}`).send({ city: 'x' })).status).toBe(401);
  });

  it('lets a company edit its own profile and bumps the version', async () => {
    const headers = await t.as('cn1@demo.test');
    const before = (await t.http.get(`/api/organizations/${cn1Org}`).set(headers)).body;
    const res = await t.http.patch(`/api/organizations/${cn1Org}`).set(headers).send({ delegates: 3, seeksJa: '医療機器の技術提携' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ delegates: 3, seeksJa: '医療機器の技術提携', version: before.version + 1 });
  });

  it('refuses to let a company change another company\u2019s profile, and changes nothing', async () => {
    const res = await t.http
      .patch(`/api/organizations/${cn2Org}`)
      .set(await t.as('cn1@demo.test'))
      .send({ nameEn: 'Hijacked' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ORGANIZATION_NOT_YOURS');
    const [row] = await t.db.query('SELECT name_en FROM organizations WHERE id = $1', [cn2Org]);
    expect(row.name_en).not.toBe('Hijacked');
  });

  it('refuses a Japanese delegate editing a Ji\u2019nan company', async () => {
    const res = await t.http
      .patch(`/api/organizations/${cn1Org}`)
      .set(await t.as('jp1@demo.test'))
      .send({ city: 'Tokyo' });
    expect(res.status).toBe(403);
  });

  it('refuses a profile edit that removes the native name, naming the field', async () => {
    const res = await t.http
      .patch(`/api/organizations/${jp1Org}`)
      .set(await t.as('jp1@demo.test'))
      .send({ nameJa: '' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('nameJa');
  });

  it('refuses a malformed id with 400 naming it', async () => {
    const res = await t.http.get('/api/organizations/not-a-uuid').set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
  });

  it('hides organizations awaiting verification from counterparts but shows them to the bureau', async () => {
    expect((await t.http.get(`/api/organizations/${pendingOrg}`).set(await t.as('jp1@demo.test'))).status).toBe(404);
    const queue = await t.http.get('/api/organizations?verification=pending&pageSize=100').set(await t.as('bureau@demo.test'));
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(pendingOrg);
  });

  it('lets only the bureau verify, and records who did it', async () => {
    const denied = await t.http
      .post(`/api/organizations/${pendingOrg}/verification`)
      .set(await t.as('cn1@demo.test'))
      .send({ decision: 'verified' });
    expect(denied.status).toBe(403);
    const res = await t.http
      .post(`/api/organizations/${pendingOrg}/verification`)
      .set(await t.as('bureau@demo.test'))
      .send({ decision: 'verified', note: 'licence checked' });
    expect(res.status).toBe(200);
    expect(res.body.verification).toBe('verified');
    const [entry] = await t.db.query(`SELECT a.action, a.details, u.email FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.entity_id = $1`, [
      pendingOrg,
    ]);
    expect(entry).toMatchObject({ action: 'organization.verified', email: 'bureau@demo.test', details: { note: 'licence checked' } });
    expect((await t.http.get(`/api/organizations/${pendingOrg}`).set(await t.as('jp1@demo.test'))).status).toBe(200);
  });

  it('filters by sector and country and searches names in any script', async () => {
    const headers = await t.as('jp1@demo.test');
    const cn = await t.http.get('/api/organizations?country=CN&sector=health&pageSize=100').set(headers);
    expect(cn.body.total).toBeGreaterThan(5);
    expect(cn.body.items.every((o: { country: string; sectors: string[] }) => o.country === 'CN' && o.sectors.includes('health'))).toBe(true);
    // 住友 is written the same in Japanese and Chinese; "sumitomo" finds the English name.
    for (const q of ['住友', 'sumitomo']) {
      const res = await t.http.get('/api/organizations').query({ q }).set(headers);
      expect(res.body.items.map((o: { nameEn: string }) => o.nameEn)).toContain('Sumitomo Corporation');
    }
  });

  it('caps the page size', async () => {
    const res = await t.http.get('/api/organizations?pageSize=1000').set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('pageSize');
  });
});
