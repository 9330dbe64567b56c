import { Client } from 'pg';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { expectNoDoubleBooking } from './support/bookings';
import { emptyDatabase } from './support/databases';
import { Answer, ApiInstance, call, login, startInstance, waitFor } from './support/instances';

const OFFER = {
  sector: 'health',
  cooperationType: 'technology_licensing',
  titleZh: '医疗器械灭菌技术合作',
  summaryZh: '寻求医疗器械低温灭菌技术许可。',
  summaryEn: 'Seeking a licence for low-temperature sterilisation of medical devices.',
};

/** Runs `worker` in `parallel` loops until stop() is called; collects every answer with its time. */
function load(parallel: number, worker: (n: number) => Promise<Answer>) {
  let running = true;
  let n = 0;
  const answers: Array<Answer & { sentAt: number; at: number }> = [];
  const loops = Array.from({ length: parallel }, async () => {
    while (running) {
      const sentAt = Date.now();
      answers.push({ ...(await worker(n++)), sentAt, at: Date.now() });
    }
  });
  return {
    answers,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

/** An embedded PostgreSQL in a child process (support/pg-server.ts); stop() stops the server. */
async function startServer(dir: string, port: number): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['-r', './apps/api/scripts/ts-register.cjs', 'e2e/reliability/support/pg-server.ts', dir, String(port)], {
    cwd: join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
    void exited.then(() => fail(new Error('the PostgreSQL server did not start')));
  });
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('PostgreSQL restarted under load', () => {
  // This test's own server: the machine's shared PostgreSQL is never stopped.
  let dir: string;
  let port: number;
  let pg: { stop: () => Promise<void> };
  let url: string;
  let instance: ApiInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jinan-rel-restart-'));
    chmodSync(dir, 0o755);
    port = await freePort();
    pg = await startServer(dir, port);
    url = `postgres://postgres:postgres@127.0.0.1:${port}/jinan`;
    instance = await startInstance(url);
  }, 180_000);

  afterAll(async () => {
    await instance?.stop();
    await pg?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while the database is down, recovers by itself, and loses no acknowledged write', async () => {
    const token = await login(instance, 'cn1@demo.test');
    const writes = load(6, (n) => call(instance, 'POST', '/api/offers', { token, body: { ...OFFER, titleEn: `restart-${n}` }, timeoutMs: 15_000 }));
    await new Promise((r) => setTimeout(r, 1500));

    await pg.stop();
    await waitFor(async () => (await call(instance, 'GET', '/api/health')).status === 503, 15_000);
    const down = await call(instance, 'GET', '/api/health');
    expect(down.body).toMatchObject({ statusCode: 503, message: 'database is unreachable' });
    await new Promise((r) => setTimeout(r, 1500));

    pg = await startServer(dir, port);
    await waitFor(async () => (await call(instance, 'GET', '/api/health')).status === 200, 30_000, 250);
    // Writes go through again on the same process, without a restart.
    await waitFor(async () => writes.answers.slice(-5).every((a) => a.status === 201), 30_000, 250);
    const answers = await writes.stop();

    if (answers.some((a) => a.status === 500))
      console.log(
        JSON.stringify(answers.filter((a) => a.status === 500).slice(0, 3)),
        instance
          .output()
          .split('\n')
          .filter((l) => l.includes('"level":50'))
          .join('\n')
          .slice(0, 6000),
      );
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    expect([...statuses.keys()].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(statuses.get(503)).toBeGreaterThan(0);
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
    expect(acknowledged.length).toBeGreaterThan(10);

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const {
        rows: [{ n }],
      } = await db.query(`SELECT count(*)::int AS n FROM offers WHERE id = ANY($1)`, [acknowledged]);
      expect(n).toBe(acknowledged.length);
    } finally {
      await db.end();
    }
    console.log(
      `restart: ${answers.length} writes → ${[...statuses].map(([s, c]) => `${c}×${s}`).join(', ')}; ${acknowledged.length} acknowledged, all present afterwards`,
    );
  });
});

