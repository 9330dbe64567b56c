import { createTestApp, TestApp } from './support/test-app';

const JP = 'jp1@demo.test';
const CN = 'cn1@demo.test';
const STRANGER_JP = 'jp2@demo.test';
const STRANGER_CN = 'cn2@demo.test';
const BUREAU = 'bureau@demo.test';

/** The thread of a meeting (issue 13) and the profile page's privacy rule. */
describe('meeting messages and organization profiles', () => {
  let t: TestApp;
  let editionId: string;
  const org: Record<string, string> = {};
  let meetingId: string;

  const get = async (email: string, path: string) => t.http.get(path).set(await t.as(email));
  const post = async (email: string, path: string, body: object) =>
    t.http
      .post(path)
      .set(await t.as(email))
      .send(body);
  const notifications = (meeting: string) =>
    t.db.query(
      `SELECT u.email, n.kind, n.payload->>'note' AS note FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.meeting_id = $1 AND n.kind = 'meeting.message' ORDER BY n.id`,
      [meeting],
    ) as Promise<{ email: string; kind: string; note: string }[]>;

  beforeAll(async () => {
    t = await createTestApp('meeting_messages');
    editionId = (await t.db.query('SELECT id FROM editions WHERE year = 2027'))[0].id;
    for (const row of await t.db.query(`SELECT email, organization_id FROM users WHERE email LIKE '%@demo.test'`)) org[row.email] = row.organization_id;
    const created = await post(JP, `/api/events/${editionId}/meetings`, { counterpartId: org[CN], message: 'Kaizen for your plant' });
    expect(created.status).toBe(201);
    meetingId = created.body.id;
  });
  afterAll(() => t.close());

  it('needs a token', async () => {
    expect((await t.http.get(`/api/meetings/${meetingId}/messages`)).status).toBe(401);
    expect((await t.http.post(`/api/meetings/${meetingId}/messages`).send({ body: 'hi' })).status).toBe(401);
    expect((await t.http.get(`/api/organizations/${org[CN]}/profile`)).status).toBe(401);
  });

  it('lets both parties and the bureau write and read, in order, and tells the other side', async () => {
    const path = `/api/meetings/${meetingId}/messages`;
    const first = await post(CN, path, { body: '  Which plant do you mean?  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ meetingId, side: 'cn', mine: true, body: 'Which plant do you mean?' });
    expect((await post(JP, path, { body: 'The one in Licheng district.' })).status).toBe(201);
    expect((await post(BUREAU, path, { body: 'An interpreter will join.' })).status).toBe(201);

    const jpView = await get(JP, path);
    expect(jpView.status).toBe(200);
    expect(jpView.body.map((m: { side: string; mine: boolean }) => [m.side, m.mine])).toEqual([
      ['cn', false],
      ['jp', true],
      ['bureau', false],
    ]);
    // Before acceptance the counterpart's delegate stays unnamed; one's own is named.
    expect(jpView.body[0].authorName).toBeNull();
    expect(jpView.body[1].authorName).toEqual(expect.any(String));
    const bureauView = await get(BUREAU, path);
    expect(bureauView.body.map((m: { authorName: string | null }) => m.authorName !== null)).toEqual([true, true, true]);
    expect(bureauView.body.map((m: { mine: boolean }) => m.mine)).toEqual([false, false, true]);

    // cn wrote → jp told; jp wrote → cn told; the bureau wrote → both told. Never the author's own side.
    const told = await notifications(meetingId);
    const byMessage = (note: string) =>
      told
        .filter((n) => n.note === note)
        .map((n) => n.email)
        .sort();
    expect(byMessage('Which plant do you mean?')).toEqual([JP]);
    expect(byMessage('The one in Licheng district.')).toEqual([CN]);
    expect(byMessage('An interpreter will join.')).toEqual([CN, JP].sort());
    const inApp = await get(JP, '/api/notifications');
    expect(inApp.body.items.some((n: { kind: string; meetingId: string }) => n.kind === 'meeting.message' && n.meetingId === meetingId)).toBe(true);
  });

  it('answers strangers with 404 and writes nothing', async () => {
    const path = `/api/meetings/${meetingId}/messages`;
    const before = (await t.db.query('SELECT count(*)::int AS n FROM meeting_messages'))[0].n;
    for (const stranger of [STRANGER_JP, STRANGER_CN]) {
      expect((await get(stranger, path)).status).toBe(404);
      const res = await post(stranger, path, { body: 'let me in' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('MEETING_NOT_FOUND');
    }
    expect((await get(JP, '/api/meetings/00000000-0000-4000-8000-000000000000/messages')).status).toBe(404);
    expect((await t.db.query('SELECT count(*)::int AS n FROM meeting_messages'))[0].n).toBe(before);
  });

  it('refuses empty and overlong messages naming the field', async () => {
    const path = `/api/meetings/${meetingId}/messages`;
    for (const body of [{}, { body: '   ' }, { body: 'x'.repeat(2001) }, { body: 42 }]) {
      const res = await post(JP, path, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('body');
    }
  });

  it('records each message in the audit trail without its text', async () => {
    const rows: { action: string; entity_id: string; details: { messageId: string; side: string } }[] = await t.db.query(
      `SELECT action, entity_id, details FROM audit_log WHERE action = 'meeting.message' AND entity_id = $1 ORDER BY id`,
      [meetingId],
    );
    expect(rows.map((r) => r.details.side)).toEqual(['cn', 'jp', 'bureau']);
    expect(rows.every((r) => /^\d+$/.test(r.details.messageId))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Licheng');
  });

  it('mails the other side in its language', async () => {
    const mails: { subject: string }[] = [];
    const { MailService } = await import('../../apps/api/src/notifications/mail.service');
    const mail = t.app.get(MailService);
    const original = mail.send.bind(mail);
    mail.send = async (m: { subject: string }) => {
      mails.push(m);
    };
    try {
      const { NotificationsService } = await import('../../apps/api/src/notifications/notifications.service');
      await t.app.get(NotificationsService).sendPending();
    } finally {
      mail.send = original;
    }
    expect(mails.some((m) => /message|メッセージ|消息/.test(m.subject))).toBe(true);
  });

  it('shows a profile with offers; delegates only to the bureau, the organization and accepted counterparts', async () => {
    const asStranger = await get(STRANGER_JP, `/api/organizations/${org[CN]}/profile`);
    expect(asStranger.status).toBe(200);
    expect(asStranger.body.organization.id).toBe(org[CN]);
    expect(asStranger.body.offers.length).toBeGreaterThan(0);
    expect(asStranger.body.delegates).toBeNull();
    expect(asStranger.body.meetings).toEqual([]);

    const asRequester = await get(JP, `/api/organizations/${org[CN]}/profile`);
    expect(asRequester.body.delegates).toBeNull();
    expect(asRequester.body.meetings).toEqual([{ id: meetingId, status: 'requested' }]);

    const asBureau = await get(BUREAU, `/api/organizations/${org[CN]}/profile`);
    expect(asBureau.body.delegates[0]).toEqual({ fullName: expect.any(String), email: expect.any(String), phone: expect.anything() });

    expect((await post(BUREAU, `/api/meetings/${meetingId}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await post(CN, `/api/meetings/${meetingId}/respond`, { decision: 'accept' })).status).toBe(200);
    const accepted = await get(JP, `/api/organizations/${org[CN]}/profile`);
    expect(accepted.body.delegates.length).toBeGreaterThan(0);
    expect(accepted.body.delegates[0].fullName).toEqual(expect.any(String));
    // Once accepted, the thread names the counterpart's delegate too.
    const thread = await get(JP, `/api/meetings/${meetingId}/messages`);
    expect(thread.body[0].authorName).toEqual(expect.any(String));

    const unknown = await get(JP, '/api/organizations/00000000-0000-4000-8000-000000000000/profile');
    expect(unknown.status).toBe(404);
  });

  it('gives a meeting its score reasons, no slot before booking, and the actions the state machine allows the viewer', async () => {
    const res = await get(CN, `/api/meetings/${meetingId}`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.matchReasons)).toBe(true);
    expect(res.body.slot).toBeNull();
    // Accepted: either party and the bureau may cancel, nobody may approve or accept again.
    expect(res.body.allowedActions).toEqual(['cancel']);
    expect((await get(BUREAU, `/api/meetings/${meetingId}`)).body.allowedActions).toEqual(['cancel']);

    const fresh = await post('jp3@demo.test', `/api/events/${editionId}/meetings`, { counterpartId: org[STRANGER_CN] });
    expect(fresh.status).toBe(201);
    expect(fresh.body.allowedActions).toEqual(['cancel']);
    expect((await get(BUREAU, `/api/meetings/${fresh.body.id}`)).body.allowedActions).toEqual(['approve', 'reject', 'cancel']);
    expect((await get(STRANGER_CN, `/api/meetings/${fresh.body.id}`)).body.allowedActions).toEqual([]);
    expect((await post(BUREAU, `/api/meetings/${fresh.body.id}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await get(STRANGER_CN, `/api/meetings/${fresh.body.id}`)).body.allowedActions).toEqual(['accept', 'decline']);
  });
});
