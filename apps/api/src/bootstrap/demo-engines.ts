import { scheduleMeetings, validateSchedule } from '@jinan/scheduling';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DemoEngines } from '../database/seed/living-edition';
import { MatchingService } from '../matching/matching.service';
import { MatchScoreService } from '../matching/match-score.service';
import { writeSchedule } from '../scheduling/schedule-writer';
import { loadSchedulingInput } from '../scheduling/scheduling-input';

/** The living demo's runs through the real services and engines (outside Nest). */
export const DEMO_ENGINES: DemoEngines = {
  async matchingRun(db, editionId, caller) {
    const matching = new MatchingService(db, new AuditService());
    const run = await matching.createRun(caller, editionId);
    await matching.executeRun(run.id);
    return run.id;
  },
  schedulerRun: runScheduler,
};

/** The real scheduler on the accepted meetings: engine, independent validator, writer, one run row. */
async function runScheduler(db: DataSource, editionId: string, bureauId: string): Promise<number> {
  const [run] = await db.query(
    `INSERT INTO schedule_runs (edition_id, status, requested_by, options, started_at) VALUES ($1, 'running', $2, '{}', now()) RETURNING id`,
    [editionId, bureauId],
  );
  const loaded = await loadSchedulingInput(db.manager, editionId, {}, new MatchScoreService(db));
  const result = scheduleMeetings(loaded.input, { seed: 1 });
  const violations = validateSchedule(loaded.input, result.assignments);
  if (violations.length) throw new Error(`demo schedule invalid: ${violations[0].message}`);
  await db.transaction(async (tx) => {
    await writeSchedule(tx, editionId, run.id, bureauId, loaded, result);
    const leftOut = result.leftOut.map((l) => ({ meetingId: l.meetingId, ...l.reason }));
    await tx.query(`UPDATE schedule_runs SET status = 'succeeded', progress = 100, statistics = $2, left_out = $3, finished_at = now() WHERE id = $1`, [
      run.id,
      JSON.stringify(result.statistics),
      JSON.stringify(leftOut),
    ]);
  });
  return result.assignments.length;
}
