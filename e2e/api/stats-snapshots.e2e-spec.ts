import 'reflect-metadata';
import { EditionStatsView } from '@jinan/contracts';
import { demoParties, DemoParties, insertMeeting, ManualClock } from './reports-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Statistics of an edition too large to compute on every read (here: every edition, with
 * STATS_LIVE_LIMIT_MS=0) are served from the last computation while it is younger than
 * STATS_SNAPSHOT_SECONDS, computed again in the background after a sixth of that, and
 * computed live once older. Time is the app's clock, moved by hand.
 */
describe('statistics snapshots of large editions', () => {
  const clock = new ManualClock(new Date('2027-03-10T00:00:00Z'));
  let t: TestApp;
  let editionId: string;
  let p: DemoParties;
  let made = 0;

  beforeAll(async () => {
    t = await createTestApp('stats_snapshots', { clock, env: { STATS_LIVE_LIMIT_MS: '0', STATS_SNAPSHOT_SECONDS: '60' } });
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    p = await demoParties(t);
  });
  afterAll(() => t.close());

  const stats = async (): Promise<EditionStatsView> => {
    const res = await t.http.get(`/api/events/${editionId}/stats`).set(await t.as('bureau@demo.test'));
    expect(res.status).toBe(200);
    return res.body;
  };
  /** A new meeting request between two parties that have none yet. */
  const request = () => {
    const [jp, cn] = [p.jp[made % p.jp.length], p.cn[Math.floor(made / p.jp.length)]];
    made++;
    return insertMeeting(t, editionId, { jp: jp!, cn: cn!, sector: 'health', status: 'requested', createdAt: clock.now().toISOString() });
  };

  it('serves the kept figures while young, refreshes them in the background, and computes live once they are too old', async () => {
    const first = await stats();
    expect(first.generatedAt).toBe('2027-03-10T00:00:00.000Z');
    const [kept] = await t.db.query(
      `SELECT computed_at, compute_ms, view->'totals'->>'requests' AS requests FROM edition_stats_snapshots WHERE edition_id = $1`,
      [editionId],
    );
    expect(kept).toMatchObject({ computed_at: new Date('2027-03-10T00:00:00Z'), requests: String(first.totals.requests) });
    expect(kept.compute_ms).toBeGreaterThanOrEqual(0);

    // 5 s later, one more request: the kept figures, as they were, and no refresh yet (5 s < 60 s / 6).
    await request();
    clock.set('2027-03-10T00:00:05Z');
    expect(await stats()).toEqual(first);
    expect(await stats()).toEqual(first);

    // 20 s: still the kept figures at once, while they are computed again behind the answer.
    clock.set('2027-03-10T00:00:20Z');
    expect(await stats()).toEqual(first);
    let refreshed = first;
    for (let i = 0; i < 50 && refreshed.generatedAt === first.generatedAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      refreshed = await stats();
    }
    expect(refreshed.generatedAt).toBe('2027-03-10T00:00:20.000Z');
    expect(refreshed.totals.requests).toBe(first.totals.requests + 1);

    // 61 s after those: too old to serve; computed live, with the request made meanwhile.
    await request();
    clock.set('2027-03-10T00:01:21Z');
    const live = await stats();
    expect(live.generatedAt).toBe('2027-03-10T00:01:21.000Z');
    expect(live.totals.requests).toBe(first.totals.requests + 2);
  });

  it('never serves figures kept "in the future" of the clock (a clock set back): computes them live', async () => {
    const before = await stats();
    clock.set('2027-03-09T00:00:00Z');
    await request();
    const live = await stats();
    expect(live.generatedAt).toBe('2027-03-09T00:00:00.000Z');
    expect(live.totals.requests).toBe(before.totals.requests + 1);
  });
});
