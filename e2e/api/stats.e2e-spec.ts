import 'reflect-metadata';
import { EditionStatsView, OrganizationWithoutMeetingView, SectorStats, WITHOUT_MEETING_FIRST } from '@jinan/contracts';
import { book, demoParties, DemoParties, insertMeeting, insertTransition, ManualClock } from './reports-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Seven meetings written by hand (times in Ji'nan, UTC+8), every expected figure worked
 * out below from this table alone:
 *
 *   M1 A–P health  request  made 03-01, approved 03-02, accepted 03-03, booked day 1 (05-27), table 1
 *   M2 B–P health  request  made 03-01, approved 03-02, accepted 03-04, booked day 2 (05-28), table 2, confirmed
 *   M3 C–Q env.    request  made 03-01, approved 03-02, declined 03-05
 *   M4 D–R digital request  made 03-02, rejected 03-03
 *   M5 A–Q env.    proposal made 03-02, accepted by both 03-06, not placed (no scheduler run yet)
 *   M6 C–R digital request  made 03-03 00:30 Ji'nan time (03-02 16:30 UTC), still waiting
 *   (A, B = jp1's and jp2's firms; P = cn1's company; M1 and M2 are about P's offer, M3 about Q's.)
 */
describe('the bureau\u2019s live figures', () => {
  const clock = new ManualClock(new Date('2027-03-10T00:00:00Z'));
  let t: TestApp;
  let editionId: string;
  let p: DemoParties;
  const m: Record<string, string> = {};
  let offerP: string;
  let offerQ: string;

  beforeAll(async () => {
    t = await createTestApp('stats', { clock });
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    p = await demoParties(t);
    const [A, B, C, D] = p.jp;
    const [P, Q, R] = p.cn;
    [{ id: offerP }] = await t.db.query(`SELECT id FROM offers WHERE organization_id = $1 ORDER BY id LIMIT 1`, [P]);
    [{ id: offerQ }] = await t.db.query(`SELECT id FROM offers WHERE organization_id = $1 ORDER BY id LIMIT 1`, [Q]);
    const bureau = (at: string, id: string, action: string, from: 'requested' | 'approved', to: 'approved' | 'rejected') =>
      insertTransition(t, id, action, from, to, at, 'bureau', p.bureauId);

    m.M1 = await insertMeeting(t, editionId, {
      jp: A,
      cn: P,
      sector: 'health',
      status: 'scheduled',
      createdAt: '2027-03-01T10:00:00+08:00',
      offerId: offerP,
      published: true,
    });
    await insertTransition(t, m.M1, 'request', null, 'requested', '2027-03-01T10:00:00+08:00', 'jp');
    await bureau('2027-03-02T10:00:00+08:00', m.M1, 'approve', 'requested', 'approved');
    await insertTransition(t, m.M1, 'accept', 'approved', 'accepted', '2027-03-03T10:00:00+08:00', 'cn');
    await insertTransition(t, m.M1, 'schedule', 'accepted', 'scheduled', '2027-03-09T10:00:00+08:00');
    await book(t, m.M1, 'health', 0, 0, 1);

    m.M2 = await insertMeeting(t, editionId, {
      jp: B,
      cn: P,
      sector: 'health',
      status: 'confirmed',
      createdAt: '2027-03-01T11:00:00+08:00',
      offerId: offerP,
      confirmed: true,
    });
    await bureau('2027-03-02T11:00:00+08:00', m.M2, 'approve', 'requested', 'approved');
    await insertTransition(t, m.M2, 'accept', 'approved', 'accepted', '2027-03-04T11:00:00+08:00', 'cn');
    await book(t, m.M2, 'health', 1, 0, 2);

    m.M3 = await insertMeeting(t, editionId, {
      jp: C,
      cn: Q,
      sector: 'environment',
      status: 'declined',
      createdAt: '2027-03-01T12:00:00+08:00',
      offerId: offerQ,
    });
    await bureau('2027-03-02T12:00:00+08:00', m.M3, 'approve', 'requested', 'approved');
    await insertTransition(t, m.M3, 'decline', 'approved', 'declined', '2027-03-05T12:00:00+08:00', 'cn');

    m.M4 = await insertMeeting(t, editionId, { jp: D, cn: R, sector: 'digital', status: 'rejected', createdAt: '2027-03-02T09:00:00+08:00' });
    await bureau('2027-03-03T09:00:00+08:00', m.M4, 'reject', 'requested', 'rejected');

    m.M5 = await insertMeeting(t, editionId, {
      jp: A,
      cn: Q,
      sector: 'environment',
      status: 'accepted',
      origin: 'proposal',
      createdAt: '2027-03-02T15:00:00+08:00',
    });
    await insertTransition(t, m.M5, 'accept', 'proposed', 'proposed', '2027-03-05T15:00:00+08:00', 'jp');
    await insertTransition(t, m.M5, 'accept', 'proposed', 'accepted', '2027-03-06T15:00:00+08:00', 'cn');

    m.M6 = await insertMeeting(t, editionId, { jp: C, cn: R, sector: 'digital', status: 'requested', createdAt: '2027-03-02T16:30:00Z' });
  });
  afterAll(() => t.close());

  const stats = async (): Promise<EditionStatsView> => {
    const res = await t.http.get(`/api/events/${editionId}/stats`).set(await t.as('bureau@demo.test'));
    expect(res.status).toBe(200);
    return res.body;
  };
  const sector = (s: EditionStatsView, name: string): SectorStats => s.bySector.find((x) => x.sector === name)!;

  it('rejects a caller without a token, and any caller but the bureau', async () => {
    expect((await t.http.get(`/api/events/${editionId}/stats`)).status).toBe(401);
    for (const email of ['jp1@demo.test', 'cn1@demo.test']) {
      expect((await t.http.get(`/api/events/${editionId}/stats`).set(await t.as(email))).status).toBe(403);
    }
  });

  it('counts requests, approvals, acceptances, declines and placed meetings per sector', async () => {
    const s = await stats();
    // health: requests M1 M2; approvals M1 M2; accepted M1 M2; placed M1 M2 (sector tables 40 × slots 12 + 9 + 9 = 1200).
    expect(sector(s, 'health')).toEqual({
      sector: 'health',
      requests: 2,
      approvals: 2,
      acceptances: 2,
      declines: 0,
      placed: 2,
      capacity: 1200,
      acceptanceRate: 1,
      fillRate: 0.0017,
    });
    // environment: request M3 (M5 is a proposal); approval M3; acceptance M5; decline M3 → 1 ÷ (1 + 1).
    expect(sector(s, 'environment')).toEqual({
      sector: 'environment',
      requests: 1,
      approvals: 1,
      acceptances: 1,
      declines: 1,
      placed: 0,
      capacity: 1200,
      acceptanceRate: 0.5,
      fillRate: 0,
    });
    // digital: requests M4 M6; M4 rejected (not an approval), M6 waiting: no answer yet → no rate.
    expect(sector(s, 'digital')).toEqual({
      sector: 'digital',
      requests: 2,
      approvals: 0,
      acceptances: 0,
      declines: 0,
      placed: 0,
      capacity: 1200,
      acceptanceRate: null,
      fillRate: 0,
    });
    // 3 acceptances ÷ (3 + 1 decline) = 0.75; 2 placed ÷ 3600 table-slots = 0.000556 → 0.0006.
    expect(s.totals).toEqual({ requests: 5, approvals: 3, acceptances: 3, declines: 1, placed: 2, capacity: 3600, acceptanceRate: 0.75, fillRate: 0.0006 });
  });

  it('counts by day in the event\u2019s zone', async () => {
    const s = await stats();
    expect(s.editionZone).toBe('Asia/Shanghai');
    expect(s.byDay).toEqual([
      { date: '2027-03-01', requests: 3, approvals: 0, acceptances: 0, placed: 0 }, // M1 M2 M3 made
      { date: '2027-03-02', requests: 1, approvals: 3, acceptances: 0, placed: 0 }, // M4 made; M1 M2 M3 approved
      { date: '2027-03-03', requests: 1, approvals: 0, acceptances: 1, placed: 0 }, // M6 made at 00:30 local; M1 accepted
      { date: '2027-03-04', requests: 0, approvals: 0, acceptances: 1, placed: 0 }, // M2 accepted
      { date: '2027-03-06', requests: 0, approvals: 0, acceptances: 1, placed: 0 }, // M5 accepted by its second party
      { date: '2027-05-27', requests: 0, approvals: 0, acceptances: 0, placed: 1 }, // M1's slot
      { date: '2027-05-28', requests: 0, approvals: 0, acceptances: 0, placed: 1 }, // M2's slot
    ]);
  });

  it('names each organization without a meeting and why', async () => {
    const s = await stats();
    const [A, B, C, D, E] = p.jp;
    const [P, Q, R, S] = p.cn;
    const reasons = new Map(s.withoutMeeting.map((w) => [w.organization.id, w]));
    // A (M1), B (M2) and P (M1, M2) have a table.
    for (const placed of [A, B, P]) expect(reasons.has(placed)).toBe(false);
    expect(reasons.get(Q)).toMatchObject({
      reason: 'not_placed',
      meetings: { pending: 0, refused: 1, accepted: 1 },
      message: 'accepted meetings are waiting for the scheduler',
    });
    expect(reasons.get(C)).toMatchObject({ reason: 'all_pending', meetings: { pending: 1, refused: 1, accepted: 0 } });
    expect(reasons.get(R)).toMatchObject({ reason: 'all_pending', meetings: { pending: 1, refused: 1, accepted: 0 } });
    expect(reasons.get(D)).toMatchObject({ reason: 'none_accepted', meetings: { pending: 0, refused: 1, accepted: 0 } });
    expect(reasons.get(E)).toMatchObject({ reason: 'no_requests', meetings: { pending: 0, refused: 0, accepted: 0 } });
    expect(reasons.get(S)).toMatchObject({ reason: 'no_requests' });
    // Worst first: the accepted-but-unplaced come before the rest.
    expect(s.withoutMeeting[0].reason).toBe('not_placed');
  });

  it('pages the organizations without a meeting: the statistics carry the first ones and the total, the rest page by page in the same order', async () => {
    const s = await stats();
    const path = `/api/events/${editionId}/stats/without-meeting`;
    expect((await t.http.get(path)).status).toBe(401);
    expect((await t.http.get(path).set(await t.as('jp1@demo.test'))).status).toBe(403);
    // The demo's organizations are more than WITHOUT_MEETING_FIRST: the statistics carry the first ones.
    expect(s.withoutMeetingTotal).toBeGreaterThan(WITHOUT_MEETING_FIRST);
    expect(s.withoutMeeting).toHaveLength(WITHOUT_MEETING_FIRST);
    const bureau = await t.as('bureau@demo.test');
    const paged: OrganizationWithoutMeetingView[] = [];
    for (let page = 1; paged.length < s.withoutMeetingTotal; page++) {
      const res = await t.http.get(path).query({ page, pageSize: 25 }).set(bureau);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page, pageSize: 25, total: s.withoutMeetingTotal });
      expect(res.body.items.length).toBeGreaterThan(0);
      paged.push(...res.body.items);
    }
    expect(paged).toHaveLength(s.withoutMeetingTotal);
    expect(new Set(paged.map((w) => w.organization.id)).size).toBe(s.withoutMeetingTotal);
    expect(paged.slice(0, WITHOUT_MEETING_FIRST)).toEqual(s.withoutMeeting);
    // Worst first across pages: reasons never go back up the order.
    const order = ['not_placed', 'none_accepted', 'all_pending', 'no_requests'];
    const ranks = paged.map((w) => order.indexOf(w.reason));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const past = await t.http.get(path).query({ page: 1000, pageSize: 25 }).set(bureau);
    expect(past.body).toEqual({ items: [], page: 1000, pageSize: 25, total: s.withoutMeetingTotal });
  });

  it('ranks the most requested offers', async () => {
    const s = await stats();
    // P's offer: M1 and M2, both accepted; Q's offer: M3, declined.
    expect(s.topOffers.map((o) => [o.offerId, o.requests, o.acceptances])).toEqual([
      [offerP, 2, 2],
      [offerQ, 1, 0],
    ]);
  });

  it('builds the outcome funnel from the parties\u2019 feedback, a follow-up replacing the first answer', async () => {
    const B = p.jp[1];
    const P = p.cn[0];
    clock.set('2027-05-29T00:00:00Z'); // after both slots
    const give = async (email: string, id: string, body: object) => {
      const res = await t.http
        .post(`/api/meetings/${id}/feedback`)
        .set(await t.as(email))
        .send(body);
      expect(res.status).toBe(201);
      return res.body;
    };
    await give('jp1@demo.test', m.M1, { rating: 4, outcome: 'agreement_expected', note: '来月に再訪問予定' });
    await give('cn1@demo.test', m.M1, { rating: 3, outcome: 'follow_up_planned' });
    await give('jp2@demo.test', m.M2, { rating: 2, outcome: 'no_interest' });
    await give('cn1@demo.test', m.M2, { rating: 3, outcome: 'follow_up_planned' });
    clock.set('2027-09-01T00:00:00Z'); // 96 days after M2's slot: the follow-up is open
    const followUp = await give('jp2@demo.test', m.M2, { stage: 'follow_up', rating: 4, outcome: 'agreement_signed', note: '智慧医院项目 签约' });
    expect(followUp).toMatchObject({ organizationId: B, stage: 'follow_up', outcome: 'agreement_signed' });

    const s = await stats();
    // M1: best of (A: agreement expected, P: follow-up planned) = agreement expected.
    // M2: B's follow-up (signed) replaces B's "no interest"; P says follow-up planned → signed.
    // Ratings: latest answers A 4, P 3 (M1), B 4 (follow-up), P 3 (M2) → 14 ÷ 4 = 3.5.
    expect(s.funnel.find((f) => f.sector === 'health')).toEqual({
      sector: 'health',
      placed: 2,
      held: 2,
      withFeedback: 2,
      followUpPlanned: 2,
      agreementExpected: 2,
      agreementSigned: 1,
      meanRating: 3.5,
    });
    expect(s.funnel.find((f) => f.sector === 'environment')).toMatchObject({ placed: 0, withFeedback: 0, meanRating: null });
    expect(s.outcomes).toEqual({ no_interest: 0, follow_up_planned: 2, agreement_expected: 1, agreement_signed: 1 });
    expect(s.signedProjects).toEqual([
      expect.objectContaining({
        meetingId: m.M2,
        sector: 'health',
        jp: expect.objectContaining({ id: B }),
        cn: expect.objectContaining({ id: P }),
        notes: ['智慧医院项目 签约'],
      }),
    ]);
  });

  it('gives every transition its meeting\u2019s edition, even one inserted with its meeting in a single statement', async () => {
    const [row] = await t.db.query(
      `WITH m AS (
         INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, answer_deadline)
         VALUES ($1, $2, $3, 'request', 'digital', 'requested', now() + interval '2 days') RETURNING id)
       INSERT INTO meeting_transitions (meeting_id, actor_role, action, to_status) SELECT id, 'jp', 'request', 'requested' FROM m RETURNING id`,
      [editionId, p.jp[3], p.cn[0]],
    );
    const [{ edition_id }] = await t.db.query(`SELECT edition_id FROM meeting_transitions WHERE id = $1`, [row.id]);
    expect(edition_id).toBe(editionId);
    const [{ missing }] = await t.db.query(`SELECT count(*)::int AS missing FROM meeting_transitions WHERE edition_id IS NULL`);
    expect(missing).toBe(0);
  });
});
