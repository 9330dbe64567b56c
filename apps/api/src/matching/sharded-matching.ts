import type { PreparedOffers } from '@jinan/matching';
import { ALGORITHM_VERSION, DEFAULT_WEIGHTS, prepareOffers } from '@jinan/matching';
import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { DataSource, EntityManager } from 'typeorm';
import { LOCK_SPACE } from '../jobs/advisory-lock';
import { RunLifecycle, RunRowBase } from '../jobs/run-lifecycle';
import { scoreFirms, shardDemand } from './engine-adapter';
import { FIRMS_SQL, inputTime, loadFirms, loadOffers } from './matching-input';
import { deleteOtherRuns, insertRecommendations } from './recommendation-writer';

/** The pg-boss queue of shard jobs. */
export const MATCHING_SHARD_JOB = 'matching-shard';
/** Firms per shard: at 10× (30,000 offers) a shard of 250 firms scores in a few seconds. */
export const DEFAULT_SHARD_SIZE = 250;

export interface ShardJob {
  runId: string;
  phase: 1 | 2;
  shard: number;
}

/**
 * Queues shard jobs in the caller's transaction (pg-boss's insert on our connection): a
 * shard row and its job commit together. Answers false when no queue runs in this process:
 * the caller then executes the jobs itself.
 */
export type ShardQueue = (tx: EntityManager, jobs: ShardJob[]) => Promise<boolean>;

export interface ShardedMatchingOptions {
  shardSize?: number;
  /** Recorded on each shard it completes (default host:pid). */
  workerName?: string;
  /** Absent: nothing is queued, jobs execute in this process (jobs disabled, tests). */
  queue?: ShardQueue;
  /** Called inside a shard's write transaction, rows inserted but not committed (tests kill a worker there). */
  duringWrite?: (job: ShardJob) => Promise<void>;
}

interface RunRow extends RunRowBase {
  shards: number | null;
  demand: Record<string, number> | null;
}

/**
 * A matching run as distributed jobs. The run's verified firms are split in shards; each
 * shard is a job any worker (API instance or `npm run matching:worker`) executes.
 * Phase 1 shards count their offers' demand; the shard that completes phase 1 sums it on
 * the run and queues phase 2, whose shards score their firms with the total demand and
 * write their own rows; the shard that completes phase 2 makes the run current (removing
 * the previous run's rows) in its transaction. A shard commits under a lock on its run
 * row and counts as done once: a worker killed midway wrote nothing, pg-boss hands the
 * expired job to another worker, and a late duplicate finds the shard done.
 */
export class ShardedMatching {
  private readonly logger = new Logger('ShardedMatching');
  private readonly worker: string;
  private readonly runs: RunLifecycle<RunRow>;
  /** The offers prepared for the run this process last worked on (one at a time). */
  private prepared?: { runId: string; offers: PreparedOffers; inputAt: string | null };

  constructor(
    private readonly db: DataSource,
    private readonly options: ShardedMatchingOptions = {},
  ) {
    this.worker = options.workerName ?? `${hostname()}:${process.pid}`;
    this.runs = new RunLifecycle<RunRow>(db, { table: 'matching_runs', lockSpace: LOCK_SPACE.matchingRun, label: 'matching run', claimProgress: 5 });
  }

  /**
   * Claims a run (RunLifecycle: one planner at a time, a throw marks it failed) and queues
   * its shards; where no queue runs, executes them here, shard after shard. Calling it
   * again on a running run queues its unfinished shards again (a duplicate job finds its
   * shard done), which is how a job lost with its worker's pg-boss is recovered.
   */
  async execute(runId: string): Promise<void> {
    await this.runs.execute(runId, async () => {
      const pending = await this.plan(runId);
      while (pending.length) pending.push(...(await this.executeShard(pending.shift() as ShardJob)));
    });
  }

