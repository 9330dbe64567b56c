import { createTestApp, TestApp } from './support/test-app';

describe('participation: half-days attended and the park visit', () => {
  let t: TestApp;
  let editionId: string;
  let jp1Org: string;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp('participation');
    editionId = (await t.http.get('/api/events').set(await t.as('jp1@demo.test'))).body[0].id;
    jp1Org = (await t.http.get('/api/me').set(await t.as('jp1@demo.test'))).body.organizationId;
    url = `/api/events/${editionId}/organizations/${jp1Org}/participation`;
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.get(url)).status).toBe(401);
  });

  it('starts present at all three negotiation half-days, times in the edition zone', async () => {
    const res = await t.http.get(url).set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(200);
    expect(res.body.halfDays).toEqual([
      { startsAt: '2027-05-27T13:30:00+08:00', endsAt: '2027-05-27T17:30:00+08:00', attending: true },
      { startsAt: '2027-05-28T09:00:00+08:00', endsAt: '2027-05-28T12:00:00+08:00', attending: true },
      { startsAt: '2027-05-28T13:30:00+08:00', endsAt: '2027-05-28T16:30:00+08:00', attending: true },
    ]);
    expect(res.body.joinsSiteVisit).toBe(false);
    expect(res.body.siteVisit).toEqual({ startsAt: '2027-05-28T13:30:00+08:00', endsAt: '2027-05-28T17:00:00+08:00' });
  });

  it('records a firm that comes on day 2 only and joins the visit; Tokyo offsets are accepted', async () => {
    const res = await t.http
      .put(url)
      .set(await t.as('jp1@demo.test'))
      // 14:30 Tokyo is 13:30 Shanghai: the same instant.
      .send({ halfDays: [{ startsAt: '2027-05-27T14:30:00+09:00', attending: false }], joinsSiteVisit: true });
    expect(res.status).toBe(200);
    expect(res.body.halfDays.map((h: { attending: boolean }) => h.attending)).toEqual([false, true, true]);
    expect(res.body.joinsSiteVisit).toBe(true);
    const [row] = await t.db.query(`SELECT absent::text FROM participations WHERE organization_id = $1`, [jp1Org]);
    expect(row.absent).toBe('{["2027-05-27 05:30:00+00","2027-05-27 09:30:00+00")}');
  });

  it('refuses a start that is not a half-day, naming the item', async () => {
    const res = await t.http
      .put(url)
      .set(await t.as('jp1@demo.test'))
      .send({ halfDays: [{ startsAt: '2027-05-27T10:00:00+08:00', attending: false }], joinsSiteVisit: false });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('halfDays.0.startsAt');
  });

  it('refuses a malformed body naming the field', async () => {
    const res = await t.http
      .put(url)
      .set(await t.as('jp1@demo.test'))
      .send({ halfDays: [{ startsAt: 'tomorrow', attending: 'yes' }], joinsSiteVisit: false });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['halfDays.0.startsAt', 'halfDays.0.attending']);
  });

  it('does not let another company read or set it; the bureau can', async () => {
    expect((await t.http.get(url).set(await t.as('jp2@demo.test'))).status).toBe(403);
    expect(
      (
        await t.http
          .put(url)
          .set(await t.as('cn1@demo.test'))
          .send({ halfDays: [], joinsSiteVisit: false })
      ).status,
    ).toBe(403);
    expect((await t.http.get(url).set(await t.as('bureau@demo.test'))).status).toBe(200);
  });
});
