import ICAL from 'ical.js';
import { redactFeedToken } from '../../apps/api/src/calendar/feed-token-redaction';
import { book, demoParties, insertMeeting } from './reports-fixtures';
import { createTestApp, TestApp } from './support/test-app';

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  start: string;
  end: string;
  summary: string;
}

/** Reads an .ics with Mozilla's ical.js, an iCalendar parser independent of the one that wrote it. */
function parse(text: string): { method: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    expect(event.startDate.isDate).toBe(false);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(v.getFirstPropertyValue('status')),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      summary: event.summary,
    };
  });
  return { method: String(calendar.getFirstPropertyValue('method')), events: events.sort((a, b) => a.start.localeCompare(b.start)) };
}

describe('calendars: agenda.ics and subscribable feeds', () => {
  let t: TestApp;
  let editionId: string;
  let first: string; // jp1's firm with cn1's company: day 1, 13:30 Ji'nan time
  let second: string; // jp1's firm with cn2's company: day 2, 09:20 Ji'nan time
  let hidden: string; // jp1's firm with cn3's company: scheduled, not published

  beforeAll(async () => {
    t = await createTestApp('calendar');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    const p = await demoParties(t);
    const scheduled = (cn: string, published = true) =>
      insertMeeting(t, editionId, { jp: p.jp[0], cn, sector: 'health', status: 'scheduled', createdAt: '2027-03-01T00:00:00Z', published });
    first = await scheduled(p.cn[0]);
    await book(t, first, 'health', 0, 0, 1);
    second = await scheduled(p.cn[1]);
    await book(t, second, 'health', 1, 1, 3);
    hidden = await scheduled(p.cn[2], false);
    await book(t, hidden, 'health', 2, 0, 1);
  });
  afterAll(() => t.close());

  const download = async (email = 'jp1@demo.test') => {
    const res = await t.http
      .get(`/api/events/${editionId}/agenda.ics`)
      .set(await t.as(email))
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString('utf8')));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return parse(res.body as string);
  };

  it('rejects a caller without a token; the bureau has no calendar of its own', async () => {
    expect((await t.http.get(`/api/events/${editionId}/agenda.ics`)).status).toBe(401);
    expect((await t.http.post('/api/me/calendar-feed')).status).toBe(401);
    expect((await t.http.get(`/api/events/${editionId}/agenda.ics`).set(await t.as('bureau@demo.test'))).status).toBe(403);
  });

  it('lists the published meetings at the right UTC times, in the reader\u2019s language', async () => {
    const { method, events } = await download();
    expect(method).toBe('PUBLISH');
    // Day 1 (2027-05-27) 13:30–13:50 in Ji'nan (UTC+8) is 05:30–05:50 UTC; day 2's second slot 09:20–09:40 is 01:20–01:40 UTC.
    expect(events.map((e) => [e.uid, e.start, e.end, e.status, e.sequence])).toEqual([
      [`${first}@jinan-japan-matchmaking`, '2027-05-27T05:30:00.000Z', '2027-05-27T05:50:00.000Z', 'TENTATIVE', 0],
      [`${second}@jinan-japan-matchmaking`, '2027-05-28T01:20:00.000Z', '2027-05-28T01:40:00.000Z', 'TENTATIVE', 0],
    ]);
    // jp1 reads Japanese: "商談：<company>（1番テーブル）".
    expect(events[0].summary).toMatch(/^商談：.+（1番テーブル）$/);
    expect(events.map((e) => e.uid)).not.toContain(`${hidden}@jinan-japan-matchmaking`);
  });

  it('gives the same UIDs and SEQUENCE on a second download when nothing changed', async () => {
    const a = await download();
    const b = await download();
    expect(b.events.map((e) => [e.uid, e.sequence])).toEqual(a.events.map((e) => [e.uid, e.sequence]));
  });

  it('raises SEQUENCE for the meeting that changed, and only for it', async () => {
    // The bureau moves the first meeting to table 7 of the same slot.
    await t.db.query(
      `UPDATE bookings b SET table_id = n.id FROM negotiation_tables n WHERE b.meeting_id = $1 AND n.session_id = b.session_id AND n.number = 7`,
      [first],
    );
    const { events } = await download();
    expect(events.map((e) => [e.uid.split('@')[0], e.sequence])).toEqual([
      [first, 1],
      [second, 0],
    ]);
    expect(events[0].summary).toContain('7番テーブル');
    // Both parties confirm the second: it becomes CONFIRMED, a change too.
    await t.db.query(`UPDATE meetings SET jp_confirmed_at = now(), cn_confirmed_at = now(), status = 'confirmed' WHERE id = $1`, [second]);
    const after = await download();
    expect(after.events.map((e) => [e.sequence, e.status])).toEqual([
      [1, 'TENTATIVE'],
      [1, 'CONFIRMED'],
    ]);
  });

  it('sends a cancelled meeting and a declined slot as STATUS:CANCELLED under the same UID', async () => {
    const cancel = await t.http
      .post(`/api/meetings/${second}/cancel`)
      .set(await t.as('cn2@demo.test'))
      .send({ reason: '日程の都合' });
    expect(cancel.status).toBe(200);
    const decline = await t.http
      .post(`/api/meetings/${first}/respond`)
      .set(await t.as('cn1@demo.test'))
      .send({ decision: 'decline' });
    expect(decline.status).toBe(200);
    const { events } = await download();
    // Still there, with their last times, so the reader's calendar removes them rather than keeping a ghost.
    expect(events.map((e) => [e.uid.split('@')[0], e.status, e.sequence, e.start])).toEqual([
      [first, 'CANCELLED', 2, '2027-05-27T05:30:00.000Z'],
      [second, 'CANCELLED', 2, '2027-05-28T01:20:00.000Z'],
    ]);
    // And they stay cancelled without a further raise.
    expect((await download()).events.map((e) => e.sequence)).toEqual([2, 2]);
  });

  it('gives the counterpart its own calendar of the same meetings, in Chinese', async () => {
    const { events } = await download('cn1@demo.test');
    expect(events).toHaveLength(0); // cn1 never downloaded while its meeting was on: nothing to cancel
    await t.db.query(`UPDATE meetings SET status = 'scheduled', slot_published_at = now(), jp_confirmed_at = NULL, cn_confirmed_at = NULL WHERE id = $1`, [
      hidden,
    ]);
    const cn3 = await download('cn3@demo.test');
    expect(cn3.events).toHaveLength(1);
    expect(cn3.events[0].summary).toMatch(/^洽谈：.+（1号桌）$/);
  });

  it('serves a subscribable feed by secret token, replaced by a new one and gone once revoked', async () => {
    const jp1 = await t.as('jp1@demo.test');
    const created = await t.http.post('/api/me/calendar-feed').set(jp1);
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await t.http.get(url.pathname);
    expect(feed.status).toBe(200);
    const parsed = parse(feed.text);
    expect(parsed.events.map((e) => e.uid)).toEqual(expect.arrayContaining([`${first}@jinan-japan-matchmaking`, `${hidden}@jinan-japan-matchmaking`]));
    // The token is stored as its hash only.
    const token = url.pathname.split('/').pop()!.replace('.ics', '');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM calendar_feeds WHERE token_hash = $1`, [token]);
    expect(n).toBe(0);
    expect(redactFeedToken(url.pathname)).toBe('/api/calendar/[redacted].ics');

    const replaced = await t.http.post('/api/me/calendar-feed').set(jp1);
    expect((await t.http.get(url.pathname)).status).toBe(404);
    const next = new URL(replaced.body.url).pathname;
    expect((await t.http.get(next)).status).toBe(200);
    expect((await t.http.get('/api/me/calendar-feed').set(jp1)).body).toMatchObject({ active: true });
    expect((await t.http.delete('/api/me/calendar-feed').set(jp1)).status).toBe(204);
    expect((await t.http.get(next)).status).toBe(404);
    expect((await t.http.get('/api/me/calendar-feed').set(jp1)).body).toEqual({ active: false, createdAt: null });
    expect((await t.http.get('/api/calendar/not-a-token.ics')).status).toBe(404);
  });
});