  /** Splits a claimed run into shards (once) and queues its unfinished ones; returns those this process must execute itself. */
  private async plan(runId: string): Promise<ShardJob[]> {
    return this.db.transaction(async (tx) => {
      const [run]: RunRow[] = await tx.query(`SELECT * FROM matching_runs WHERE id = $1 AND status = 'running' FOR UPDATE`, [runId]);
      if (!run) return [];
      let jobs: ShardJob[];
      if (run.shards === null) {
        const firms: { id: string }[] = await tx.query(`SELECT id FROM organizations WHERE ${FIRMS_SQL} ORDER BY id`);
        const size = this.options.shardSize ?? DEFAULT_SHARD_SIZE;
        const shards = Array.from({ length: Math.ceil(firms.length / size) }, (_, k) => firms.slice(k * size, (k + 1) * size).map((f) => f.id));
        // Every change so far is in this run's input; later ones are the incremental job's.
        await tx.query(`UPDATE matching_runs SET shards = $2, changes_through = (SELECT coalesce(max(id), 0) FROM matching_changes) WHERE id = $1`, [
          runId,
          shards.length,
        ]);
        if (!shards.length) {
          await this.finish(tx, run, {});
          return [];
        }
        await tx.query(
          `INSERT INTO matching_shards (run_id, phase, shard, firm_ids)
           SELECT $1, 1, k - 1, array(SELECT jsonb_array_elements_text(ids)::uuid) FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(ids, k)`,
          [runId, JSON.stringify(shards)],
        );
        jobs = shards.map((_, shard) => ({ runId, phase: 1, shard }));
      } else {
        const queued: ShardJob[] = await tx.query(
          `SELECT phase, shard FROM matching_shards WHERE run_id = $1 AND status = 'queued' AND phase = (SELECT max(phase) FROM matching_shards WHERE run_id = $1) ORDER BY shard`,
          [runId],
        );
        jobs = queued.map((q) => ({ runId, phase: Number(q.phase) as 1 | 2, shard: q.shard }));
      }
      return (await this.enqueue(tx, jobs)) ? [] : jobs;
    });
  }

  private async enqueue(tx: EntityManager, jobs: ShardJob[]): Promise<boolean> {
    return jobs.length > 0 && !!this.options.queue && (await this.options.queue(tx, jobs));
  }

