import { createTestApp, TestApp } from './support/test-app';

/** Every write by anyone is in the audit trail, organisation-level ones included; a verified organisation that renames itself is reviewed again. */
describe('complete audit trail and re-review on material change', () => {
  let t: TestApp;
  let editionId: string;
  let jpOrg: string;
  let cnOrg: string;
  beforeAll(async () => {
    t = await createTestApp('audit_complete');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    [{ organization_id: jpOrg }] = await t.db.query(`SELECT organization_id FROM users WHERE email = 'jp1@demo.test'`);
    [{ organization_id: cnOrg }] = await t.db.query(`SELECT organization_id FROM users WHERE email = 'cn1@demo.test'`);
  });
  afterAll(() => t.close());

  const trail = async (query: Record<string, string>) => {
    const res = await t.http
      .get(`/api/events/${editionId}/audit`)
      .query({ pageSize: '100', ...query })
      .set(await t.as('bureau@demo.test'));
    expect(res.status).toBe(200);
    return res.body as {
      total: number;
      items: { source: string; action: string; entityId: string; actor: { id: string; role: string } | null; details: Record<string, unknown> }[];
    };
  };

  it('a bureau edit of an organisation is visible in the audit API (it was stored without an edition: total 0)', async () => {
    const res = await t.http
      .patch(`/api/organizations/${cnOrg}`)
      .set(await t.as('bureau@demo.test'))
      .send({ city: '济南市历下区' });
    expect(res.status).toBe(200);
    const found = await trail({ entity: cnOrg });
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ source: 'platform', action: 'organization.update', actor: { role: 'bureau' } });
    expect(found.items[0].details).toMatchObject({ changes: { city: { to: '济南市历下区' } } });
  });

  it('a verified organisation that changes its name goes back to pending, and the bureau sees what changed', async () => {
    const jp1 = await t.as('jp1@demo.test');
    const [{ name_ja: oldName }] = await t.db.query(`SELECT name_ja FROM organizations WHERE id = $1`, [jpOrg]);
    const res = await t.http.patch(`/api/organizations/${jpOrg}`).set(jp1).send({ nameJa: '=HYPERLINK("http://evil.example")' });
    expect(res.status).toBe(200);
    expect(res.body.verification).toBe('pending');
    const found = await trail({ entity: jpOrg, action: 'organization.update' });
    expect(found.items[0].details).toEqual({
      changes: { nameJa: { from: oldName, to: '=HYPERLINK("http://evil.example")' } },
      reReview: { fields: ['nameJa'], from: 'verified', to: 'pending' },
    });
    const queue = await t.http
      .get('/api/organizations')
      .query({ verification: 'pending', pageSize: '100' })
      .set(await t.as('bureau@demo.test'));
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(jpOrg);
  });

  it('changing sectors is material too; a city is not', async () => {
    const cn2 = await t.as('cn2@demo.test');
    const [{ organization_id: org }] = await t.db.query(`SELECT organization_id FROM users WHERE email = 'cn2@demo.test'`);
    expect((await t.http.patch(`/api/organizations/${org}`).set(cn2).send({ city: '章丘区' })).body.verification).toBe('verified');
    expect(
      (
        await t.http
          .patch(`/api/organizations/${org}`)
          .set(cn2)
          .send({ sectors: ['digital'] })
      ).body.verification,
    ).toBe('pending');
  });

  it('a delegate’s own profile and offer edits are audited', async () => {
    const cn1 = await t.as('cn1@demo.test');
    expect((await t.http.patch('/api/me').set(cn1).send({ fullName: '王 新名' })).status).toBe(200);
    const [{ id: userId }] = await t.db.query(`SELECT id FROM users WHERE email = 'cn1@demo.test'`);
    const profile = await trail({ action: 'user.profile_updated', actor: userId });
    expect(profile.total).toBe(1);
    expect(profile.items[0].details).toMatchObject({ fullName: { to: '王 新名' } });

    const [{ id: offerId }] = await t.db.query(`SELECT id FROM offers WHERE organization_id = $1 LIMIT 1`, [cnOrg]);
    expect((await t.http.patch(`/api/offers/${offerId}`).set(cn1).send({ titleZh: '新标题' })).status).toBe(200);
    const offer = await trail({ entity: offerId });
    expect(offer.items).toEqual([
      expect.objectContaining({ action: 'offer.updated', details: expect.objectContaining({ titleZh: expect.objectContaining({ to: '新标题' }) }) }),
    ]);
  });
});
