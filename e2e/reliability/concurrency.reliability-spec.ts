import { Client } from 'pg';
import { expectNoDoubleBooking } from './support/bookings';
import { emptyDatabase } from './support/databases';
import { Answer, ApiInstance, call, login, startInstance, waitFor } from './support/instances';

/**
 * Three instances against one PostgreSQL, 200 conflicting operations at once: answers
 * to the same requests, bureau moves into the same slots and tables, scheduler runs.
 * Whatever the interleaving, the database never double-books and no answer is a 500.
 */
describe('three instances, 200 concurrent conflicting operations', () => {
  let instances: ApiInstance[];
  let db: Client;
  let editionId: string;
  let approved: { id: string; cnEmail: string }[];
  let accepted: string[];
  let targets: { slotId: string; tableNumber: number }[];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    const url = await emptyDatabase('concurrency');
    // Started together: migrations and the demo seed run once, under advisory locks.
    instances = await Promise.all([0, 1, 2].map(() => startInstance(url)));
    db = new Client({ connectionString: url });
    await db.connect();
    [{ id: editionId }] = (await db.query(`SELECT id FROM editions`)).rows;
    for (const email of ['bureau@demo.test', 'cn1@demo.test', 'cn2@demo.test', 'cn3@demo.test']) tokens.set(email, await login(instances[0], email));

    // Requests approved by the bureau, waiting for the answer of cn1..cn3's companies.
    approved = (
      await db.query(
        `WITH cn AS (SELECT u.email, u.organization_id AS id, o.sectors[1] AS sector FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.email IN ('cn1@demo.test', 'cn2@demo.test', 'cn3@demo.test')),
              jp AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE country = 'JP' AND verification = 'verified')
         INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, answer_deadline)
         SELECT $1, jp.id, cn.id, 'request', cn.sector, 'approved', now() + interval '2 days' FROM cn JOIN jp ON jp.n <= 7
         RETURNING id, (SELECT email FROM cn WHERE cn.id = cn_organization_id) AS "cnEmail"`,
        [editionId],
      )
    ).rows.slice(0, 20);
    // Accepted health meetings of other companies, for the bureau to move around.
    accepted = (
      await db.query(
        `WITH jp AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE country = 'JP' AND verification = 'verified'),
              cn AS (SELECT o.id, o.sectors[1] AS sector, row_number() OVER (ORDER BY o.id) AS n FROM organizations o
                      WHERE o.country = 'CN' AND o.sectors[1] = 'health' AND o.verification = 'verified' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.organization_id = o.id))
         INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, cn_accepted_at)
         SELECT $1, jp.id, cn.id, 'request', cn.sector, 'accepted', now() FROM jp CROSS JOIN cn
         ORDER BY jp.n + cn.n, jp.n LIMIT 30 RETURNING id`,
        [editionId],
      )
    ).rows.map((r) => r.id);
    const slots = (
      await db.query(
        `SELECT s.id FROM slots s JOIN programme_sessions p ON p.id = s.session_id WHERE s.edition_id = $1 AND p.sector = 'health' ORDER BY s.starts_at LIMIT 2`,
        [editionId],
      )
    ).rows;
    targets = slots.flatMap((s) => [1, 2].map((tableNumber) => ({ slotId: s.id as string, tableNumber })));
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all((instances ?? []).map((i) => i.stop()));
  });

  it('answers only 2xx or 409, never double-books, and runs the scheduler once', async () => {
    expect(approved).toHaveLength(20);
    expect(accepted).toHaveLength(30);
    const via = (k: number) => instances[k % instances.length];
    const operations: Array<{ kind: string; run: () => Promise<Answer> }> = [];
    // 100 answers: five clashing answers (accept and decline) to each of 20 requests.
    approved.forEach((m, i) => {
      for (let k = 0; k < 5; k++) {
        const decision = k % 2 ? 'decline' : 'accept';
        operations.push({
          kind: 'respond',
          run: () => call(via(i + k), 'POST', `/api/meetings/${m.id}/respond`, { token: tokens.get(m.cnEmail), body: { decision } }),
        });
      }
    });
    // 90 bureau moves: 30 meetings, each into three of four contested places.
    accepted.forEach((id, i) => {
      for (let k = 0; k < 3; k++) {
        const target = targets[(i + k) % targets.length];
        operations.push({
          kind: 'move',
          run: () => call(via(i + k), 'PATCH', `/api/meetings/${id}/booking`, { token: tokens.get('bureau@demo.test'), body: target }),
        });
      }
    });
    // 10 scheduler runs at once, from every instance.
    for (let k = 0; k < 10; k++) {
      operations.push({
        kind: 'run',
        run: () => call(via(k), 'POST', `/api/events/${editionId}/schedule/runs`, { token: tokens.get('bureau@demo.test'), body: { seed: k + 1 } }),
      });
    }
    expect(operations).toHaveLength(200);

    const pending = Promise.all(operations.map((o) => o.run().then((a) => ({ kind: o.kind, ...a }))));
    const answers = await pending;
    const unexpected = answers.filter((a) => !((a.status >= 200 && a.status < 300) || a.status === 409));
    expect(unexpected.map((a) => `${a.kind} ${a.status} ${a.error ?? a.body?.message}`)).toEqual([]);
    expect(answers.filter((a) => a.status === 409).every((a) => typeof a.body.message === 'string' && a.body.message.length > 0)).toBe(true);

    // Each request got exactly one answer that counted.
    const responded = answers.filter((a) => a.kind === 'respond' && a.status === 200);
    expect(responded).toHaveLength(approved.length);
    const { rows: answered } = await db.query(
      `SELECT meeting_id, count(*)::int AS n FROM meeting_transitions WHERE meeting_id = ANY($1) AND action IN ('accept', 'decline') GROUP BY meeting_id`,
      [approved.map((m) => m.id)],
    );
    expect(answered.map((r) => r.n)).toEqual(approved.map(() => 1));

    // Runs are refused while one is queued or running (a fast one may finish in between);
    // each accepted run executed once, on one instance, and none overlapped another.
    const runs = answers.filter((a) => a.kind === 'run');
    const runIds: string[] = runs.filter((a) => a.status === 202).map((a) => a.body.id);
    expect(runIds.length).toBeGreaterThanOrEqual(1);
    expect(runIds.length).toBeLessThan(runs.length);
    const finished = async () =>
      (await db.query(`SELECT status, attempts, error, started_at, finished_at FROM schedule_runs WHERE id = ANY($1) ORDER BY started_at`, [runIds])).rows;
    await waitFor(async () => (await finished()).every((r) => ['succeeded', 'failed'].includes(r.status)), 60_000, 200);
    const done = await finished();
    expect(done.map((r) => ({ status: r.status, attempts: r.attempts, error: r.error }))).toEqual(
      runIds.map(() => ({ status: 'succeeded', attempts: 1, error: null })),
    );
    for (let k = 1; k < done.length; k++) expect(done[k].started_at.getTime()).toBeGreaterThanOrEqual(done[k - 1].finished_at.getTime());

    await expectNoDoubleBooking(db);
    const moved = answers.filter((a) => a.kind === 'move');
    expect(moved.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    expect(moved.filter((a) => a.status === 409).length).toBeGreaterThan(0);
  });
});
