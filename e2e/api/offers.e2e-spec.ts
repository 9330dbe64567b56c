import { createTestApp, TestApp } from './support/test-app';

const offer = {
  sector: 'health',
  cooperationType: 'technology_licensing',
  titleZh: '医疗器械灭菌技术合作',
  titleJa: '医療機器の滅菌技術提携',
  summaryZh: '寻求医疗器械低温灭菌技术许可，建设区域消毒供应中心。',
  summaryEn: 'Seeking a licence for low-temperature sterilisation of medical devices.',
  investmentMinMcny: 5,
  investmentMaxMcny: 20,
};

describe('offers', () => {
  let t: TestApp;
  let mine: string;

  beforeAll(async () => {
    t = await createTestApp('offers');
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.get('/api/offers')).status).toBe(401);
    expect((await t.http.post('/api/offers').send(offer)).status).toBe(401);
  });

  it('lets a Ji\u2019nan company draft an offer, which nobody else sees yet', async () => {
    const res = await t.http
      .post('/api/offers')
      .set(await t.as('cn1@demo.test'))
      .send(offer);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', publishedAt: null, investmentMinMcny: 5, investmentMaxMcny: 20 });
    mine = res.body.id;
    expect((await t.http.get(`/api/offers/${mine}`).set(await t.as('jp1@demo.test'))).status).toBe(404);
    const own = await t.http.get('/api/offers?scope=mine&pageSize=100').set(await t.as('cn1@demo.test'));
    expect(own.body.items.map((o: { id: string }) => o.id)).toContain(mine);
  });

  it('refuses offers from a Japanese delegate with 403', async () => {
    const res = await t.http
      .post('/api/offers')
      .set(await t.as('jp1@demo.test'))
      .send(offer);
    expect(res.status).toBe(403);
  });

  it.each([
    ['a wrong type', { investmentMinMcny: 'lots' }, 'investmentMinMcny'],
    ['an unknown field', { status: 'published' }, 'status'],
    ['a bad enum value', { cooperationType: 'barter' }, 'cooperationType'],
    ['an over-long title', { titleZh: '长'.repeat(201) }, 'titleZh'],
    ['a missing Chinese summary', { summaryZh: undefined }, 'summaryZh'],
  ])('refuses %s with 400 naming the field', async (_label, patch, field) => {
    const res = await t.http
      .post('/api/offers')
      .set(await t.as('cn1@demo.test'))
      .send({ ...offer, ...patch });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses an inverted investment range naming the field', async () => {
    const res = await t.http
      .post('/api/offers')
      .set(await t.as('cn1@demo.test'))
      .send({ ...offer, investmentMinMcny: 50, investmentMaxMcny: 10 });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('investmentMinMcny');
  });

  it('refuses to let another company edit or publish the offer, and changes nothing', async () => {
    const headers = await t.as('cn2@demo.test');
    // A draft is invisible to them: a write answers 404 like GET does, so it does not reveal the draft exists (issue 14).
    expect((await t.http.patch(`/api/offers/${mine}`).set(headers).send({ titleZh: '篡改' })).status).toBe(404);
    expect((await t.http.post(`/api/offers/${mine}/publish`).set(headers)).status).toBe(404);
    const [row] = await t.db.query('SELECT title_zh, status FROM offers WHERE id = $1', [mine]);
    expect(row).toEqual({ title_zh: offer.titleZh, status: 'draft' });
  });

  it('publishes, refuses to publish twice (409 naming the state), withdraws', async () => {
    const headers = await t.as('cn1@demo.test');
    const published = await t.http.post(`/api/offers/${mine}/publish`).set(headers);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const again = await t.http.post(`/api/offers/${mine}/publish`).set(headers);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('cannot publish an offer that is published');
    expect((await t.http.get(`/api/offers/${mine}`).set(await t.as('jp1@demo.test'))).status).toBe(200);
    const withdrawn = await t.http.post(`/api/offers/${mine}/withdraw`).set(headers);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await t.http.get(`/api/offers/${mine}`).set(await t.as('jp1@demo.test'))).status).toBe(404);
    await t.http.post(`/api/offers/${mine}/publish`).set(headers);
  });

  it('refuses to publish an offer with only Chinese text', async () => {
    const headers = await t.as('cn3@demo.test');
    const draft = await t.http
      .post('/api/offers')
      .set(headers)
      .send({ ...offer, titleJa: undefined, summaryEn: undefined });
    const res = await t.http.post(`/api/offers/${draft.body.id}/publish`).set(headers);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('OFFER_SECOND_LANGUAGE_MISSING');
  });

  describe('search finds Chinese, Japanese and English text', () => {
    const search = async (q: string) => {
      const res = await t.http
        .get('/api/offers')
        .query({ q, pageSize: 100 })
        .set(await t.as('jp2@demo.test'));
      expect(res.status).toBe(200);
      return res.body.items.map((o: { id: string }) => o.id) as string[];
    };

    it('by the Chinese title', async () => expect(await search('灭菌技术')).toContain(mine));
    it('by the Japanese title', async () => expect(await search('滅菌技術提携')).toContain(mine));
    it('by English words, ignoring case', async () => expect(await search('STERILISATION')).toContain(mine));
    // 滅 (shinjitai) and 灭 (simplified) fold to one form, so a Japanese query finds Chinese-only text.
    it('by a Japanese spelling of Chinese-only text', async () => expect(await search('低温滅菌')).toContain(mine));
    it('and treats LIKE wildcards literally', async () => expect(await search('%')).toEqual([]));
  });

  it('filters by sector and cooperation type and pages with a total', async () => {
    const headers = await t.as('jp1@demo.test');
    const page1 = await t.http.get('/api/offers?sector=digital&pageSize=5&page=1').set(headers);
    const page2 = await t.http.get('/api/offers?sector=digital&pageSize=5&page=2').set(headers);
    expect(page1.body.items).toHaveLength(5);
    expect(page1.body.total).toBeGreaterThan(10);
    expect(page2.body.items.map((o: { id: string }) => o.id)).not.toContain(page1.body.items[0].id);
    const typed = await t.http.get('/api/offers?cooperationType=procurement&pageSize=100').set(headers);
    expect(typed.body.items.every((o: { cooperationType: string }) => o.cooperationType === 'procurement')).toBe(true);
  });
});
