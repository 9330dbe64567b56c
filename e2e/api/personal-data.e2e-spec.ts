import { createTestApp, TestApp } from './support/test-app';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/demo-seed';
import { demoParties, insertMeeting } from './reports-fixtures';

/** PIPL / APPI: a person can see everything stored about them, withdraw consent, and be erased. */
describe('personal data: export, consent, erasure', () => {
  let t: TestApp;
  let meetingId: string;
  let cn1Id: string;

  beforeAll(async () => {
    t = await createTestApp('personal_data');
    const editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    const p = await demoParties(t);
    meetingId = await insertMeeting(t, editionId, { jp: p.jp[0], cn: p.cn[0], sector: 'health', status: 'accepted', createdAt: '2027-03-01T02:00:00Z' });
    [{ id: cn1Id }] = await t.db.query(`SELECT id FROM users WHERE email = 'cn1@demo.test'`);
    const cn1 = await t.as('cn1@demo.test');
    expect((await t.http.post(`/api/meetings/${meetingId}/messages`).set(cn1).send({ body: '我的手机是 13800000000，请联系。' })).status).toBe(201);
    expect(
      (
        await t.http
          .post(`/api/meetings/${meetingId}/messages`)
          .set(await t.as('jp1@demo.test'))
          .send({ body: 'ありがとうございます' })
      ).status,
    ).toBe(201);
    expect((await t.http.patch('/api/me').set(cn1).send({ phone: '+86 138 0000 0000' })).status).toBe(200);
    await t.db.query(
      `INSERT INTO meeting_feedback (meeting_id, organization_id, author_id, stage, rating, outcome, note) VALUES ($1, $2, $3, 'initial', 4, 'follow_up_planned', '王先生很专业')`,
      [meetingId, p.cn[0], cn1Id],
    );
    expect((await t.http.post('/api/me/calendar-feed').set(cn1)).status).toBe(201);
  });
  afterAll(() => t.close());

  it('GET /api/me/data returns profile, consent, organisation, meetings, messages, feedback, notifications and audit entries — and no secrets', async () => {
    const res = await t.http.get('/api/me/data').set(await t.as('cn1@demo.test'));
    expect(res.status).toBe(200);
    const data = res.body;
    expect(data.profile).toMatchObject({ id: cn1Id, email: 'cn1@demo.test', phone: '+86 138 0000 0000' });
    expect(data.consent).toMatchObject({ shareProfile: true, shareContactWithAcceptedCounterparts: true });
    expect(data.organization).toMatchObject({ country: 'CN' });
    expect(data.meetings).toEqual(expect.arrayContaining([expect.objectContaining({ id: meetingId, status: 'accepted' })]));
    expect(data.messages).toEqual([expect.objectContaining({ meetingId, body: '我的手机是 13800000000，请联系。' })]);
    expect(data.feedback).toEqual([expect.objectContaining({ meetingId, note: '王先生很专业' })]);
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.auditEntries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'user.profile_updated', relation: 'by them' })]));
    expect(data.calendarFeeds).toHaveLength(1);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/password_hash|passwordHash|token_hash|\$argon2/);
  });

  it('consent can be viewed and withdrawn, and the withdrawal is audited', async () => {
    const cn1 = await t.as('cn1@demo.test');
    expect((await t.http.get('/api/me/consent').set(cn1)).body).toMatchObject({ shareProfile: true, shareContactWithAcceptedCounterparts: true });
    const res = await t.http.patch('/api/me/consent').set(cn1).send({ shareContactWithAcceptedCounterparts: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ shareContactWithAcceptedCounterparts: false, recordedAt: expect.any(String) });
    expect((await t.http.get('/api/me/consent').set(cn1)).body.shareContactWithAcceptedCounterparts).toBe(false);
    const [entry] = await t.db.query(`SELECT details FROM audit_log WHERE action = 'user.consent_changed' AND actor_id = $1`, [cn1Id]);
    expect(entry.details).toEqual({ shareContactWithAcceptedCounterparts: { from: true, to: false } });
  });

  it('DELETE /api/me needs the password', async () => {
    const res = await t.http
      .delete('/api/me')
      .set(await t.as('cn1@demo.test'))
      .send({ password: 'not-my-password' });
    expect(res.status).toBe(403);
    expect(
      (
        await t.http
          .delete('/api/me')
          .set(await t.as('cn1@demo.test'))
          .send({})
      ).status,
    ).toBe(400);
  });

  it('DELETE /api/me anonymises the person everywhere, keeps the meeting with "former delegate", revokes tokens and feeds, and is audited', async () => {
    const cn1 = await t.as('cn1@demo.test');
    const feedPath = new URL((await t.http.post('/api/me/calendar-feed').set(cn1)).body.url).pathname;
    expect((await t.http.delete('/api/me').set(cn1).send({ password: DEMO_PASSWORD })).status).toBe(204);

    expect((await t.http.get('/api/me').set(cn1)).status).toBe(401);
    expect((await t.http.get(feedPath)).status).toBe(404);
    expect((await t.http.post('/api/auth/login').send({ email: 'cn1@demo.test', password: DEMO_PASSWORD })).status).toBe(401);

    const [user] = await t.db.query(`SELECT email, full_name, phone, consent, anonymised_at FROM users WHERE id = $1`, [cn1Id]);
    expect(user).toMatchObject({ email: `erased-${cn1Id}@erased.invalid`, full_name: 'former delegate', phone: null, consent: {} });
    expect(user.anonymised_at).not.toBeNull();
    const everything = JSON.stringify(
      await Promise.all(
        ['users', 'notifications', 'meeting_messages', 'meeting_feedback', 'meeting_transitions', 'audit_log', 'password_resets', 'calendar_feeds'].map(
          (table) => t.db.query(`SELECT * FROM ${table}`),
        ),
      ),
    );
    expect(everything).not.toContain('cn1@demo.test');
    expect(everything).not.toContain('13800000000');
    expect(everything).not.toContain('138 0000 0000');
    expect(everything).not.toContain('王先生很专业');

    // The meeting stays, the counterpart's message stays, the person's name is "former delegate".
    const thread = await t.http.get(`/api/meetings/${meetingId}/messages`).set(await t.as('jp1@demo.test'));
    expect(thread.status).toBe(200);
    expect(JSON.stringify(thread.body)).toContain('ありがとうございます');
    const [meeting] = await t.db.query(`SELECT status FROM meetings WHERE id = $1`, [meetingId]);
    expect(meeting.status).toBe('accepted');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [cn1Id]);
    expect(n).toBe(0);
    const [erased] = await t.db.query(`SELECT actor_id, details FROM audit_log WHERE action = 'user.erased' AND entity_id = $1`, [cn1Id]);
    expect(erased).toMatchObject({ actor_id: cn1Id, details: { requestedBy: 'the person' } });
  });

  it('the bureau can export and erase a person on request; nobody else can', async () => {
    const [{ id: jp2Id }] = await t.db.query(`SELECT id FROM users WHERE email = 'jp2@demo.test'`);
    expect((await t.http.get(`/api/users/${jp2Id}/data`).set(await t.as('jp1@demo.test'))).status).toBe(403);
    expect(
      (
        await t.http
          .post(`/api/users/${jp2Id}/erasure`)
          .set(await t.as('jp1@demo.test'))
          .send({ reason: 'x' })
      ).status,
    ).toBe(403);
    const jp2 = await t.as('jp2@demo.test');
    const exported = await t.http.get(`/api/users/${jp2Id}/data`).set(await t.as('bureau@demo.test'));
    expect(exported.body.profile).toMatchObject({ email: 'jp2@demo.test' });
    const res = await t.http
      .post(`/api/users/${jp2Id}/erasure`)
      .set(await t.as('bureau@demo.test'))
      .send({ reason: 'request by e-mail of 2027-03-02' });
    expect(res.status).toBe(204);
    expect((await t.http.get('/api/me').set(jp2)).status).toBe(401);
    const [entry] = await t.db.query(`SELECT details FROM audit_log WHERE action = 'user.erased' AND entity_id = $1`, [jp2Id]);
    expect(entry.details).toMatchObject({ reason: 'request by e-mail of 2027-03-02' });
    expect(
      (
        await t.http
          .post(`/api/users/${jp2Id}/erasure`)
          .set(await t.as('bureau@demo.test'))
          .send({ reason: 'again' })
      ).status,
    ).toBe(404);
  });
});
