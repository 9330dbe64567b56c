import { book, demoParties, DemoParties, insertMeeting, ManualClock } from './reports-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** jp1's firm meets cn1's company on day 1, 13:30–13:50 Ji'nan time (05:30–05:50 UTC). */
describe('feedback after a meeting', () => {
  const clock = new ManualClock(new Date('2027-05-27T05:49:00Z'));
  let t: TestApp;
  let editionId: string;
  let p: DemoParties;
  let meeting: string;
  let cancelled: string;
  const url = () => `/api/meetings/${meeting}/feedback`;
  const good = { rating: 3, outcome: 'follow_up_planned', note: '技術資料を送付する' };

  beforeAll(async () => {
    t = await createTestApp('feedback', { clock });
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    p = await demoParties(t);
    meeting = await insertMeeting(t, editionId, {
      jp: p.jp[0],
      cn: p.cn[0],
      sector: 'health',
      status: 'confirmed',
      createdAt: '2027-03-01T00:00:00Z',
      confirmed: true,
    });
    await book(t, meeting, 'health', 0, 0, 1);
    cancelled = await insertMeeting(t, editionId, { jp: p.jp[0], cn: p.cn[1], sector: 'health', status: 'cancelled', createdAt: '2027-03-01T00:00:00Z' });
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.post(url()).send(good)).status).toBe(401);
  });

  it('accepts feedback only from the meeting\u2019s parties', async () => {
    clock.set('2027-05-27T06:00:00Z');
    expect(
      (
        await t.http
          .post(url())
          .set(await t.as('bureau@demo.test'))
          .send(good)
      ).status,
    ).toBe(403);
    const stranger = await t.http
      .post(url())
      .set(await t.as('jp2@demo.test'))
      .send(good);
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('FEEDBACK_MEETING_NOT_FOUND');
    expect((await t.http.get(url()).set(await t.as('cn2@demo.test'))).status).toBe(404);
  });

  it('accepts feedback only after the meeting\u2019s slot has ended', async () => {
    clock.set('2027-05-27T05:49:59Z'); // one second before 13:50 in Ji'nan
    const early = await t.http
      .post(url())
      .set(await t.as('jp1@demo.test'))
      .send(good);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'FEEDBACK_TOO_EARLY', message: expect.stringContaining('2027-05-27T05:50:00.000Z') });
    const none = await t.http
      .post(`/api/meetings/${cancelled}/feedback`)
      .set(await t.as('jp1@demo.test'))
      .send(good);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('FEEDBACK_MEETING_NOT_TAKING_PLACE');
  });

  it('refuses a rating or outcome out of range, naming the field', async () => {
    clock.set('2027-05-27T05:50:00Z');
    const res = await t.http
      .post(url())
      .set(await t.as('jp1@demo.test'))
      .send({ rating: 5, outcome: 'maybe' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['outcome', 'rating']);
  });

  it('records each party\u2019s answer; a party sees its own, the bureau both', async () => {
    const jp = await t.http
      .post(url())
      .set(await t.as('jp1@demo.test'))
      .send(good);
    expect(jp.status).toBe(201);
    expect(jp.body).toMatchObject({
      meetingId: meeting,
      organizationId: p.jp[0],
      stage: 'initial',
      rating: 3,
      outcome: 'follow_up_planned',
      note: '技術資料を送付する',
      at: '2027-05-27T05:50:00.000Z',
    });
    // Giving it again corrects it.
    expect(
      (
        await t.http
          .post(url())
          .set(await t.as('jp1@demo.test'))
          .send({ ...good, rating: 4 })
      ).body.rating,
    ).toBe(4);
    expect(
      (
        await t.http
          .post(url())
          .set(await t.as('cn1@demo.test'))
          .send({ rating: 2, outcome: 'no_interest' })
      ).status,
    ).toBe(201);
    expect((await t.http.get(url()).set(await t.as('jp1@demo.test'))).body.map((f: { organizationId: string }) => f.organizationId)).toEqual([p.jp[0]]);
    expect((await t.http.get(url()).set(await t.as('bureau@demo.test'))).body).toHaveLength(2);
  });

  it('asks again months later: the follow-up opens 90 days after the slot, after the first answer', async () => {
    const followUp = { ...good, stage: 'follow_up', outcome: 'agreement_signed' };
    clock.set('2027-08-25T05:49:00Z'); // 89 days 23 h 59 min after the slot
    expect(
      (
        await t.http
          .post(url())
          .set(await t.as('jp1@demo.test'))
          .send(followUp)
      ).body.code,
    ).toBe('FEEDBACK_FOLLOW_UP_TOO_EARLY');
    const due = async () => (await t.http.get(`/api/events/${editionId}/feedback/follow-ups`).set(await t.as('bureau@demo.test'))).body;
    expect(await due()).toEqual([]);
    clock.set('2027-08-25T05:50:00Z');
    // Both parties answered the first stage, so both owe the follow-up.
    expect((await due()).map((d: { organization: { id: string } }) => d.organization.id).sort()).toEqual([p.jp[0], p.cn[0]].sort());
    const res = await t.http
      .post(url())
      .set(await t.as('jp1@demo.test'))
      .send(followUp);
    expect(res.status).toBe(201);
    expect(res.body.stage).toBe('follow_up');
    expect((await due()).map((d: { organization: { id: string }; dueSince: string }) => [d.organization.id, d.dueSince])).toEqual([
      [p.cn[0], '2027-08-25T05:50:00.000Z'],
    ]);
    // A party that never answered the first stage cannot jump to the follow-up.
    await t.db.query(`DELETE FROM meeting_feedback WHERE organization_id = $1`, [p.cn[0]]);
    expect(
      (
        await t.http
          .post(url())
          .set(await t.as('cn1@demo.test'))
          .send(followUp)
      ).body.code,
    ).toBe('FEEDBACK_INITIAL_FIRST');
  });
});
