import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/bootstrap/configure-app';
import { Clock } from '../../apps/api/src/common/clock';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { Mail, MailService } from '../../apps/api/src/notifications/mail.service';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service';
import { RemindersService } from '../../apps/api/src/reminders/reminders.service';
import { createTestApp, TestApp } from './support/test-app';

class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}

const BUREAU = 'bureau@demo.test';
const MS = { hour: 3_600_000, day: 86_400_000 };
const shift = (d: Date, ms: number) => new Date(d.getTime() + ms);

/**
 * Reminders with an injected clock: the exact recipients on each side of every boundary,
 * each reminder once only — also when two API instances run a round at the same moment —
 * in-app always, by e-mail unless the user opted out, in the user's language.
 */
describe('reminders', () => {
  const opened = new Date('2027-03-01T00:00:00Z');
  const clock = new ManualClock(opened);
  let t: TestApp;
  let second: NestExpressApplication;
  let editionId: string;
  const org: Record<string, string> = {};

  const preview = async () => {
    const res = await t.http
      .post(`/api/events/${editionId}/reminders/run`)
      .set(await t.as(BUREAU))
      .send({ dryRun: true });
    expect(res.status).toBe(200);
    return res.body.recipients as Record<string, { email: string; subjectId: string }[]>;
  };
  /** The e-mails due for `kind` (about `subject`, when given) at `at`. */
  const dueAt = async (at: Date, kind: string, subject?: string) => {
    clock.set(at);
    return (await preview())[kind]
      .filter((r) => !subject || r.subjectId === subject)
      .map((r) => r.email)
      .sort();
  };

  beforeAll(async () => {
    t = await createTestApp('reminders', { clock });
    editionId = (await t.db.query('SELECT id FROM editions WHERE year = 2027'))[0].id;
    for (const row of await t.db.query(`SELECT email, organization_id FROM users WHERE email LIKE '%@demo.test'`)) org[row.email] = row.organization_id;
    // Only the demo accounts' firms have delegates; requests opened at `opened`, N = 2 days (the answer window is 3).
    const patched = await t.http
      .patch(`/api/events/${editionId}`)
      .set(await t.as(BUREAU))
      .send({ requestsOpenAt: opened.toISOString(), reminders: { noRequestDays: 2 } });
    expect(patched.status).toBe(200);
    // A second instance of the API on the same database.
    const env = loadEnvironment({ JOBS_ENABLED: 'false', ...process.env });
    const databaseUrl = (t.db.options as { url: string }).url;
    second = await NestFactory.create<NestExpressApplication>(AppModule.register({ env, databaseUrl, jwtSecret: env.JWT_SECRET!, clock }), {
      logger: false,
    });
    configureApp(second);
    await second.init();
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('is for the bureau only and needs dryRun', async () => {
    const cn = await t.http
      .post(`/api/events/${editionId}/reminders/run`)
      .set(await t.as('cn1@demo.test'))
      .send({ dryRun: true });
    expect(cn.status).toBe(403);
    const bad = await t.http
      .post(`/api/events/${editionId}/reminders/run`)
      .set(await t.as(BUREAU))
      .send({});
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('dryRun');
  });

  let requestId: string;
  let deadline: Date;

  it('no request yet: firms without a request, from N days after requests opened', async () => {
    const created = await t.http
      .post(`/api/events/${editionId}/meetings`)
      .set(await t.as('jp1@demo.test'))
      .send({ counterpartId: org['cn1@demo.test'] });
    expect(created.status).toBe(201);
    requestId = created.body.id;
    const boundary = shift(opened, 2 * MS.day);
    expect(await dueAt(shift(boundary, -1), 'no_request')).toEqual([]);
    expect(await dueAt(boundary, 'no_request')).toEqual(['jp2@demo.test', 'jp3@demo.test']);
  });

  it('answer due: the Ji\u2019nan company, once the deadline is 24 h away and until it passes', async () => {
    clock.set(opened);
    expect(
      (
        await t.http
          .post(`/api/meetings/${requestId}/review`)
          .set(await t.as(BUREAU))
          .send({ decision: 'approve' })
      ).status,
    ).toBe(200);
    [{ answer_deadline: deadline }] = await t.db.query(`SELECT answer_deadline FROM meetings WHERE id = $1`, [requestId]);
    const boundary = shift(deadline, -24 * MS.hour);
    expect(await dueAt(shift(boundary, -1), 'answer_due', requestId)).toEqual([]);
    expect(await dueAt(boundary, 'answer_due', requestId)).toEqual(['cn1@demo.test']);
    expect(await dueAt(shift(deadline, -1), 'answer_due', requestId)).toEqual(['cn1@demo.test']);
    expect(await dueAt(deadline, 'answer_due', requestId)).toEqual([]);
  });

  it('sends each reminder once, even when two instances run a round at once; opted-out users get it in the app only, in their language', async () => {
    expect(
      (
        await t.http
          .patch('/api/me')
          .set(await t.as('jp3@demo.test'))
          .send({ emailReminders: false })
      ).body.emailReminders,
    ).toBe(false);
    // A moment when both the "no request" and the "answer due" reminders are due.
    const at = new Date(Math.max(shift(opened, 2 * MS.day).getTime(), shift(deadline, -24 * MS.hour).getTime()));
    expect(at.getTime()).toBeLessThan(deadline.getTime());
    clock.set(at);
    const expected = await preview();
    expect(expected['no_request'].map((r) => r.email).sort()).toEqual(['jp2@demo.test', 'jp3@demo.test']);
    expect(expected['answer_due'].map((r) => r.email)).toEqual(['cn1@demo.test']);

    const [one, two] = await Promise.all([t.app.get(RemindersService).sendAll(), second.get(RemindersService).sendAll()]);
    const sentBy = (views: { recipients: Record<string, unknown[]> }[]) => views.reduce((n, v) => n + Object.values(v.recipients).flat().length, 0);
    expect(sentBy(one) + sentBy(two)).toBe(3);
    const rows = await t.db.query(
      `SELECT u.email, n.payload->>'reminder' AS kind, n.email_status FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.kind = 'reminder' ORDER BY u.email`,
    );
    expect(rows).toEqual([
      { email: 'cn1@demo.test', kind: 'answer_due', email_status: 'pending' },
      { email: 'jp2@demo.test', kind: 'no_request', email_status: 'pending' },
      { email: 'jp3@demo.test', kind: 'no_request', email_status: 'skipped' },
    ]);
    // Nothing left to send, by either instance or the bureau's button.
    expect(Object.values(await preview()).flat()).toEqual([]);
    const again = await t.http
      .post(`/api/events/${editionId}/reminders/run`)
      .set(await t.as(BUREAU))
      .send({ dryRun: false });
    expect(Object.values(again.body.recipients).flat()).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'reminder'`)).toEqual([{ n: 3 }]);
    const audited = await t.db.query(`SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'reminders.%' GROUP BY action ORDER BY action`);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['reminders.preview', 'reminders.send']);

    const mails: Mail[] = [];
    jest.spyOn(t.app.get(MailService), 'send').mockImplementation(async (mail) => void mails.push(mail));
    await t.app.get(NotificationsService).sendPending();
    const subjectTo = (email: string) => mails.filter((m) => m.to === email).map((m) => m.subject);
    expect(subjectTo('jp2@demo.test')).toEqual(['まだ商談の申請がありません']);
    // (cn1 also has the mails of the request's transitions.) The counterpart is named, in Chinese when it has a Chinese name.
    const [{ name }] = await t.db.query(`SELECT coalesce(name_zh, name_en) AS name FROM organizations WHERE id = $1`, [org['jp1@demo.test']]);
    expect(subjectTo('cn1@demo.test')).toContain(`请在24小时内答复与${name}的洽谈申请`);
    expect(subjectTo('jp3@demo.test')).toEqual([]);
    // In the app, the reminder is listed for the opted-out user too.
    const listed = await t.http.get('/api/notifications').set(await t.as('jp3@demo.test'));
    expect(listed.body.items.map((n: { kind: string; action: string }) => `${n.kind}:${n.action}`)).toContain('reminder:remind_no_request');
  });

  describe('around a published slot', () => {
    let meetingId: string;
    let start: Date;
    let end: Date;

    beforeAll(async () => {
      const [slot] = await t.db.query(
        `SELECT s.id, s.session_id, s.starts_at, s.ends_at, p.sector FROM slots s JOIN programme_sessions p ON p.id = s.session_id
          WHERE s.edition_id = $1 ORDER BY s.starts_at, s.id LIMIT 1`,
        [editionId],
      );
      [start, end] = [slot.starts_at, slot.ends_at];
      const [m] = await t.db.query(
        `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, priority, status, jp_accepted_at, cn_accepted_at, slot_published_at, cn_confirmed_at)
         VALUES ($1, $2, $3, 'request', $4, 2, 'scheduled', now(), now(), now(), now()) RETURNING id`,
        [editionId, org['jp2@demo.test'], org['cn2@demo.test'], slot.sector],
      );
      meetingId = m.id;
      await t.db.query(
        `INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat)
         SELECT $1, $2, s.session_id, s.id, (SELECT id FROM negotiation_tables WHERE session_id = s.session_id ORDER BY number LIMIT 1), s.during, $4, 1, $5, 1
           FROM slots s WHERE s.id = $3`,
        [meetingId, editionId, slot.id, org['jp2@demo.test'], org['cn2@demo.test']],
      );
    });

    it('unconfirmed slot: the party that has not confirmed, from 48 h before the slot until it starts', async () => {
      const boundary = shift(start, -48 * MS.hour);
      expect(await dueAt(shift(boundary, -1), 'unconfirmed_slot', meetingId)).toEqual([]);
      expect(await dueAt(boundary, 'unconfirmed_slot', meetingId)).toEqual(['jp2@demo.test']);
      expect(await dueAt(start, 'unconfirmed_slot', meetingId)).toEqual([]);
    });

    it('feedback due: both parties once the slot has ended; the follow-up 90 days on, to those who answered first', async () => {
      await t.db.query(`UPDATE meetings SET status = 'confirmed', jp_confirmed_at = now() WHERE id = $1`, [meetingId]);
      expect(await dueAt(shift(end, -1), 'feedback_due', meetingId)).toEqual([]);
      expect(await dueAt(end, 'feedback_due', meetingId)).toEqual(['cn2@demo.test', 'jp2@demo.test']);

      const feedback = await t.http
        .post(`/api/meetings/${meetingId}/feedback`)
        .set(await t.as('jp2@demo.test'))
        .send({ rating: 4, outcome: 'follow_up_planned' });
      expect(feedback.status).toBe(201);
      expect(await dueAt(end, 'feedback_due', meetingId)).toEqual(['cn2@demo.test']);

      const followUp = shift(end, 90 * MS.day);
      expect(await dueAt(shift(followUp, -1), 'follow_up_due', meetingId)).toEqual([]);
      expect(await dueAt(followUp, 'follow_up_due', meetingId)).toEqual(['jp2@demo.test']);
    });

    it('switched off per edition, nobody hears of that kind', async () => {
      await t.http
        .patch(`/api/events/${editionId}`)
        .set(await t.as(BUREAU))
        .send({ reminders: { followUpDue: false, feedbackDue: false } });
      expect(await dueAt(shift(end, 90 * MS.day), 'follow_up_due', meetingId)).toEqual([]);
      expect(await dueAt(shift(end, 90 * MS.day), 'feedback_due', meetingId)).toEqual([]);
    });
  });
});
