import { createTestApp, TestApp } from './support/test-app';

/** Accepted meetings straight in the table: the scheduling API is what is under test here. */
async function seedAcceptedMeetings(t: TestApp, editionId: string, count: number): Promise<string[]> {
  const rows: { id: string }[] = await t.db.query(
    `WITH jp AS (SELECT id, sectors[1] AS sector, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE country = 'JP' AND verification = 'verified'),
          cn AS (SELECT id, sectors[1] AS sector, row_number() OVER (PARTITION BY sectors[1] ORDER BY id) AS n FROM organizations WHERE country = 'CN' AND verification = 'verified'),
          pairs AS (SELECT jp.id AS jp_id, cn.id AS cn_id, jp.sector FROM jp JOIN cn ON cn.sector = jp.sector AND cn.n IN (jp.n % 5 + 1, jp.n % 5 + 2) ORDER BY jp.n, cn.n LIMIT $2)
     INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, priority, status, cn_accepted_at)
     SELECT $1, jp_id, cn_id, 'request', sector, 2, 'accepted', now() FROM pairs RETURNING id`,
    [editionId, count],
  );
  return rows.map((r) => r.id);
}

async function waitForRun(t: TestApp, editionId: string, runId: string) {
  const headers = await t.as('bureau@demo.test');
  for (let i = 0; i < 100; i++) {
    const res = await t.http.get(`/api/events/${editionId}/schedule/runs/${runId}`).set(headers);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('run did not finish in 10 s');
}

describe('scheduling through the API', () => {
  let t: TestApp;
  let editionId: string;
  let meetingIds: string[];

  beforeAll(async () => {
    t = await createTestApp('scheduling');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    meetingIds = await seedAcceptedMeetings(t, editionId, 40);
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.post(`/api/events/${editionId}/schedule/runs`).send({})).status).toBe(401);
    expect((await t.http.get(`/api/events/${editionId}/agenda`)).status).toBe(401);
  });

  it('lets only the bureau run the scheduler and read the grid', async () => {
    for (const email of ['jp1@demo.test', 'cn1@demo.test']) {
      expect(
        (
          await t.http
            .post(`/api/events/${editionId}/schedule/runs`)
            .set(await t.as(email))
            .send({})
        ).status,
      ).toBe(403);
      expect((await t.http.get(`/api/events/${editionId}/schedule`).set(await t.as(email))).status).toBe(403);
    }
  });

  it('refuses bad options naming the field', async () => {
    const res = await t.http
      .post(`/api/events/${editionId}/schedule/runs`)
      .set(await t.as('bureau@demo.test'))
      .send({ pin: ['x'], seed: -1 });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['pin', 'seed']);
  });

  it('places every meeting of a small edition, with statistics and a bound, and marks them scheduled', async () => {
    expect(meetingIds).toHaveLength(40);
    const created = await t.http
      .post(`/api/events/${editionId}/schedule/runs`)
      .set(await t.as('bureau@demo.test'))
      .send({ seed: 7 });
    expect(created.status).toBe(202);
    expect(created.body.status).toBe('queued');
    const run = await waitForRun(t, editionId, created.body.id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('succeeded');
    expect(run.statistics).toMatchObject({ requested: 40, placed: 40, gap: 0 });
    expect(run.statistics.upperBound).toBeGreaterThanOrEqual(run.statistics.weightedPlaced);
    expect(run.leftOut).toEqual([]);
    const [{ scheduled }] = await t.db.query(`SELECT count(*)::int AS scheduled FROM meetings WHERE status = 'scheduled' AND id = ANY($1)`, [meetingIds]);
    expect(scheduled).toBe(40);
    const grid = await t.http.get(`/api/events/${editionId}/schedule`).set(await t.as('bureau@demo.test'));
    expect(grid.body.bookings).toHaveLength(40);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM meeting_transitions WHERE action = 'schedule' AND meeting_id = ANY($1)`, [meetingIds]);
    expect(n).toBe(40);
  });

  it('places each meeting in its own sector\u2019s session, within the session\u2019s time', async () => {
    const [{ wrong }] = await t.db.query(
      `SELECT count(*)::int AS wrong FROM bookings b JOIN meetings m ON m.id = b.meeting_id JOIN programme_sessions s ON s.id = b.session_id
        WHERE s.sector <> m.sector OR NOT tstzrange(s.starts_at, s.ends_at) @> b.during`,
    );
    expect(wrong).toBe(0);
  });

  it('keeps unpublished slots out of the parties\u2019 agendas but shows them to the bureau', async () => {
    const [{ jp_organization_id: jp }] = await t.db.query(`SELECT jp_organization_id FROM meetings WHERE id = $1`, [meetingIds[0]]);
    const bureau = await t.http
      .get(`/api/events/${editionId}/agenda`)
      .query({ organizationId: jp, zone: 'Asia/Tokyo' })
      .set(await t.as('bureau@demo.test'));
    expect(bureau.status).toBe(200);
    expect(bureau.body.items.length).toBeGreaterThan(0);
    const item = bureau.body.items[0];
    // Same instant: Tokyo is one hour ahead of the edition's Shanghai time.
    expect(item.startsAt.endsWith('+09:00')).toBe(true);
    expect(item.editionStartsAt.endsWith('+08:00')).toBe(true);
    expect(new Date(item.startsAt).getTime()).toBe(new Date(item.editionStartsAt).getTime());
    expect(Number(item.startsAt.slice(11, 13)) - Number(item.editionStartsAt.slice(11, 13))).toBe(1);
    const own = await t.http.get(`/api/events/${editionId}/agenda`).set(await t.as('jp1@demo.test'));
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([]);
  });

  it('refuses an agenda zone that is not IANA, naming the field', async () => {
    const res = await t.http
      .get(`/api/events/${editionId}/agenda`)
      .query({ zone: 'Tokyo' })
      .set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('zone');
  });

  it('returns the latest run to the bureau', async () => {
    const latest = await t.http.get(`/api/events/${editionId}/schedule/runs/latest`).set(await t.as('bureau@demo.test'));
    expect(latest.status).toBe(200);
    const [{ id }] = await t.db.query(`SELECT id FROM schedule_runs ORDER BY created_at DESC LIMIT 1`);
    expect(latest.body.id).toBe(id);
    expect((await t.http.get(`/api/events/${editionId}/schedule/runs/latest`).set(await t.as('cn1@demo.test'))).status).toBe(403);
  });

  it('re-runs without moving anything when nothing changed', async () => {
    const before = await t.db.query(`SELECT meeting_id, slot_id, table_id FROM bookings ORDER BY meeting_id`);
    const created = await t.http
      .post(`/api/events/${editionId}/schedule/runs`)
      .set(await t.as('bureau@demo.test'))
      .send({ seed: 7 });
    const run = await waitForRun(t, editionId, created.body.id);
    expect(run.statistics.moved).toBe(0);
    expect(await t.db.query(`SELECT meeting_id, slot_id, table_id FROM bookings ORDER BY meeting_id`)).toEqual(before);
  });

  it('leaves out excluded meetings and says why for meetings that cannot be placed', async () => {
    const [jpOrg] = await t.db.query(`SELECT jp_organization_id AS id FROM meetings WHERE id = $1`, [meetingIds[1]]);
    // The firm is away for every half-day: none of its meetings can be placed.
    await t.db.query(
      `INSERT INTO participations (edition_id, organization_id, absent)
       SELECT $1, $2, range_agg(tstzrange(starts_at, ends_at)) FROM programme_sessions WHERE edition_id = $1 AND kind = 'negotiation'`,
      [editionId, jpOrg.id],
    );
    const created = await t.http
      .post(`/api/events/${editionId}/schedule/runs`)
      .set(await t.as('bureau@demo.test'))
      .send({ exclude: [meetingIds[2]] });
    const run = await waitForRun(t, editionId, created.body.id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('succeeded');
    const absentMeetings: { id: string }[] = await t.db.query(`SELECT id FROM meetings WHERE jp_organization_id = $1 AND id <> $2`, [jpOrg.id, meetingIds[2]]);
    const reasons = new Map(run.leftOut.map((l: { meetingId: string; code: string; message: string }) => [l.meetingId, l]));
    for (const { id } of absentMeetings) {
      expect(reasons.get(id)).toMatchObject({ code: 'NO_COMMON_FREE_SLOT' });
    }
    const [{ status }] = await t.db.query(`SELECT status FROM meetings WHERE id = $1`, [absentMeetings[0].id]);
    expect(status).toBe('accepted');
  });

  it('counts gaps per day once the edition says it has no break (PATCH gapScope), and reports completeness and gaps', async () => {
    const bureau = await t.as('bureau@demo.test');
    const bad = await t.http.patch(`/api/events/${editionId}`).set(bureau).send({ gapScope: 'week' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['gapScope']);
    const patched = await t.http.patch(`/api/events/${editionId}`).set(bureau).send({ gapScope: 'day' });
    expect(patched.status).toBe(200);
    expect(patched.body.gapScope).toBe('day');
    const created = await t.http.post(`/api/events/${editionId}/schedule/runs`).set(bureau).send({ maxGapsPerOrganization: 1 });
    expect(created.status).toBe(202);
    const run = await waitForRun(t, editionId, created.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.statistics.gaps).toMatchObject({ scope: 'day', lowerBound: 0 });
    expect(run.statistics.gaps.total).toBeGreaterThanOrEqual(0);
    // Meetings of an absent party are left out: completeness is proven impossible, with a bound below the requests.
    expect(run.statistics.completeness.status).toBe('impossible');
    expect(run.statistics.completeness.bound).toBeLessThan(run.statistics.completeness.requestedWeight);
    await t.http.patch(`/api/events/${editionId}`).set(bureau).send({ gapScope: 'half_day' });
  });
});

describe('publishing the schedule and declining a slot', () => {
  let t: TestApp;
  let editionId: string;

  beforeAll(async () => {
    t = await createTestApp('scheduling_publish');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    // jp1's firm meets cn1's company: both demo delegates can then act on it.
    await t.db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, priority, status, cn_accepted_at)
       SELECT $1, jp.organization_id, cn.organization_id, 'request', 'health', 1, 'accepted', now()
         FROM users jp, users cn WHERE jp.email = 'jp1@demo.test' AND cn.email = 'cn1@demo.test'`,
      [editionId],
    );
    const created = await t.http
      .post(`/api/events/${editionId}/schedule/runs`)
      .set(await t.as('bureau@demo.test'))
      .send({});
    expect((await waitForRun(t, editionId, created.body.id)).statistics.placed).toBe(1);
  });
  afterAll(() => t.close());

  it('lets only the bureau publish', async () => {
    expect(
      (
        await t.http
          .post(`/api/events/${editionId}/schedule/publish`)
          .set(await t.as('jp1@demo.test'))
          .send({})
      ).status,
    ).toBe(403);
  });

  it('publishes only the sessions named: another session has nothing to publish (409) and the slot stays unpublished', async () => {
    const [booked] = await t.db.query(`SELECT b.session_id FROM bookings b JOIN meetings m ON m.id = b.meeting_id WHERE m.edition_id = $1`, [editionId]);
    const [other] = await t.db.query(`SELECT id FROM programme_sessions WHERE edition_id = $1 AND id <> $2 LIMIT 1`, [editionId, booked.session_id]);
    const res = await t.http
      .post(`/api/events/${editionId}/schedule/publish`)
      .set(await t.as('bureau@demo.test'))
      .send({ sessionIds: [other.id] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SCHEDULE_NOTHING_TO_PUBLISH');
    const [{ unpublished }] = await t.db.query(
      `SELECT count(*)::int AS unpublished FROM meetings WHERE edition_id = $1 AND status = 'scheduled' AND slot_published_at IS NULL`,
      [editionId],
    );
    expect(unpublished).toBe(1);
  });

  it('publishes, notifies both parties, and shows the slot in both agendas at their local times', async () => {
    const res = await t.http
      .post(`/api/events/${editionId}/schedule/publish`)
      .set(await t.as('bureau@demo.test'))
      .send({});
    expect(res.status).toBe(200);
    expect(res.body.published).toBe(1);
    const jp = await t.http.get(`/api/events/${editionId}/agenda`).set(await t.as('jp1@demo.test'));
    const cn = await t.http.get(`/api/events/${editionId}/agenda`).set(await t.as('cn1@demo.test'));
    expect(jp.body.zone).toBe('Asia/Tokyo');
    expect(cn.body.zone).toBe('Asia/Shanghai');
    expect(jp.body.items).toHaveLength(1);
    expect(cn.body.items).toHaveLength(1);
    // The same meeting, one hour later on the Tokyo clock.
    expect(jp.body.items[0].meetingId).toBe(cn.body.items[0].meetingId);
    expect(jp.body.items[0].startsAt.slice(11, 16)).toBe('14:30');
    expect(cn.body.items[0].startsAt.slice(11, 16)).toBe('13:30');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email IN ('jp1@demo.test', 'cn1@demo.test') AND n.payload->>'action' = 'publish'`,
    );
    expect(n).toBe(2);
  });

  it('answers 409 when there is nothing left to publish', async () => {
    const res = await t.http
      .post(`/api/events/${editionId}/schedule/publish`)
      .set(await t.as('bureau@demo.test'))
      .send({});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SCHEDULE_NOTHING_TO_PUBLISH');
  });

  it('a party declining the slot sends the meeting back to be placed again and frees the slot', async () => {
    const meetingId = (await t.http.get(`/api/events/${editionId}/agenda`).set(await t.as('jp1@demo.test'))).body.items[0].meetingId;
    const res = await t.http
      .post(`/api/meetings/${meetingId}/respond`)
      .set(await t.as('jp1@demo.test'))
      .send({ decision: 'decline', reason: 'flight changed' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('accepted');
    expect(await t.db.query(`SELECT 1 FROM bookings WHERE meeting_id = $1`, [meetingId])).toEqual([]);
    for (const email of ['jp1@demo.test', 'cn1@demo.test']) {
      expect((await t.http.get(`/api/events/${editionId}/agenda`).set(await t.as(email))).body.items).toEqual([]);
    }
  });
});

describe('the database refuses double bookings whatever the code does', () => {
  let t: TestApp;
  let editionId: string;

  beforeAll(async () => {
    t = await createTestApp('scheduling_constraints');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
  });
  afterAll(() => t.close());

  /** A booking row for meeting `m` at slot `slot` and table `table`, with the given seats. */
  const book = (m: { id: string; jp: string; cn: string }, slot: { id: string; session_id: string }, tableId: string, jpSeat = 1, cnSeat = 1) =>
    t.db.query(
      `INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat)
       SELECT $1, $2, $3, s.id, $5, s.during, $6, $7, $8, $9 FROM slots s WHERE s.id = $4`,
      [m.id, editionId, slot.session_id, slot.id, tableId, m.jp, jpSeat, m.cn, cnSeat],
    );

  async function meeting(jpOffset: number, cnOffset: number) {
    const [row] = await t.db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, priority, status, cn_accepted_at)
       VALUES ($1, (SELECT id FROM organizations WHERE country = 'JP' AND delegates = 1 ORDER BY id OFFSET $2 LIMIT 1),
                   (SELECT id FROM organizations WHERE country = 'CN' AND delegates = 1 ORDER BY id OFFSET $3 LIMIT 1),
               'request', 'health', 2, 'scheduled', now())
       RETURNING id, jp_organization_id AS jp, cn_organization_id AS cn`,
      [editionId, jpOffset, cnOffset],
    );
    return row as { id: string; jp: string; cn: string };
  }

  const pgCode = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'ok';
    } catch (e) {
      return (e as { driverError?: { constraint?: string } }).driverError?.constraint ?? String(e);
    }
  };

  it('refuses two meetings at one table in one slot, one delegate in two meetings at once, and a seat that does not exist', async () => {
    const [slot] = await t.db.query(
      `SELECT s.id, s.session_id FROM slots s JOIN programme_sessions p ON p.id = s.session_id WHERE p.edition_id = $1 AND p.sector = 'health' ORDER BY s.starts_at LIMIT 1`,
      [editionId],
    );
    const [table1, table2] = await t.db.query(`SELECT id FROM negotiation_tables WHERE session_id = $1 ORDER BY number LIMIT 2`, [slot.session_id]);
    const a = await meeting(0, 0);
    const b = await meeting(1, 1);
    const c = await meeting(0, 2); // shares the Japanese firm (one delegate) with a
    expect(await pgCode(book(a, slot, table1.id))).toBe('ok');
    expect(await pgCode(book(b, slot, table1.id))).toBe('bookings_table_once');
    expect(await pgCode(book(c, slot, table2.id))).toBe('bookings_jp_capacity');
    expect(await pgCode(book(c, slot, table2.id, 2))).toBe('bookings_jp_seat');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM bookings`);
    expect(n).toBe(1);
  });

  it('refuses a booking whose time is not its slot\u2019s, and a slot of another session', async () => {
    const [slot] = await t.db.query(
      `SELECT s.id, s.session_id FROM slots s JOIN programme_sessions p ON p.id = s.session_id WHERE p.edition_id = $1 AND p.sector = 'digital' ORDER BY s.starts_at LIMIT 1`,
      [editionId],
    );
    const [otherTable] = await t.db.query(
      `SELECT t.id FROM negotiation_tables t JOIN programme_sessions p ON p.id = t.session_id WHERE p.edition_id = $1 AND p.sector = 'environment' LIMIT 1`,
      [editionId],
    );
    const m = await meeting(3, 3);
    expect(await pgCode(book(m, slot, otherTable.id))).toBe('bookings_table');
    const wrongTime = t.db.query(
      `INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat)
       SELECT $1, $2, s.session_id, s.id, (SELECT id FROM negotiation_tables WHERE session_id = s.session_id LIMIT 1),
              tstzrange(s.starts_at, s.ends_at + interval '1 hour'), $4, 1, $5, 1 FROM slots s WHERE s.id = $3`,
      [m.id, editionId, slot.id, m.jp, m.cn],
    );
    expect(await pgCode(wrongTime)).toBe('bookings_slot');
  });

  it('checks pins before queueing: an unknown meeting is named, a pin whose party is now absent is refused naming meeting and rule', async () => {
    const bureau = await t.as('bureau@demo.test');
    const unknown = '00000000-0000-4000-8000-000000000011';
    const res = await t.http
      .post(`/api/events/${editionId}/schedule/runs`)
      .set(bureau)
      .send({ pin: [unknown] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SCHEDULE_UNKNOWN_PIN');
    expect(res.body.message).toContain(unknown);

    const [booked] = await t.db.query(`SELECT meeting_id, jp_organization_id, during FROM bookings WHERE edition_id = $1 ORDER BY meeting_id LIMIT 1`, [
      editionId,
    ]);
    // The party is now away during the slot it is booked in (a site visit added later).
    await t.db.query(
      `INSERT INTO participations (edition_id, organization_id, absent) VALUES ($1, $2, tstzmultirange($3::tstzrange))
       ON CONFLICT (edition_id, organization_id) DO UPDATE SET absent = EXCLUDED.absent`,
      [editionId, booked.jp_organization_id, booked.during],
    );
    const conflict = await t.http
      .post(`/api/events/${editionId}/schedule/runs`)
      .set(bureau)
      .send({ pin: [booked.meeting_id] });
    expect(conflict.status).toBe(422);
    expect(conflict.body.code).toBe('SCHEDULE_PIN_CONFLICT');
    expect(conflict.body.message).toContain('PIN_PARTY_ABSENT');
    expect(conflict.body.message).toContain(booked.meeting_id);
    const [{ queued }] = await t.db.query(`SELECT count(*)::int AS queued FROM schedule_runs WHERE edition_id = $1 AND status = 'queued'`, [editionId]);
    expect(queued).toBe(0);
    await t.db.query(`UPDATE participations SET absent = '{}' WHERE edition_id = $1 AND organization_id = $2`, [editionId, booked.jp_organization_id]);
  });

  it('refuses a second scheduler run while one is queued (409)', async () => {
    await t.db.query(`INSERT INTO schedule_runs (edition_id, status) VALUES ($1, 'queued')`, [editionId]);
    const res = await t.http
      .post(`/api/events/${editionId}/schedule/runs`)
      .set(await t.as('bureau@demo.test'))
      .send({});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SCHEDULE_RUN_IN_PROGRESS');
  });
});
