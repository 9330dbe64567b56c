import { createTestApp, TestApp } from './support/test-app';

describe('events (editions) and their programme', () => {
  let t: TestApp;
  let editionId: string;

  beforeAll(async () => {
    t = await createTestApp('events');
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.get('/api/events')).status).toBe(401);
  });

  it('lists the seeded 2027 edition on 27–28 May', async () => {
    const res = await t.http.get('/api/events').set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ year: 2027, startDate: '2027-05-27', endDate: '2027-05-28', timeZone: 'Asia/Shanghai' })]);
    editionId = res.body[0].id;
  });

  it('returns the "1 + 3" programme with slots and tables, times with the +08:00 offset', async () => {
    const res = await t.http.get(`/api/events/${editionId}`).set(await t.as('cn1@demo.test'));
    expect(res.status).toBe(200);
    const negotiations = res.body.sessions.filter((s: { kind: string }) => s.kind === 'negotiation');
    expect(negotiations).toHaveLength(9);
    const day1Health = negotiations.find((s: { sector: string; startsAt: string }) => s.sector === 'health' && s.startsAt.startsWith('2027-05-27'));
    expect(day1Health.startsAt).toBe('2027-05-27T13:30:00+08:00');
    // 13:30–17:30 in 20-minute slots = 12 slots; 40 tables each.
    expect(day1Health.slots).toHaveLength(12);
    expect(day1Health.slots[0]).toMatchObject({ index: 0, startsAt: '2027-05-27T13:30:00+08:00', endsAt: '2027-05-27T13:50:00+08:00' });
    expect(day1Health.tables).toHaveLength(40);
    expect(res.body.sessions.map((s: { kind: string }) => s.kind)).toEqual(expect.arrayContaining(['plenary', 'site_visit', 'break']));
  });

  it('answers 404 for an unknown edition and 400 for a malformed id', async () => {
    const headers = await t.as('cn1@demo.test');
    expect((await t.http.get('/api/events/00000000-0000-4000-8000-000000000000').set(headers)).status).toBe(404);
    const bad = await t.http.get('/api/events/2027').set(headers);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('eventId');
  });

  it('creates an edition with default dates from the rule (2029: Thursday 31 May has its Friday in June → 24–25 May)', async () => {
    const res = await t.http
      .post('/api/events')
      .set(await t.as('bureau@demo.test'))
      .send({ year: 2029, tablesPerSession: 12, slotMinutes: 30 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2029, startDate: '2029-05-24', endDate: '2029-05-25', slotMinutes: 30 });
    const health = res.body.sessions.find((s: { kind: string; sector: string }) => s.kind === 'negotiation' && s.sector === 'health');
    // 13:30–17:30 in 30-minute slots = 8 slots.
    expect(health.slots).toHaveLength(8);
    expect(health.tables).toHaveLength(12);
  });

  it('lets the organiser override the dates', async () => {
    const res = await t.http
      .post('/api/events')
      .set(await t.as('bureau@demo.test'))
      .send({ year: 2030, startDate: '2030-06-06' });
    expect(res.body).toMatchObject({ startDate: '2030-06-06', endDate: '2030-06-07' });
  });

  it('refuses a second edition for the same year with 409', async () => {
    const res = await t.http
      .post('/api/events')
      .set(await t.as('bureau@demo.test'))
      .send({ year: 2027 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EVENT_YEAR_TAKEN');
  });

  it('refuses an edition from a delegate (403) and bad input naming the field (400)', async () => {
    expect(
      (
        await t.http
          .post('/api/events')
          .set(await t.as('cn1@demo.test'))
          .send({ year: 2031 })
      ).status,
    ).toBe(403);
    const bad = await t.http
      .post('/api/events')
      .set(await t.as('bureau@demo.test'))
      .send({ year: 2031, timeZone: 'Nowhere/City' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('timeZone');
    const badDate = await t.http
      .post('/api/events')
      .set(await t.as('bureau@demo.test'))
      .send({ year: 2031, startDate: '2031-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.details[0].field).toBe('startDate');
  });

  it('reshapes a negotiation session: 10 tables and 30-minute slots regenerate its grid', async () => {
    const event = (await t.http.get(`/api/events/${editionId}`).set(await t.as('bureau@demo.test'))).body;
    const session = event.sessions.find((s: { kind: string; sector: string }) => s.kind === 'negotiation' && s.sector === 'digital');
    const res = await t.http
      .patch(`/api/events/${editionId}/sessions/${session.id}`)
      .set(await t.as('bureau@demo.test'))
      .send({ tableCount: 10, slotMinutes: 30 });
    expect(res.status).toBe(200);
    const updated = res.body.sessions.find((s: { id: string }) => s.id === session.id);
    expect(updated.tables).toHaveLength(10);
    expect(updated.slots).toHaveLength(8);
  });
});
