/*
 * How to use (matching runs and schedule runs do; sharded jobs can too):
 *
 *   const runs = new RunLifecycle<MyRow>(db, { table: 'matching_runs', lockSpace: LOCK_SPACE.matchingRun, label: 'matching run', claimProgress: 5 });
 *   const id = await runs.queue(tx, { edition_id: editionId, requested_by: caller.id });      // in the request's transaction
 *   await runs.execute(id, async (run, step) => {                                             // by the job, any number of times
 *     await step.progress(30, { firms: 12 });                                                 // progress and facts so far
 *     await db.transaction(async (tx) => { ...write results...; await step.succeed(tx, { statistics: '{}' }); });
 *   });                                                                                       // a throw marks the run failed
 *   await runs.unfinished();                                                                  // ids to resume after a crash
 *
 * and a RunQueue (run-queue.ts) to dispatch the runs through pg-boss. A run's table needs
 * the columns id, edition_id, status ('queued' | 'running' | 'succeeded' | 'failed'),
 * progress, attempts, error, created_at, started_at, finished_at; a partial unique index
 * on (edition_id) WHERE status IN ('queued', 'running') keeps one unfinished run per edition.
 */
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { withTryAdvisoryLock } from './advisory-lock';

/** The tables whose rows are runs (a closed list: the name is interpolated into SQL). */
export type RunTable = 'matching_runs' | 'schedule_runs';

export interface RunLifecycleOptions {
  table: RunTable;
  /** The advisory-lock namespace of this kind of run (LOCK_SPACE in jobs/advisory-lock.ts). */
  lockSpace: number;
  /** For log lines: "matching run 1234 failed: …". */
  label: string;
  /** The progress a run shows as soon as an executor claimed it. */
  claimProgress: number;
}

/** The minimum a run row has; each kind of run adds its own columns. */
export interface RunRowBase {
  id: string;
  edition_id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
}

/** Column values to store with a step, by column name (JSON columns as JSON text). */
export type RunColumns = Record<string, unknown>;

export interface RunStep {
  /** Stores progress (0–100) and any facts known so far, outside any transaction. */
  progress(percent: number, columns?: RunColumns): Promise<void>;
  /** Marks the run succeeded inside the transaction that wrote its results. */
  succeed(tx: EntityManager, columns?: RunColumns): Promise<void>;
}

/**
 * A run's life in its table: queued → running (claimed) → succeeded | failed. Executing is
 * idempotent: one executor at a time per run across instances (a session advisory lock that
 * dies with its connection), a finished run is left alone, and a run left running by a dead
 * instance is claimed again (attempts + 1) and starts over.
 */
export class RunLifecycle<Row extends RunRowBase> {
  private readonly logger: Logger;

  constructor(
    private readonly db: DataSource,
    private readonly options: RunLifecycleOptions,
  ) {
    this.logger = new Logger(`RunLifecycle(${options.table})`);
  }

  /** Inserts a queued run; the partial unique index refuses a second unfinished one per edition. */
  async queue(tx: EntityManager, columns: RunColumns & { edition_id: string }): Promise<string> {
    const names = Object.keys(columns).map(column);
    const [row] = await tx.query(
      `INSERT INTO ${this.options.table} (status, ${names.join(', ')}) VALUES ('queued', ${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(columns),
    );
    return row.id as string;
  }

  /** One run of an edition, or undefined. */
  async find(editionId: string, runId: string): Promise<Row | undefined> {
    const [row] = await this.db.query(`SELECT * FROM ${this.options.table} WHERE id = $1 AND edition_id = $2`, [runId, editionId]);
    return row;
  }

  /** Runs queued, or left running by an instance that died (nobody holds their lock), oldest first. */
  async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM ${this.options.table} WHERE status IN ('queued', 'running') ORDER BY created_at`);
    return rows.map((r) => r.id);
  }

  /**
   * Claims the run and calls `work` with the claimed row; a throw from `work` marks the run
   * failed with its message (logged, not rethrown: the run's row is where the outcome lives).
   * Returns without calling `work` when another executor holds the run or it is finished.
   */
  async execute(runId: string, work: (run: Row, step: RunStep) => Promise<void>): Promise<void> {
    await withTryAdvisoryLock(this.db, this.options.lockSpace, runId, async () => {
      const run = await this.claim(runId);
      if (!run) return;
      try {
        await work(run, this.stepsOf(runId));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error(`${this.options.label} ${runId} failed: ${message}`, error instanceof Error ? error.stack : undefined);
        await this.db.query(`UPDATE ${this.options.table} SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [runId, message]);
      }
    });
  }

  private async claim(runId: string): Promise<Row | undefined> {
    // (Wrapped in a CTE so the driver returns the rows of the UPDATE … RETURNING.)
    const [claimed] = await this.db.query(
      `WITH claimed AS (
         UPDATE ${this.options.table} SET status = 'running', progress = $2, started_at = coalesce(started_at, now()), attempts = attempts + 1, error = NULL
          WHERE id = $1 AND status IN ('queued', 'running') RETURNING *)
       SELECT * FROM claimed`,
      [runId, this.options.claimProgress],
    );
    return claimed;
  }

  private stepsOf(runId: string): RunStep {
    const table = this.options.table;
    const update = (manager: Pick<EntityManager, 'query'>, fixed: string, columns: RunColumns) => {
      const names = Object.keys(columns).map(column);
      const sets = [fixed, ...names.map((name, i) => `${name} = $${i + 2}`)].join(', ');
      return manager.query(`UPDATE ${table} SET ${sets} WHERE id = $1`, [runId, ...Object.values(columns)]);
    };
    return {
      progress: async (percent, columns = {}) => {
        await update(this.db, `progress = ${Math.max(0, Math.min(100, Math.floor(percent)))}`, columns);
      },
      succeed: async (tx, columns = {}) => {
        await update(tx, `status = 'succeeded', progress = 100, finished_at = now()`, columns);
      },
    };
  }
}

/** Column names come from code, never from a request; still, only plain identifiers reach SQL. */
function column(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a column name: ${name}`);
  return name;
}
