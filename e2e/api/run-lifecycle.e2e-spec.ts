import { SchedulingService } from '../../apps/api/src/scheduling/scheduling.service';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Scheduler runs share the run lifecycle and the pg-boss dispatch of matching runs
 * (jobs/run-lifecycle.ts, jobs/run-queue.ts): a run is a 'schedule-run' job, and
 * executing a finished run again changes nothing.
 */
describe('scheduler runs on pg-boss', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('run_lifecycle', { env: { JOBS_ENABLED: 'true' } });
  });
  afterAll(() => t?.close());

  it('executes a run through the schedule-run queue, with a cron tick for anything missed, once', async () => {
    const schedules = await t.db.query(`SELECT name, cron FROM pgboss.schedule WHERE name = 'schedule-run'`);
    expect(schedules).toEqual([{ name: 'schedule-run', cron: '*/10 * * * *' }]);
    const headers = await t.as('bureau@demo.test');
    const editionId = (await t.http.get('/api/events').set(headers)).body[0].id;
    await t.db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, cn_accepted_at)
       SELECT $1, jp.id, cn.id, 'request', cn.sectors[1], 'accepted', now()
         FROM organizations jp JOIN organizations cn ON cn.country = 'CN' AND cn.sectors[1] = ANY (jp.sectors)
        WHERE jp.country = 'JP' AND jp.verification = 'verified' AND cn.verification = 'verified'
        LIMIT 10`,
      [editionId],
    );
    const created = await t.http.post(`/api/events/${editionId}/schedule/runs`).set(headers).send({});
    expect(created.status).toBe(202);
    expect(created.body.status).toBe('queued');
    // The worker polls every 5 s; wait for it rather than calling it.
    const deadline = Date.now() + 30_000;
    let run = created.body;
    while (Date.now() < deadline && run.status !== 'succeeded' && run.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      run = (await t.http.get(`/api/events/${editionId}/schedule/runs/${created.body.id}`).set(headers)).body;
    }
    expect(run).toMatchObject({ status: 'succeeded', progress: 100, error: null });
    const [{ jobs }] = await t.db.query(`SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'schedule-run'`);
    expect(jobs).toBeGreaterThan(0);

    // A finished run is left alone: no second attempt, no second set of bookings.
    const before = await t.db.query(
      `SELECT attempts, finished_at, (SELECT count(*)::int FROM bookings WHERE run_id = $1) AS bookings FROM schedule_runs WHERE id = $1`,
      [run.id],
    );
    await t.app.get(SchedulingService).executeRun(run.id);
    const after = await t.db.query(
      `SELECT attempts, finished_at, (SELECT count(*)::int FROM bookings WHERE run_id = $1) AS bookings FROM schedule_runs WHERE id = $1`,
      [run.id],
    );
    expect(after).toEqual(before);
    expect(before[0].attempts).toBe(1);
    expect(before[0].bookings).toBeGreaterThan(0);
  });
});