describe('SIGTERM under load', () => {
  it('finishes the requests in flight and exits 0', async () => {
    const instance = await startInstance(await emptyDatabase('sigterm'));
    const token = await login(instance, 'jp1@demo.test');
    const reads = load(20, () => call(instance, 'GET', '/api/offers?pageSize=100', { token }));
    await new Promise((r) => setTimeout(r, 1000));
    const signalledAt = Date.now();
    const exit = await instance.stop('SIGTERM');
    const answers = await reads.stop();

    expect(exit).toEqual({ code: 0, signal: null });
    // Answered: always 200. Every request sent before the signal was answered; those sent
    // after it may find the port closing (refused, or reset while still in the kernel's
    // accept queue), as a load balancer would during a deploy.
    expect(answers.filter((a) => !a.error && a.status !== 200).map((a) => a.status)).toEqual([]);
    expect(answers.filter((a) => a.sentAt < signalledAt && a.status !== 200).map((a) => a.error ?? a.status)).toEqual([]);
    const finishedAfterSignal = answers.filter((a) => a.status === 200 && a.at >= signalledAt).length;
    expect(finishedAfterSignal).toBeGreaterThan(0);
    console.log(
      `SIGTERM: ${answers.filter((a) => a.status === 200).length} answered 200 (${finishedAfterSignal} after the signal), ${answers.filter((a) => a.error).length} refused after close (sent after the signal), exit 0`,
    );
  });
});

describe('a scheduler run killed midway', () => {
  let db: Client;
  let url: string;
  afterAll(() => db?.end());

  it('leaves no half-written schedule and runs again when an instance starts', async () => {
    url = await emptyDatabase('killed_run');
    const first = await startInstance(url);
    db = new Client({ connectionString: url });
    await db.connect();
    const {
      rows: [{ id: editionId }],
    } = await db.query(`SELECT id FROM editions`);
    // Every same-sector pair of verified firms and companies: enough for the engine to take a while.
    const { rowCount: meetings } = await db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, cn_accepted_at)
       SELECT $1, jp.id, cn.id, 'request', cn.sectors[1], 'accepted', now()
         FROM organizations jp JOIN organizations cn ON cn.country = 'CN' AND cn.sectors[1] = ANY (jp.sectors)
        WHERE jp.country = 'JP' AND jp.verification = 'verified' AND cn.verification = 'verified'`,
      [editionId],
    );
    const token = await login(first, 'bureau@demo.test');
    const created = await call(first, 'POST', `/api/events/${editionId}/schedule/runs`, { token, body: { seed: 3 } });
    expect(created.status).toBe(202);
    const runId = created.body.id as string;

    // Killed (SIGKILL: no clean-up at all) while the engine works on the input it read.
    await waitFor(async () => (await db.query(`SELECT progress FROM schedule_runs WHERE id = $1`, [runId])).rows[0].progress >= 30, 30_000, 10);
    first.process.kill('SIGKILL');
    await first.exited;
    const {
      rows: [killed],
    } = await db.query(`SELECT status, attempts FROM schedule_runs WHERE id = $1`, [runId]);
    expect(killed).toEqual({ status: 'running', attempts: 1 });
    const {
      rows: [nothing],
    } = await db.query(`SELECT (SELECT count(*)::int FROM bookings) AS bookings, (SELECT count(*)::int FROM meetings WHERE status <> 'accepted') AS moved`);
    expect(nothing).toEqual({ bookings: 0, moved: 0 });

    // The next instance to start resumes the run.
    const second = await startInstance(url);
    try {
      await waitFor(async () => (await db.query(`SELECT status FROM schedule_runs WHERE id = $1`, [runId])).rows[0].status === 'succeeded', 90_000, 250);
      const {
        rows: [resumed],
      } = await db.query(`SELECT attempts, (statistics->>'placed')::int AS placed FROM schedule_runs WHERE id = $1`, [runId]);
      expect(resumed.attempts).toBe(2);
      const {
        rows: [{ n }],
      } = await db.query(`SELECT count(*)::int AS n FROM bookings WHERE run_id = $1`, [runId]);
      expect(n).toBe(resumed.placed);
      expect(n).toBeGreaterThan(0);
      await expectNoDoubleBooking(db);
      console.log(`killed run: ${meetings} meetings; killed at the solving step with nothing written; resumed on a new instance, ${n} placed`);
    } finally {
      await second.stop();
    }
  });
});
