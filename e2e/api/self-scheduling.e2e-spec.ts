import { createTestApp, TestApp } from './support/test-app';

const BUREAU = 'bureau@demo.test';

/**
 * Scheduling modes (issue 17): in `organiser` mode nobody but the optimiser gives a time;
 * in `participants` mode the accepting party books a slot at once, the parties can move it
 * by proposal, racing acceptances are decided by the bookings' exclusion constraints, and
 * the optimiser keeps self-booked meetings where they are.
 */
describe('self-scheduling', () => {
  let t: TestApp;
  let editionId: string;
  const org: Record<string, string> = {};

  const as = (email: string) => t.as(email);
  const options = async (email: string, id: string) =>
    t.http
      .get(`/api/meetings/${id}/slot-options`)
      .set(await as(email))
      .send();
  const respond = async (email: string, id: string, body: object) =>
    t.http
      .post(`/api/meetings/${id}/respond`)
      .set(await as(email))
      .send(body);
  const setMode = async (schedulingMode: string) =>
    t.http
      .patch(`/api/events/${editionId}`)
      .set(await as(BUREAU))
      .send({ schedulingMode });
  /** jp → cn request, approved by the bureau. */
  const approvedRequest = async (jp: string, cn: string) => {
    const created = await t.http
      .post(`/api/events/${editionId}/meetings`)
      .set(await as(jp))
      .send({ counterpartId: org[cn] });
    expect(created.status).toBe(201);
    expect(
      (
        await t.http
          .post(`/api/meetings/${created.body.id}/review`)
          .set(await as(BUREAU))
          .send({ decision: 'approve' })
      ).status,
    ).toBe(200);
    return created.body.id as string;
  };
  const booking = async (meetingId: string) =>
    (await t.db.query(`SELECT b.slot_id, b.table_id, b.run_id FROM bookings b WHERE b.meeting_id = $1`, [meetingId]))[0] as
      | { slot_id: string; table_id: string; run_id: string | null }
      | undefined;

  beforeAll(async () => {
    t = await createTestApp('self_scheduling');
    editionId = (await t.db.query('SELECT id FROM editions WHERE year = 2027'))[0].id;
    for (const row of await t.db.query(`SELECT email, organization_id FROM users WHERE email LIKE '%@demo.test'`)) org[row.email] = row.organization_id;
  });
  afterAll(() => t.close());

  describe('organiser mode (the default)', () => {
    let meetingId: string;
    beforeAll(async () => {
      meetingId = await approvedRequest('jp2@demo.test', 'cn2@demo.test');
    });

    it('is the default and offers no slots to the parties', async () => {
      const edition = await t.http.get(`/api/events/${editionId}`).set(await as('cn2@demo.test'));
      expect(edition.body.schedulingMode).toBe('organiser');
      expect(edition.body.reminders).toEqual({
        noRequest: true,
        noRequestDays: 3,
        answerDue: true,
        unconfirmedSlot: true,
        feedbackDue: true,
        followUpDue: true,
      });
      const res = await options('cn2@demo.test', meetingId);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SELF_BOOKING_NOT_ENABLED');
    });

    it('refuses an acceptance with a slot, and leaves the meeting as it was', async () => {
      const [{ id: slotId }] = await t.db.query(`SELECT id FROM slots WHERE edition_id = $1 LIMIT 1`, [editionId]);
      const res = await respond('cn2@demo.test', meetingId, { decision: 'accept', slotId });
      expect(res.status).toBe(409);
      expect((await t.db.query(`SELECT status FROM meetings WHERE id = $1`, [meetingId]))[0].status).toBe('approved');
      expect(await booking(meetingId)).toBeUndefined();
    });

    it('a plain acceptance works as before: accepted, no booking', async () => {
      const res = await respond('cn2@demo.test', meetingId, { decision: 'accept' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('accepted');
      expect(await booking(meetingId)).toBeUndefined();
    });
  });

  describe('PATCH /api/events/:eventId', () => {
    it('is for the bureau only, and names a bad field', async () => {
      expect(
        (
          await t.http
            .patch(`/api/events/${editionId}`)
            .set(await as('cn1@demo.test'))
            .send({ schedulingMode: 'participants' })
        ).status,
      ).toBe(403);
      const bad = await t.http
        .patch(`/api/events/${editionId}`)
        .set(await as(BUREAU))
        .send({ schedulingMode: 'anarchy', reminders: { noRequestDays: 0 } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['reminders.noRequestDays', 'schedulingMode']);
    });

    it('sets the mode and merges reminder settings, audited', async () => {
      const res = await t.http
        .patch(`/api/events/${editionId}`)
        .set(await as(BUREAU))
        .send({ schedulingMode: 'participants', reminders: { noRequestDays: 5, followUpDue: false } });
      expect(res.status).toBe(200);
      expect(res.body.schedulingMode).toBe('participants');
      expect(res.body.reminders).toEqual({ noRequest: true, noRequestDays: 5, answerDue: true, unconfirmedSlot: true, feedbackDue: true, followUpDue: false });
      const again = await t.http
        .patch(`/api/events/${editionId}`)
        .set(await as(BUREAU))
        .send({ reminders: { followUpDue: true } });
      expect(again.body.reminders.noRequestDays).toBe(5);
      expect(again.body.reminders.followUpDue).toBe(true);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'event.update' AND entity_id = $1`, [editionId]);
      expect(n).toBe(2);
    });
  });

  describe('the race for the last table', () => {
    const RACERS = 10;
    let slotId: string;
    const racers: { email: string; meetingId: string }[] = [];

    beforeAll(async () => {
      expect((await setMode('participants')).status).toBe(200);
      // One table in the first environment session: one slot, one free table.
      const [session] = await t.db.query(
        `SELECT id FROM programme_sessions WHERE edition_id = $1 AND kind = 'negotiation' AND sector = 'environment' ORDER BY starts_at LIMIT 1`,
        [editionId],
      );
      const patched = await t.http
        .patch(`/api/events/${editionId}/sessions/${session.id}`)
        .set(await as(BUREAU))
        .send({ tableCount: 1 });
      expect(patched.status).toBe(200);
      [{ id: slotId }] = await t.db.query(`SELECT id FROM slots WHERE session_id = $1 ORDER BY index LIMIT 1`, [session.id]);
      // Ten pairs with no party in common, each a Ji'nan company with its own account, each request approved.
      const pairs: { jp: string; cn: string }[] = await t.db.query(
        `SELECT jp.id AS jp, cn.id AS cn
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE country = 'JP' AND verification = 'verified') jp
           JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE country = 'CN' AND verification = 'verified' AND 'environment' = ANY(sectors)) cn
             ON cn.n = jp.n
          WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.jp_organization_id = jp.id AND m.cn_organization_id = cn.id)
          ORDER BY jp.n LIMIT $1`,
        [RACERS],
      );
      expect(pairs).toHaveLength(RACERS);
      for (const [i, pair] of pairs.entries()) {
        const email = `racer${i}@demo.test`;
        await t.db.query(
          `INSERT INTO users (email, role, organization_id, full_name, locale, time_zone, password_hash, token_version, consent)
           SELECT $1, 'cn', $2, 'Racer ' || $3, 'zh-CN', 'Asia/Shanghai', password_hash, 0, consent FROM users WHERE email = 'cn1@demo.test'
           ON CONFLICT (email) DO NOTHING`,
          [email, pair.cn, i],
        );
        const [m] = await t.db.query(
          `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, priority, status, jp_accepted_at, answer_deadline)
           VALUES ($1, $2, $3, 'request', 'environment', 2, 'approved', now(), now() + interval '3 days') RETURNING id`,
          [editionId, pair.jp, pair.cn],
        );
        racers.push({ email, meetingId: m.id });
        await t.token(email);
        const offered = await options(email, m.id);
        expect(offered.body.options.map((o: { slotId: string }) => o.slotId)).toContain(slotId);
      }
    });

    it(`${RACERS} parallel acceptances aiming at one slot with one free table: 1 × 200, ${RACERS - 1} × 409 with fresh options, no double booking`, async () => {
      const started = Date.now();
      const results = await Promise.all(racers.map((r) => respond(r.email, r.meetingId, { decision: 'accept', slotId })));
      const elapsed = Date.now() - started;
      const statuses = results.map((r) => r.status).sort();
      console.log(`race: ${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 409).length} × 409 in ${elapsed} ms`);
      expect(statuses).toEqual([200, ...Array(RACERS - 1).fill(409)]);
      for (const lost of results.filter((r) => r.status === 409)) {
        expect(lost.body.code).toBe('SELF_BOOKING_SLOT_TAKEN');
        expect(Array.isArray(lost.body.options)).toBe(true);
        expect(lost.body.options.length).toBeGreaterThan(0);
        expect(lost.body.options.map((o: { slotId: string }) => o.slotId)).not.toContain(slotId);
      }
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM bookings WHERE slot_id = $1`, [slotId]);
      expect(n).toBe(1);
      // The losers' acceptances rolled back with their bookings: still waiting for an answer.
      const statusesInDb = await t.db.query(`SELECT status, count(*)::int AS n FROM meetings WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`, [
        racers.map((r) => r.meetingId),
      ]);
      expect(statusesInDb).toEqual([
        { status: 'approved', n: RACERS - 1 },
        { status: 'scheduled', n: 1 },
      ]);
      // A loser picks one of its fresh options and gets it.
      const loser = racers[results.findIndex((r) => r.status === 409)];
      const retry = await respond(loser.email, loser.meetingId, { decision: 'accept', slotId: results.find((r) => r.status === 409)!.body.options[0].slotId });
      expect(retry.status).toBe(200);
    });
  });

  describe('participants mode', () => {
    let meetingId: string;
    let chosen: { slotId: string; startsAt: string };

    beforeAll(async () => {
      expect((await setMode('participants')).status).toBe(200);
      meetingId = await approvedRequest('jp1@demo.test', 'cn1@demo.test');
    });

    it('lists slots where both are free, in the viewer\u2019s zone and the event\u2019s; strangers see nothing', async () => {
      const cn = await options('cn1@demo.test', meetingId);
      expect(cn.status).toBe(200);
      expect(cn.body.editionZone).toBe('Asia/Shanghai');
      expect(cn.body.options.length).toBeGreaterThan(5);
      const jp = await options('jp1@demo.test', meetingId);
      expect(jp.body.zone).toBe('Asia/Tokyo');
      const first = jp.body.options[0];
      expect(first.startsAt).toMatch(/\+09:00$/);
      expect(first.editionStartsAt).toMatch(/\+08:00$/);
      expect(Date.parse(first.startsAt)).toBe(Date.parse(first.editionStartsAt));
      expect(jp.body.options.map((o: { slotId: string }) => o.slotId)).toEqual(cn.body.options.map((o: { slotId: string }) => o.slotId));
      expect((await options('cn2@demo.test', meetingId)).status).toBe(404);
      // Only slots of the meeting's sector.
      const [{ sector }] = await t.db.query(`SELECT sector FROM meetings WHERE id = $1`, [meetingId]);
      const sectors = await t.db.query(`SELECT DISTINCT p.sector FROM slots s JOIN programme_sessions p ON p.id = s.session_id WHERE s.id = ANY($1::uuid[])`, [
        cn.body.options.map((o: { slotId: string }) => o.slotId),
      ]);
      expect(sectors).toEqual([{ sector }]);
    });

    it('leaves out slots when a party is away or has its delegates busy', async () => {
      const before = (await options('cn1@demo.test', meetingId)).body.options;
      const away = before[0];
      await t.db.query(
        `INSERT INTO participations (edition_id, organization_id, absent) VALUES ($1, $2, tstzmultirange(tstzrange($3::timestamptz, $4::timestamptz)))
         ON CONFLICT (edition_id, organization_id) DO UPDATE SET absent = EXCLUDED.absent`,
        [editionId, org['cn1@demo.test'], away.startsAt, away.endsAt],
      );
      const after = (await options('cn1@demo.test', meetingId)).body.options;
      expect(after.map((o: { slotId: string }) => o.slotId)).not.toContain(away.slotId);
      expect(after).toHaveLength(before.length - 1);
      await t.db.query(`UPDATE participations SET absent = '{}' WHERE organization_id = $1`, [org['cn1@demo.test']]);
    });

    it('accepting with a slot books a table at once; both agendas show it, in both zones', async () => {
      const list = (await options('cn1@demo.test', meetingId)).body.options;
      chosen = list[list.length - 1];
      const res = await respond('cn1@demo.test', meetingId, { decision: 'accept', slotId: chosen.slotId });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('scheduled');
      expect((await booking(meetingId))?.slot_id).toBe(chosen.slotId);
      for (const [email, offset] of [
        ['jp1@demo.test', '+09:00'],
        ['cn1@demo.test', '+08:00'],
      ]) {
        const agenda = await t.http.get(`/api/events/${editionId}/agenda`).set(await as(email));
        const item = agenda.body.items.find((i: { meetingId: string }) => i.meetingId === meetingId);
        expect(item).toBeDefined();
        expect(item.startsAt.endsWith(offset)).toBe(true);
        expect(item.editionStartsAt.endsWith('+08:00')).toBe(true);
      }
      const history = await t.db.query(`SELECT action, actor_role FROM meeting_transitions WHERE meeting_id = $1 ORDER BY id`, [meetingId]);
      expect(history.map((h: { action: string }) => h.action)).toEqual(['request', 'approve', 'accept', 'schedule', 'publish', 'accept']);
    });

    it('either party proposes another slot; the proposer cannot answer; a decline keeps the booking, an acceptance moves it', async () => {
      const list = (await options('jp1@demo.test', meetingId)).body.options;
      expect(list.map((o: { slotId: string }) => o.slotId)).not.toContain(chosen.slotId);
      const proposed = await t.http
        .post(`/api/meetings/${meetingId}/slot-proposals`)
        .set(await as('jp1@demo.test'))
        .send({ slotId: list[0].slotId });
      expect(proposed.status).toBe(201);
      expect(proposed.body.startsAt).toMatch(/\+09:00$/);
      const second = await t.http
        .post(`/api/meetings/${meetingId}/slot-proposals`)
        .set(await as('cn1@demo.test'))
        .send({ slotId: list[1].slotId });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('SLOT_PROPOSAL_OPEN');
      const own = await t.http
        .post(`/api/meetings/${meetingId}/slot-proposals/${proposed.body.id}/answer`)
        .set(await as('jp1@demo.test'))
        .send({ decision: 'accept' });
      expect(own.status).toBe(403);
      const stranger = await t.http
        .post(`/api/meetings/${meetingId}/slot-proposals/${proposed.body.id}/answer`)
        .set(await as('cn2@demo.test'))
        .send({ decision: 'accept' });
      expect(stranger.status).toBe(404);
      const declined = await t.http
        .post(`/api/meetings/${meetingId}/slot-proposals/${proposed.body.id}/answer`)
        .set(await as('cn1@demo.test'))
        .send({ decision: 'decline' });
      expect(declined.status).toBe(200);
      expect((await booking(meetingId))?.slot_id).toBe(chosen.slotId);

      const again = await t.http
        .post(`/api/meetings/${meetingId}/slot-proposals`)
        .set(await as('cn1@demo.test'))
        .send({ slotId: list[0].slotId });
      expect(again.status).toBe(201);
      const accepted = await t.http
        .post(`/api/meetings/${meetingId}/slot-proposals/${again.body.id}/answer`)
        .set(await as('jp1@demo.test'))
        .send({ decision: 'accept' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.map((p: { status: string }) => p.status)).toEqual(['accepted', 'declined']);
      expect((await booking(meetingId))?.slot_id).toBe(list[0].slotId);
      expect((await t.db.query(`SELECT status FROM meetings WHERE id = $1`, [meetingId]))[0].status).toBe('confirmed');
      chosen = list[0];
    });

    it('the optimiser run keeps self-booked meetings where they are and places the rest', async () => {
      // The self-booked meeting only confirmed by one side, to show the pin and not the confirmation keeps it.
      await t.db.query(`UPDATE meetings SET status = 'scheduled', jp_confirmed_at = NULL WHERE id = $1`, [meetingId]);
      const before = await booking(meetingId);
      const others: { id: string }[] = await t.db.query(
        `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, priority, status, cn_accepted_at)
         SELECT $1, jp.id, cn.id, 'request', cn.sectors[1], 2, 'accepted', now()
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE country = 'JP' AND verification = 'verified' AND id <> $2) jp
           JOIN (SELECT id, sectors, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE country = 'CN' AND verification = 'verified' AND id <> $3) cn ON cn.n = jp.n
          WHERE jp.n <= 6
            -- (organisations pair up in id order: skip a pair an earlier case already gave a meeting, e.g. jp2 and cn2)
            AND NOT EXISTS (SELECT 1 FROM meetings x WHERE x.edition_id = $1 AND x.jp_organization_id = jp.id AND x.cn_organization_id = cn.id)
          RETURNING id`,
        [editionId, org['jp1@demo.test'], org['cn1@demo.test']],
      );
      const created = await t.http
        .post(`/api/events/${editionId}/schedule/runs`)
        .set(await as(BUREAU))
        .send({ seed: 3 });
      expect(created.status).toBe(202);
      let run = created.body;
      for (let i = 0; i < 300 && !['succeeded', 'failed'].includes(run.status); i++) {
        await new Promise((r) => setTimeout(r, 100));
        run = (await t.http.get(`/api/events/${editionId}/schedule/runs/${created.body.id}`).set(await as(BUREAU))).body;
      }
      expect(run.status).toBe('succeeded');
      const after = await booking(meetingId);
      // Not rewritten by the run (a moved or re-placed booking carries the run's id).
      expect(after).toEqual(before);
      expect(after?.run_id).toBeNull();
      const placed = await t.db.query(`SELECT count(*)::int AS n FROM bookings WHERE meeting_id = ANY($1::uuid[]) AND run_id = $2`, [
        others.map((o) => o.id),
        created.body.id,
      ]);
      expect(placed[0].n).toBe(others.length);
    });

    it('a cancelled self-booked meeting frees its slot and is no longer pinned', async () => {
      const res = await t.http
        .post(`/api/meetings/${meetingId}/cancel`)
        .set(await as('jp1@demo.test'))
        .send({ reason: 'plans changed' });
      expect(res.status).toBe(200);
      expect(await booking(meetingId)).toBeUndefined();
      expect((await t.db.query(`SELECT self_booked_at FROM meetings WHERE id = $1`, [meetingId]))[0].self_booked_at).toBeNull();
    });
  });
});
