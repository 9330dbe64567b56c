import { createTestApp, TestApp } from './support/test-app';

/** `count` accepted health meetings between distinct pairs of verified organizations. */
async function acceptedMeetings(t: TestApp, editionId: string, count: number): Promise<string[]> {
  const rows: { id: string }[] = await t.db.query(
    `WITH pairs AS (
       SELECT jp.id AS jp_id, cn.id AS cn_id, cn.sectors[1] AS sector
         FROM organizations jp JOIN organizations cn ON cn.country = 'CN' AND cn.sectors[1] = 'health'
        WHERE jp.country = 'JP' AND jp.verification = 'verified' AND cn.verification = 'verified'
        ORDER BY jp.id, cn.id LIMIT $2)
     INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, cn_accepted_at)
     SELECT $1, jp_id, cn_id, 'request', sector, 'accepted', now() FROM pairs RETURNING id`,
    [editionId, count],
  );
  return rows.map((r) => r.id);
}

describe('the bureau places a meeting by hand (PATCH /api/meetings/:id/booking)', () => {
  let t: TestApp;
  let editionId: string;
  let meetings: string[];
  let slots: { id: string; starts_at: Date }[];

  beforeAll(async () => {
    t = await createTestApp('booking_moves');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    meetings = await acceptedMeetings(t, editionId, 30);
    slots = await t.db.query(
      `SELECT s.id, s.starts_at FROM slots s JOIN programme_sessions p ON p.id = s.session_id WHERE s.edition_id = $1 AND p.sector = 'health' ORDER BY s.starts_at`,
      [editionId],
    );
  });
  afterAll(() => t.close());

  const move = async (meetingId: string, body: object, email = 'bureau@demo.test') =>
    t.http
      .patch(`/api/meetings/${meetingId}/booking`)
      .set(await t.as(email))
      .send(body);

  it('rejects a caller without a token', async () => {
    expect((await t.http.patch(`/api/meetings/${meetings[0]}/booking`).send({ slotId: slots[0].id, tableNumber: 1 })).status).toBe(401);
  });

  it('is the bureau\u2019s alone', async () => {
    for (const email of ['jp1@demo.test', 'cn1@demo.test']) {
      expect((await move(meetings[0], { slotId: slots[0].id, tableNumber: 1 }, email)).status).toBe(403);
    }
  });

  it('refuses a malformed body naming the fields', async () => {
    const res = await move(meetings[0], { slotId: 'x', tableNumber: 0 });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['slotId', 'tableNumber']);
  });

  it('answers 404 for a slot or table that does not exist', async () => {
    expect((await move(meetings[0], { slotId: '00000000-0000-4000-8000-000000000000', tableNumber: 1 })).body.code).toBe('BOOKING_SLOT_NOT_FOUND');
    expect((await move(meetings[0], { slotId: slots[0].id, tableNumber: 999 })).body.code).toBe('BOOKING_TABLE_NOT_FOUND');
  });

  it('keeps a meeting in its sector\u2019s session', async () => {
    const [other] = await t.db.query(
      `SELECT s.id FROM slots s JOIN programme_sessions p ON p.id = s.session_id WHERE s.edition_id = $1 AND p.sector <> 'health' LIMIT 1`,
      [editionId],
    );
    const res = await move(meetings[0], { slotId: other.id, tableNumber: 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BOOKING_WRONG_SESSION');
  });

  it('places an accepted meeting, which becomes scheduled with its history', async () => {
    const res = await move(meetings[0], { slotId: slots[0].id, tableNumber: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ meetingId: meetings[0], status: 'scheduled', slotId: slots[0].id, tableNumber: 1 });
    const [{ action }] = await t.db.query(`SELECT action FROM meeting_transitions WHERE meeting_id = $1 ORDER BY at DESC LIMIT 1`, [meetings[0]]);
    expect(action).toBe('schedule');
  });

  it('answers 409 for a table already taken at that time, and books nothing', async () => {
    const res = await move(meetings[1], { slotId: slots[0].id, tableNumber: 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SCHEDULE_DOUBLE_BOOKING');
    expect(await t.db.query(`SELECT 1 FROM bookings WHERE meeting_id = $1`, [meetings[1]])).toEqual([]);
  });

  it('lets exactly one of many concurrent moves into one table win', async () => {
    const contenders = meetings.slice(2, 22);
    // Later than the first booking, whose parties may also be among the contenders'.
    const slot = slots.find((s) => s.starts_at.getTime() > slots[0].starts_at.getTime())!;
    const answers = await Promise.all(contenders.map((id) => move(id, { slotId: slot.id, tableNumber: 2 })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(contenders.length - 1);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM bookings b JOIN negotiation_tables nt ON nt.id = b.table_id WHERE b.slot_id = $1 AND nt.number = 2`,
      [slot.id],
    );
    expect(n).toBe(1);
  });
});
