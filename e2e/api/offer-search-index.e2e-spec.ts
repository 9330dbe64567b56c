import type { MatchingOffer } from '@jinan/matching';
import { prepareOffers, searchOffers } from '@jinan/matching';
import { offerFromRow, OFFER_COLUMNS, OFFERS_FROM, text } from '../../apps/api/src/matching/matching-input';
import type { SearchableOfferRow } from '../../apps/api/src/offers/offer-search.repository';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Offer search ranks in PostgreSQL (offer_search_terms) what the engine's in-memory index
 * ranks: over the demo catalogue, each query gives the same offers in the same order, the
 * same total and the same matched words as searchOffers over every searchable offer. And
 * the stored terms follow the offers: an edited offer and a renamed company are found by
 * their new words at the next search, whatever path changed them.
 */
const QUERIES = ['医療機器', '水素', 'ロボット', '介護', 'battery recycling', '太阳能', '污水处理', 'semiconductor', '济南'];

describe('offer search in PostgreSQL against the engine', () => {
  let t: TestApp;
  let engine: (q: string) => ReturnType<typeof searchOffers>['hits'];

  beforeAll(async () => {
    t = await createTestApp('offer-search-index');
    const rows: SearchableOfferRow[] = await t.db.query(`SELECT ${OFFER_COLUMNS}, c.name_zh, c.name_ja, c.name_en FROM ${OFFERS_FROM}`);
    const offers: MatchingOffer[] = rows.map((r) => ({ ...offerFromRow(r), companyName: text({ zh: r.name_zh, ja: r.name_ja, en: r.name_en }) }));
    const prepared = prepareOffers(offers);
    engine = (q) => searchOffers(prepared, q).hits;
  });
  afterAll(() => t.close());

  const search = async (q: string, extra: Record<string, string | number> = {}) => {
    const res = await t.http
      .get('/api/offers')
      .query({ q, pageSize: 100, ...extra })
      .set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; matched: Record<string, string[]> }[]; total: number };
  };

  it.each(QUERIES)('%s: the same offers, order, total and matched words as the in-memory engine', async (q) => {
    const expected = engine(q);
    expect(expected.length).toBeGreaterThan(0);
    const page = await search(q);
    expect(page.total).toBe(expected.length);
    expect(page.items.map((o) => o.id)).toEqual(expected.slice(0, 100).map((h) => h.offerId));
    for (const [i, item] of page.items.entries()) expect(item.matched).toEqual(expected[i]?.matched);
  });

  it('pages through the same ranking: page 3 of 5 is ranks 11–15', async () => {
    const expected = engine('ロボット');
    const page = await search('ロボット', { page: 3, pageSize: 5 });
    expect(page.items.map((o) => o.id)).toEqual(expected.slice(10, 15).map((h) => h.offerId));
    const past = await search('ロボット', { page: 1000, pageSize: 5 });
    expect(past).toMatchObject({ items: [], total: expected.length });
  });

  it('finds an edited offer by its new words, and a renamed company by its new name (even when changed by SQL)', async () => {
    const headers = await t.as('cn1@demo.test');
    const created = await t.http.post('/api/offers').set(headers).send({
      sector: 'environment',
      cooperationType: 'joint_venture',
      titleZh: '废旧轮胎热解',
      summaryZh: '废旧轮胎热解制油。',
      titleJa: '廃タイヤの熱分解',
      summaryJa: '廃タイヤから油を回収します。',
    });
    expect(created.status).toBe(201);
    expect((await t.http.post(`/api/offers/${created.body.id}/publish`).set(headers)).status).toBe(200);
    expect((await search('タイヤ')).items.map((o) => o.id)).toContain(created.body.id);
    expect((await t.http.patch(`/api/offers/${created.body.id}`).set(headers).send({ titleEn: 'Hydrogen refuelling station' })).status).toBe(200);
    expect((await search('refuelling')).items.map((o) => o.id)).toContain(created.body.id);
    await t.db.query(`UPDATE organizations SET name_en = 'Quxiangyuan Holdings' WHERE id = $1`, [created.body.organizationId]);
    expect((await search('Quxiangyuan')).items.map((o) => o.id)).toContain(created.body.id);
    expect((await t.http.post(`/api/offers/${created.body.id}/withdraw`).set(headers)).status).toBe(200);
    expect((await search('Quxiangyuan')).items.map((o) => o.id)).not.toContain(created.body.id);
  });
});