  /** Executes one shard; returns the next phase's jobs when it completed phase 1 and no queue took them. */
  async executeShard(job: ShardJob): Promise<ShardJob[]> {
    const [shard]: { firm_ids: string[]; status: string; run_status: string; demand: Record<string, number> | null }[] = await this.db.query(
      `SELECT s.firm_ids, s.status, r.status AS run_status, r.demand FROM matching_shards s JOIN matching_runs r ON r.id = s.run_id
        WHERE s.run_id = $1 AND s.phase = $2 AND s.shard = $3`,
      [job.runId, job.phase, job.shard],
    );
    if (!shard || shard.status === 'done' || shard.run_status !== 'running') return [];
    const t0 = performance.now();
    const prepared = await this.preparedFor(job.runId);
    const firms = await loadFirms(this.db.manager, shard.firm_ids);
    const result = job.phase === 1 ? { demand: shardDemand(firms, prepared.offers) } : { run: scoreFirms(firms, prepared.offers, shard.demand ?? {}) };
    const t1 = performance.now();
    const next = await this.db.transaction(async (tx) => {
      // The run row first, then the shard: shard commits of one run are serial, so the
      // last one sees every other as done.
      const [run]: RunRow[] = await tx.query(`SELECT id, edition_id, status, shards, demand FROM matching_runs WHERE id = $1 FOR UPDATE`, [job.runId]);
      const [mine] = await tx.query(`SELECT status FROM matching_shards WHERE run_id = $1 AND phase = $2 AND shard = $3 FOR UPDATE`, [
        job.runId,
        job.phase,
        job.shard,
      ]);
      if (!run || run.status !== 'running' || mine?.status !== 'queued') return [];
      let rows: number | null = null;
      if (result.run) {
        await tx.query(`DELETE FROM recommendations WHERE run_id = $1 AND jp_organization_id = ANY($2::uuid[])`, [job.runId, shard.firm_ids]);
        rows = await insertRecommendations(tx, run.edition_id, job.runId, result.run);
        await this.options.duringWrite?.(job);
      }
      await tx.query(
        `UPDATE matching_shards SET status = 'done', demand = $4, rows = $5, attempts = attempts + 1, worker = $6, finished_at = now()
          WHERE run_id = $1 AND phase = $2 AND shard = $3`,
        [job.runId, job.phase, job.shard, result.demand ? JSON.stringify(result.demand) : null, rows, this.worker],
      );
      const [{ left, total }] = await tx.query(
        `SELECT count(*) FILTER (WHERE status = 'queued')::int AS left, count(*)::int AS total FROM matching_shards WHERE run_id = $1 AND phase = $2`,
        [job.runId, job.phase],
      );
      const base = job.phase === 1 ? 5 : 50;
      await tx.query(`UPDATE matching_runs SET progress = $2 WHERE id = $1`, [job.runId, Math.min(99, base + Math.floor((45 * (total - left)) / total))]);
      if (left > 0) return [];
      if (job.phase === 2) {
        await this.finish(tx, run, run.demand ?? {}, prepared);
        return [];
      }
      // Phase 1 complete: the run's demand, and phase 2 over the same firms.
      await tx.query(
        `UPDATE matching_runs SET demand = (SELECT coalesce(jsonb_object_agg(key, n), '{}') FROM (
           SELECT key, sum(value::int) AS n FROM matching_shards, jsonb_each_text(demand) WHERE run_id = $1 AND phase = 1 GROUP BY key) d)
          WHERE id = $1`,
        [job.runId],
      );
      await tx.query(
        `INSERT INTO matching_shards (run_id, phase, shard, firm_ids) SELECT run_id, 2, shard, firm_ids FROM matching_shards WHERE run_id = $1 AND phase = 1`,
        [job.runId],
      );
      const jobs = Array.from({ length: total }, (_, shard): ShardJob => ({ runId: job.runId, phase: 2, shard }));
      return (await this.enqueue(tx, jobs)) ? [] : jobs;
    });
    this.logger.log(`run ${job.runId} phase ${job.phase} shard ${job.shard}: ${shard.firm_ids.length} firms scored in ${Math.round(t1 - t0)} ms`);
    return next;
  }

  /** The run becomes the edition's current one: earlier rows go, in the same transaction. */
  private async finish(
    tx: EntityManager,
    run: RunRow,
    demand: Record<string, number>,
    prepared?: { offers: PreparedOffers; inputAt: string | null },
  ): Promise<void> {
    await deleteOtherRuns(tx, run.edition_id, run.id);
    // (RunLifecycle's step.succeed lives inside its execute(); the last shard runs outside it.)
    await tx.query(
      `UPDATE matching_runs SET status = 'succeeded', progress = 100, finished_at = now(), algorithm_version = $2, weights_version = $3,
              input_at = coalesce($4::timestamptz, input_at), offers = $5, demand = $6,
              firms = (SELECT coalesce(sum(cardinality(firm_ids)), 0) FROM matching_shards WHERE run_id = $1 AND phase = 2)
        WHERE id = $1`,
      [run.id, ALGORITHM_VERSION, DEFAULT_WEIGHTS.version, prepared?.inputAt ?? null, prepared?.offers.offers.length ?? 0, JSON.stringify(demand)],
    );
  }

  /** Every published offer, read and prepared once per run in this process (the shards of a run share them). */
  private async preparedFor(runId: string): Promise<{ offers: PreparedOffers; inputAt: string | null }> {
    if (this.prepared?.runId !== runId) {
      this.prepared = undefined;
      const { offers, inputAt } = await this.db.transaction('REPEATABLE READ', async (tx) => ({ offers: await loadOffers(tx), inputAt: await inputTime(tx) }));
      this.prepared = { runId, offers: prepareOffers(offers), inputAt };
    }
    return this.prepared;
  }
}
