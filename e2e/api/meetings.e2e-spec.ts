import { EntityManager } from 'typeorm';
import { Clock } from '../../apps/api/src/common/clock';
import { Meeting } from '../../apps/api/src/meetings/meeting.entity';
import { MeetingTransitionsService } from '../../apps/api/src/meetings/meeting-transitions.service';
import { MeetingsService } from '../../apps/api/src/meetings/meetings.service';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service';
import { createTestApp, TestApp } from './support/test-app';

/** A clock the tests move by hand: expiry is tested without sleeping. */
class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceHours(hours: number): void {
    this.current = new Date(this.current.getTime() + hours * 3_600_000);
  }
}

const JP = ['jp1@demo.test', 'jp2@demo.test', 'jp3@demo.test'] as const;
const CN = ['cn1@demo.test', 'cn2@demo.test', 'cn3@demo.test'] as const;
const BUREAU = 'bureau@demo.test';
const NO_MEETING = '00000000-0000-4000-8000-000000000000';

describe('meetings', () => {
  const clock = new ManualClock(new Date('2027-03-01T00:00:00Z'));
  let t: TestApp;
  let editionId: string;
  /** Organization id of each demo account. */
  const org: Record<string, string> = {};

  const post = async (email: string, body: object, key?: string) => {
    const req = t.http.post(`/api/events/${editionId}/meetings`).set(await t.as(email));
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const respond = async (email: string, id: string, body: object) =>
    t.http
      .post(`/api/meetings/${id}/respond`)
      .set(await t.as(email))
      .send(body);
  const review = async (email: string, id: string, body: object) =>
    t.http
      .post(`/api/meetings/${id}/review`)
      .set(await t.as(email))
      .send(body);
  const status = async (id: string) => (await t.db.query('SELECT status FROM meetings WHERE id = $1', [id]))[0].status;
  const transitions = async (id: string) =>
    (await t.db.query('SELECT action, from_status, to_status, actor_role FROM meeting_transitions WHERE meeting_id = $1 ORDER BY id', [id])) as {
      action: string;
      from_status: string | null;
      to_status: string;
      actor_role: string;
    }[];
  /** A request from jp → cn, approved by the bureau. */
  const approvedRequest = async (jp: string, cn: string) => {
    const created = await post(jp, { counterpartId: org[cn], message: 'Kaizen for your plant', priority: 1 });
    expect(created.status).toBe(201);
    expect((await review(BUREAU, created.body.id, { decision: 'approve' })).status).toBe(200);
    return created.body.id as string;
  };
  const clearMeetings = () => t.db.query('DELETE FROM meetings');

  beforeAll(async () => {
    t = await createTestApp('meetings', { clock });
    editionId = (await t.db.query('SELECT id FROM editions WHERE year = 2027'))[0].id;
    for (const row of await t.db.query(`SELECT email, organization_id FROM users WHERE email LIKE '%@demo.test'`)) org[row.email] = row.organization_id;
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.get(`/api/events/${editionId}/meetings`)).status).toBe(401);
    expect((await t.http.post(`/api/events/${editionId}/meetings`).send({ counterpartId: NO_MEETING })).status).toBe(401);
    for (const path of ['', '/history']) expect((await t.http.get(`/api/meetings/${NO_MEETING}${path}`)).status).toBe(401);
    for (const path of ['/review', '/respond', '/cancel']) expect((await t.http.post(`/api/meetings/${NO_MEETING}${path}`).send({})).status).toBe(401);
    expect((await t.http.get('/api/notifications')).status).toBe(401);
  });

  describe('a party cannot see another party\u2019s meeting', () => {
    let jp1cn1: string;
    let jp2cn2: string;

    beforeAll(async () => {
      await clearMeetings();
      jp1cn1 = await approvedRequest(JP[0], CN[0]);
      jp2cn2 = (await post(BUREAU, { jpOrganizationId: org[JP[1]], cnOrganizationId: org[CN[1]] })).body.id;
    });

    it('answers 404 to a third company on every meeting endpoint, and changes nothing', async () => {
      for (const stranger of [JP[1], JP[2], CN[1], CN[2]]) {
        const h = await t.as(stranger);
        expect((await t.http.get(`/api/meetings/${jp1cn1}`).set(h)).status).toBe(404);
        expect((await t.http.get(`/api/meetings/${jp1cn1}/history`).set(h)).status).toBe(404);
        expect((await t.http.post(`/api/meetings/${jp1cn1}/review`).set(h).send({ decision: 'approve' })).status).toBe(404);
        expect((await t.http.post(`/api/meetings/${jp1cn1}/respond`).set(h).send({ decision: 'accept' })).status).toBe(404);
        expect((await t.http.post(`/api/meetings/${jp1cn1}/cancel`).set(h).send({ reason: 'mine now' })).status).toBe(404);
      }
      expect(await status(jp1cn1)).toBe('approved');
      expect(await transitions(jp1cn1)).toHaveLength(2);
    });

    it('lists to each company only the meetings it is a party of; the bureau sees all', async () => {
      for (const email of [...JP, ...CN]) {
        const res = await t.http.get(`/api/events/${editionId}/meetings?pageSize=100`).set(await t.as(email));
        expect(res.status).toBe(200);
        for (const m of res.body.items) expect([m.jpOrganization.id, m.cnOrganization.id]).toContain(org[email]);
        const expected = ({ [JP[0]]: [jp1cn1], [CN[0]]: [jp1cn1], [JP[1]]: [jp2cn2], [CN[1]]: [jp2cn2] } as Record<string, string[]>)[email] ?? [];
        expect(res.body.items.map((m: { id: string }) => m.id)).toEqual(expected);
        expect(res.body.total).toBe(expected.length);
      }
      // A party's organization filter cannot widen its view.
      const filtered = await t.http.get(`/api/events/${editionId}/meetings?organizationId=${org[JP[1]]}`).set(await t.as(CN[0]));
      expect(filtered.body.items).toEqual([]);
      const all = await t.http.get(`/api/events/${editionId}/meetings`).set(await t.as(BUREAU));
      expect(all.body.items.map((m: { id: string }) => m.id).sort()).toEqual([jp1cn1, jp2cn2].sort());
    });

    it('answers 404 for an unknown meeting or event, 400 for a malformed id', async () => {
      const h = await t.as(BUREAU);
      expect((await t.http.get(`/api/meetings/${NO_MEETING}`).set(h)).status).toBe(404);
      expect((await t.http.get(`/api/events/${NO_MEETING}/meetings`).set(h)).status).toBe(404);
      const bad = await t.http.get('/api/meetings/42').set(h);
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('id');
    });
  });

  describe('input', () => {
    it.each([
      ['status', { status: 'accepted' }],
      ['version', { version: 7 }],
      ['jpOrganizationId', { jpOrganizationId: NO_MEETING }],
      ['createdBy', { createdBy: NO_MEETING }],
      ['priority', { priority: 4 }],
      ['counterpartId', { counterpartId: 'cn1' }],
    ])('refuses a request carrying a bad or forbidden %s with 400 naming it', async (field, patch) => {
      const res = await post(JP[0], { counterpartId: org[CN[2]], ...patch });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await t.db.query('SELECT id FROM meetings WHERE cn_organization_id = $1', [org[CN[2]]])).toEqual([]);
    });

    it.each([
      ['review', { decision: 'approve', status: 'approved' }, 'status'],
      ['review', { decision: 'maybe' }, 'decision'],
      ['respond', { decision: 'accept', version: 3 }, 'version'],
      ['respond', { decision: 'yes' }, 'decision'],
      ['respond', {}, 'decision'],
      ['cancel', {}, 'reason'],
    ])('refuses a %s body %j with 400 naming %s', async (endpoint, body, field) => {
      const res = await t.http
        .post(`/api/meetings/${NO_MEETING}/${endpoint}`)
        .set(await t.as(BUREAU))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses a counterpart that is not a Ji\u2019nan company, and an offer of another company', async () => {
      const notCn = await post(JP[0], { counterpartId: org[JP[1]] });
      expect(notCn.status).toBe(400);
      expect(notCn.body.details[0].field).toBe('counterpartId');
      const [offer] = await t.db.query(`SELECT id FROM offers WHERE organization_id = $1 AND status = 'published' LIMIT 1`, [org[CN[1]]]);
      const wrongOffer = await post(JP[0], { counterpartId: org[CN[2]], offerId: offer.id });
      expect(wrongOffer.status).toBe(400);
      expect(wrongOffer.body.details[0].field).toBe('offerId');
    });

    it('lets only Japanese firms request and the bureau propose', async () => {
      const res = await post(CN[0], { counterpartId: org[CN[1]] });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('MEETING_ONLY_JAPANESE_FIRMS_REQUEST');
    });
  });

  describe('a request: requested → approved → accepted | declined, requested → rejected', () => {
    beforeAll(clearMeetings);

    it('a Japanese firm requests; about the offer, with its sector, a deadline 72 h on and the bureau told', async () => {
      const [offer] = await t.db.query(`SELECT id, sector FROM offers WHERE organization_id = $1 AND status = 'published' LIMIT 1`, [org[CN[0]]]);
      const res = await post(JP[0], { counterpartId: org[CN[0]], offerId: offer.id, message: '御社の技術に関心があります', priority: 1 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'requested',
        origin: 'request',
        sector: offer.sector,
        priority: 1,
        version: 1,
        yourSide: 'jp',
        awaiting: ['bureau'],
        // No matching run yet: the pair is scored on demand (issue 12), so the score is there from the start.
        matchScore: expect.any(Number),
        answerDeadline: '2027-03-04T00:00:00.000Z',
        offer: { id: offer.id },
      });
      const [{ bureau, cn }] = await t.db.query(
        `SELECT count(*) FILTER (WHERE u.role = 'bureau')::int AS bureau, count(*) FILTER (WHERE u.role = 'cn')::int AS cn
           FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.meeting_id = $1`,
        [res.body.id],
      );
      expect({ bureau, cn }).toEqual({ bureau: 1, cn: 1 });
    });

    it('refuses a second request for the same pair with 409 naming the existing meeting', async () => {
      const [{ id }] = await t.db.query('SELECT id FROM meetings');
      for (const [email, body] of [
        [JP[0], { counterpartId: org[CN[0]] }],
        [BUREAU, { jpOrganizationId: org[JP[0]], cnOrganizationId: org[CN[0]] }],
      ] as const) {
        const again = await post(email, body);
        expect(again.status).toBe(409);
        expect(again.body.code).toBe('MEETING_PAIR_EXISTS');
        expect(again.body.message).toContain(id);
      }
    });

    it('only the bureau reviews: the parties get 403, an answer before review 409 naming the state', async () => {
      const [{ id }] = await t.db.query('SELECT id FROM meetings');
      for (const party of [JP[0], CN[0]]) {
        const res = await review(party, id, { decision: 'approve' });
        expect(res.status).toBe(403);
      }
      const early = await respond(CN[0], id, { decision: 'accept' });
      expect(early.status).toBe(409);
      expect(early.body.message).toBe('cannot accept a meeting that is requested');
      const noNote = await review(BUREAU, id, { decision: 'reject' });
      expect(noNote.status).toBe(400);
      expect(noNote.body.details[0].field).toBe('note');
      expect(await status(id)).toBe('requested');
    });

    it('the bureau approves; then only the Ji\u2019nan company answers (requester, bureau: 403)', async () => {
      const [{ id }] = await t.db.query('SELECT id FROM meetings');
      const approved = await review(BUREAU, id, { decision: 'approve', note: 'good fit' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', version: 2, awaiting: ['cn'] });
      expect((await review(BUREAU, id, { decision: 'approve' })).status).toBe(409);
      for (const wrong of [JP[0], BUREAU]) {
        const res = await respond(wrong, id, { decision: 'accept' });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('MEETING_NOT_YOUR_TURN');
      }
      // Before acceptance neither party sees the other's contact details.
      const seen = await t.http.get(`/api/meetings/${id}`).set(await t.as(JP[0]));
      expect(seen.body.cnOrganization.contacts).toBeNull();
      expect(seen.body.jpOrganization.contacts[0]).toMatchObject({ email: 'jp1@demo.test' });
      const bureauView = await t.http.get(`/api/meetings/${id}`).set(await t.as(BUREAU));
      expect(bureauView.body.cnOrganization.contacts[0]).toMatchObject({ email: 'cn1@demo.test', phone: '+86 531 0000 0001' });
    });

    it('the Ji\u2019nan company accepts; from then on each party sees the other\u2019s contacts', async () => {
      const [{ id }] = await t.db.query('SELECT id FROM meetings');
      const accepted = await respond(CN[0], id, { decision: 'accept' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', version: 3, answerDeadline: null, yourSide: 'cn' });
      expect(accepted.body.jpOrganization.contacts).toEqual([{ fullName: '佐藤 健 (Sato Ken)', email: 'jp1@demo.test', phone: '+81 3 0000 0001' }]);
      const jpView = await t.http.get(`/api/meetings/${id}`).set(await t.as(JP[0]));
      expect(jpView.body.cnOrganization.contacts[0]).toMatchObject({ email: 'cn1@demo.test' });
      expect((await respond(CN[0], id, { decision: 'decline' })).body.message).toBe('cannot decline a meeting that is accepted');
    });

    it('keeps the history: actor, from, to, when, note', async () => {
      const [{ id }] = await t.db.query('SELECT id FROM meetings');
      const res = await t.http.get(`/api/meetings/${id}/history`).set(await t.as(JP[0]));
      expect(res.status).toBe(200);
      expect(res.body.map((h: { action: string; from: string; to: string; actor: { role: string } }) => [h.action, h.from, h.to, h.actor.role])).toEqual([
        ['request', null, 'requested', 'jp'],
        ['approve', 'requested', 'approved', 'bureau'],
        ['accept', 'approved', 'accepted', 'cn'],
      ]);
      expect(res.body[1]).toMatchObject({ note: 'good fit', at: '2027-03-01T00:00:00.000Z', actor: { fullName: '王芳 (Wang Fang)' } });
      // The other party's delegate is not named to the Japanese firm.
      expect(res.body[2].actor.fullName).toBeNull();
    });

    it('a declined request and a rejected one are final', async () => {
      const declined = await approvedRequest(JP[1], CN[1]);
      expect((await respond(CN[1], declined, { decision: 'decline', reason: 'not our field' })).body.status).toBe('declined');
      const rejectedReq = await post(JP[2], { counterpartId: org[CN[2]] });
      const rejected = await review(BUREAU, rejectedReq.body.id, { decision: 'reject', note: 'outside the programme' });
      expect(rejected.body).toMatchObject({ status: 'rejected', answerDeadline: null });
      expect((await respond(CN[2], rejectedReq.body.id, { decision: 'accept' })).status).toBe(409);
      expect((await review(BUREAU, declined, { decision: 'approve' })).body.message).toBe('cannot approve a meeting that is declined');
    });

    it('the requester withdraws a pending request; the other party cannot cancel it', async () => {
      await clearMeetings();
      const { body } = await post(JP[0], { counterpartId: org[CN[0]] });
      expect(
        (
          await t.http
            .post(`/api/meetings/${body.id}/cancel`)
            .set(await t.as(CN[0]))
            .send({ reason: 'no' })
        ).status,
      ).toBe(403);
      const withdrawn = await t.http
        .post(`/api/meetings/${body.id}/cancel`)
        .set(await t.as(JP[0]))
        .send({ reason: 'plans changed' });
      expect(withdrawn.body.status).toBe('cancelled');
    });
  });

  describe('a proposal: proposed → accepted when both parties accept', () => {
    let id: string;
    beforeAll(async () => {
      await clearMeetings();
      const res = await post(BUREAU, { jpOrganizationId: org[JP[1]], cnOrganizationId: org[CN[1]], priority: 3, message: 'A strong match' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'proposed', origin: 'proposal', awaiting: ['jp', 'cn'], yourSide: null });
      id = res.body.id;
    });

    it('is not reviewed by the bureau, nor answered by the bureau', async () => {
      expect((await review(BUREAU, id, { decision: 'approve' })).status).toBe(409);
      expect((await respond(BUREAU, id, { decision: 'accept' })).status).toBe(403);
    });

    it('the Ji\u2019nan company accepts once; the Japanese firm\u2019s acceptance completes it', async () => {
      const first = await respond(CN[1], id, { decision: 'accept' });
      expect(first.body).toMatchObject({ status: 'proposed', awaiting: ['jp'] });
      expect(first.body.cnAcceptedAt).toBe('2027-03-01T00:00:00.000Z');
      const twice = await respond(CN[1], id, { decision: 'accept' });
      expect(twice.status).toBe(409);
      expect(twice.body.message).toContain('already accepted');
      const second = await respond(JP[1], id, { decision: 'accept' });
      expect(second.body).toMatchObject({ status: 'accepted', awaiting: ['system'] });
      expect((await transitions(id)).map((r) => r.to_status)).toEqual(['proposed', 'proposed', 'accepted']);
    });

    it('either party may decline a proposal', async () => {
      const other = await post(BUREAU, { jpOrganizationId: org[JP[2]], cnOrganizationId: org[CN[2]] });
      expect((await respond(JP[2], other.body.id, { decision: 'decline' })).body.status).toBe('declined');
    });

    it('records the bureau\u2019s proposal in the audit log', async () => {
      const rows = await t.db.query(`SELECT action, details FROM audit_log WHERE entity = 'meeting' AND entity_id = $1 ORDER BY id`, [id]);
      expect(rows).toEqual([{ action: 'meeting.propose', details: { to: 'proposed', jpOrganizationId: org[JP[1]], cnOrganizationId: org[CN[1]] } }]);
    });
  });

  describe('the slot: scheduled → confirmed by both, declined slot → accepted (placed again)', () => {
    let id: string;
    const released: string[] = [];

    beforeAll(async () => {
      await clearMeetings();
      id = await approvedRequest(JP[0], CN[0]);
      await respond(CN[0], id, { decision: 'accept' });
      // The scheduling module registers this hook to drop the booking in the same transaction.
      t.app.get(MeetingTransitionsService).onSlotReleased(async (tx: EntityManager, m: Meeting) => {
        const [{ status: inTx }] = await tx.query('SELECT status FROM meetings WHERE id = $1', [m.id]);
        released.push(`${m.id}:${inTx}`);
      });
    });

    it('the scheduler places it; the parties cannot confirm before the bureau publishes', async () => {
      const transitionsService = t.app.get(MeetingTransitionsService);
      await t.db.transaction((tx) => transitionsService.apply(tx, id, 'schedule', null));
      expect(await status(id)).toBe('scheduled');
      const early = await respond(JP[0], id, { decision: 'accept' });
      expect(early.status).toBe(409);
      expect(early.body.message).toContain('not published');
      const [{ id: bureauId }] = await t.db.query('SELECT id FROM users WHERE email = $1', [BUREAU]);
      const bureauUser = { id: bureauId, role: 'bureau' as const, organizationId: null, timeZone: 'Asia/Shanghai' };
      await t.db.transaction((tx) => transitionsService.apply(tx, id, 'publish', bureauUser));
    });

    it('each party confirms; the second confirmation makes it confirmed', async () => {
      expect((await respond(JP[0], id, { decision: 'accept' })).body).toMatchObject({ status: 'scheduled', awaiting: ['cn'] });
      expect((await respond(JP[0], id, { decision: 'accept' })).status).toBe(409);
      expect((await respond(BUREAU, id, { decision: 'accept' })).status).toBe(403);
      expect((await respond(CN[0], id, { decision: 'accept' })).body.status).toBe('confirmed');
    });

    it('a party declining the confirmed slot sends the meeting back to accepted and releases the booking in that transaction', async () => {
      const res = await respond(CN[0], id, { decision: 'decline', reason: 'our CEO cannot come that afternoon' });
      expect(res.body).toMatchObject({ status: 'accepted', slotPublishedAt: null, jpConfirmedAt: null, cnConfirmedAt: null });
      expect(released).toEqual([`${id}:accepted`]);
      expect((await transitions(id)).slice(-1)[0]).toMatchObject({ action: 'decline', from_status: 'confirmed', to_status: 'accepted', actor_role: 'cn' });
    });
  });

  it('20 concurrent answers to one meeting: exactly one succeeds, the others get 409, one transition recorded', async () => {
    await clearMeetings();
    const id = await approvedRequest(JP[2], CN[2]);
    const headers = await t.as(CN[2]);
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http
          .post(`/api/meetings/${id}/respond`)
          .set(headers)
          .send({ decision: i % 2 ? 'decline' : 'accept' }),
      ),
    );
    const elapsed = Date.now() - started;
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([200, ...Array(19).fill(409)]);
    const winner = results.find((r) => r.status === 200)?.body.status;
    for (const loser of results.filter((r) => r.status === 409)) expect(loser.body.message).toContain(`a meeting that is ${winner}`);
    const fromApproved = (await transitions(id)).filter((r) => r.from_status === 'approved');
    expect(fromApproved).toHaveLength(1);
    const [{ version }] = await t.db.query('SELECT version FROM meetings WHERE id = $1', [id]);
    expect(version).toBe(3);
    console.log(
      `race: 20 concurrent respond calls in ${elapsed} ms → ${codes.filter((c) => c === 200).length}×200, ${codes.filter((c) => c === 409).length}×409`,
    );
  });

  describe('Idempotency-Key', () => {
    beforeAll(clearMeetings);

    it('two identical POSTs with one key create one meeting and answer the same', async () => {
      const body = { counterpartId: org[CN[1]], message: 'hello', priority: 2 };
      const [a, b] = await Promise.all([post(JP[0], body, 'key-1'), post(JP[0], { priority: 2, message: 'hello', counterpartId: org[CN[1]] }, 'key-1')]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.id).toBe(a.body.id);
      expect(await t.db.query('SELECT id FROM meetings WHERE jp_organization_id = $1', [org[JP[0]]])).toHaveLength(1);
      const replay = await post(JP[0], body, 'key-1');
      expect(replay.body).toEqual(a.body);
    });

    it('the same key with a different body is refused with 422 and creates nothing', async () => {
      const res = await post(JP[0], { counterpartId: org[CN[2]] }, 'key-1');
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await t.db.query('SELECT id FROM meetings WHERE jp_organization_id = $1', [org[JP[0]]])).toHaveLength(1);
    });

    it('keys are per user, and a malformed key is a 400 naming the header', async () => {
      expect((await post(JP[1], { counterpartId: org[CN[2]] }, 'key-1')).status).toBe(201);
      const bad = await post(JP[2], { counterpartId: org[CN[2]] }, 'x'.repeat(201));
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('Idempotency-Key');
    });
  });

  describe('expiry and the pending quota (injected clock)', () => {
    const service = () => t.app.get(MeetingsService);

    beforeAll(async () => {
      await clearMeetings();
      clock.set('2027-03-01T00:00:00Z');
      await t.db.query('UPDATE editions SET max_pending_requests = 2 WHERE id = $1', [editionId]);
    });
    afterAll(() => t.db.query('UPDATE editions SET max_pending_requests = 30 WHERE id = $1', [editionId]));

    it('caps a firm\u2019s pending requests', async () => {
      expect((await post(JP[2], { counterpartId: org[CN[0]] })).status).toBe(201);
      clock.advanceHours(1);
      expect((await post(JP[2], { counterpartId: org[CN[1]] })).status).toBe(201);
      const third = await post(JP[2], { counterpartId: org[CN[2]] });
      expect(third.status).toBe(409);
      expect(third.body.code).toBe('MEETING_QUOTA_REACHED');
    });

    it('shows the bureau the requests about to expire, soonest first', async () => {
      clock.set('2027-03-03T22:30:00Z');
      const res = await t.http.get(`/api/events/${editionId}/meetings?expiringWithinHours=2`).set(await t.as(BUREAU));
      expect(res.body.items.map((m: { answerDeadline: string }) => m.answerDeadline)).toEqual(['2027-03-04T00:00:00.000Z']);
    });

    it('expires nothing before the deadline, each request at its deadline, and frees the quota', async () => {
      expect(await service().expireOverdue(new Date('2027-03-03T23:59:59Z'))).toEqual({ expired: [] });
      clock.set('2027-03-04T00:00:00Z');
      const first = await service().expireOverdue(clock.now());
      expect(first.expired).toHaveLength(1);
      expect(await t.db.query(`SELECT status, answer_deadline FROM meetings WHERE id = $1`, [first.expired[0]])).toEqual([
        { status: 'expired', answer_deadline: null },
      ]);
      expect((await transitions(first.expired[0])).slice(-1)[0]).toEqual({
        action: 'expire',
        from_status: 'requested',
        to_status: 'expired',
        actor_role: 'system',
      });
      // One slot of the quota is free again.
      expect((await post(JP[2], { counterpartId: org[CN[2]] })).status).toBe(201);
      clock.set('2027-03-04T01:00:00Z');
      expect((await service().expireOverdue(clock.now())).expired).toHaveLength(1);
      const expiredView = await t.http.get(`/api/meetings/${first.expired[0]}`).set(await t.as(CN[0]));
      expect(expiredView.body).toMatchObject({ status: 'expired', awaiting: [] });
      expect((await respond(CN[0], first.expired[0], { decision: 'accept' })).status).toBe(409);
    });

    it('never sets a deadline past the start of the event', async () => {
      await clearMeetings();
      clock.set('2027-05-25T12:00:00Z');
      const res = await post(JP[0], { counterpartId: org[CN[0]] });
      // 72 h later would be 28 May; the event starts 27 May 00:00 in Ji'nan (+08:00).
      expect(res.body.answerDeadline).toBe('2027-05-26T16:00:00.000Z');
      clock.set('2027-03-01T00:00:00Z');
    });
  });

  describe('notifications', () => {
    it('queues one per affected user with the transition, lists them to that user only, and mails them', async () => {
      await clearMeetings();
      await t.db.query('DELETE FROM notifications');
      const id = await approvedRequest(JP[0], CN[0]);
      const cn1 = await t.http.get('/api/notifications').set(await t.as(CN[0]));
      expect(cn1.status).toBe(200);
      expect(cn1.body.items[0]).toMatchObject({ meetingId: id, action: 'approve', from: 'requested', to: 'approved', readAt: null });
      expect(cn1.body.items[0].counterpartName.ja).toBeTruthy();
      expect((await t.http.get('/api/notifications').set(await t.as(CN[1]))).body.items).toEqual([]);
      const read = await t.http.post(`/api/notifications/${cn1.body.items[0].id}/read`).set(await t.as(CN[0]));
      expect(read.body.readAt).toBe('2027-03-01T00:00:00.000Z');
      expect((await t.http.post(`/api/notifications/${cn1.body.items[0].id}/read`).set(await t.as(CN[1]))).status).toBe(404);

      const sent = await t.app.get(NotificationsService).sendPending();
      expect(sent.sent).toBeGreaterThan(0);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE email_status <> 'sent'`)).toEqual([{ n: 0 }]);
    });

    it('a refused transition queues nothing', async () => {
      const [{ id }] = await t.db.query('SELECT id FROM meetings');
      const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM notifications');
      expect((await respond(JP[0], id, { decision: 'accept' })).status).toBe(403);
      const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM notifications');
      expect(after).toBe(before);
    });
  });
});
