import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';

export interface JobsOptions {
  databaseUrl: string;
  /** false: nothing is started (tests that call the job handlers themselves). */
  enabled: boolean;
  /** pg-boss's connections' application_name (default jinan-jobs). */
  applicationName?: string;
  /** How often pg-boss fails jobs whose worker died (expired) so another worker retries them; default 60 s. */
  maintenanceIntervalSeconds?: number;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/** A background job: a handler run by exactly one instance per trigger. */
export interface JobDefinition {
  name: string;
  /** Cron in UTC; pg-boss's scheduler enqueues one job per tick whatever the number of instances. */
  cron?: string;
  handler: () => Promise<unknown>;
}

/**
 * A queue of jobs that carry data, any number waiting, each executed by one worker of
 * any instance (work split across processes, e.g. matching shards). A job whose worker
 * dies is failed by pg-boss after `expireInSeconds` and retried by another worker.
 */
export interface WorkerDefinition<T extends object> {
  name: string;
  handler: (data: T) => Promise<unknown>;
  expireInSeconds: number;
  retryLimit: number;
  /** Jobs this process works on at once (default 1: CPU-bound work). */
  concurrency?: number;
}

/**
 * Background jobs on pg-boss (PostgreSQL-backed, no extra server). Modules register
 * their jobs in onModuleInit; the queue starts after the application bootstrapped
 * (so after the migrations, which run before Nest starts) and stops, waiting for
 * running jobs, before connections close.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly workers = new Map<string, WorkerDefinition<object>>();
  private boss?: PgBoss;
  /** Set as soon as pg-boss started: workers may queue follow-up jobs before bootstrap ends. */
  private started?: PgBoss;

  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {}

  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} registered twice`);
    this.definitions.set(definition.name, definition);
  }

  registerWorker<T extends object>(definition: WorkerDefinition<T>): void {
    if (this.definitions.has(definition.name) || this.workers.has(definition.name)) throw new Error(`job ${definition.name} registered twice`);
    this.workers.set(definition.name, definition as unknown as WorkerDefinition<object>);
  }

  /**
   * Queues jobs in the caller's transaction (pg-boss inserts on that connection): they
   * exist exactly when the caller's rows commit. Needs pg-boss running here.
   */
  async enqueueIn<T extends object>(tx: EntityManager, name: string, jobs: { data: T; singletonKey?: string }[]): Promise<void> {
    const boss = this.started;
    if (!boss) throw new Error(`cannot queue ${name}: jobs are not running in this instance`);
    if (!jobs.length) return;
    const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }) };
    await boss.insert(
      jobs.map((j) => ({ name, data: j.data, singletonKey: j.singletonKey })),
      { db },
    );
  }

  get running(): boolean {
    return this.boss !== undefined;
  }

  /** Whether enqueueIn works here (pg-boss started in this instance). */
  get canEnqueue(): boolean {
    return this.started !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    const boss = new PgBoss({
      connectionString: this.options.databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: this.options.applicationName ?? 'jinan-jobs',
      ...(this.options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: this.options.maintenanceIntervalSeconds } : {}),
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    this.started = boss;
    for (const def of this.definitions.values()) {
      // stately: at most one waiting and one running job per queue, so triggers coalesce.
      // Instances starting together race on pg-boss's queue DDL (deadlock): retry.
      await retryOnDeadlock(() => boss.createQueue(def.name, { name: def.name, policy: 'stately', retryLimit: 3, retryDelay: 30 }));
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
      await boss.work(def.name, { pollingIntervalSeconds: 5, batchSize: 1 }, async () => {
        await def.handler();
      });
    }
    for (const def of this.workers.values()) {
      await retryOnDeadlock(() =>
        boss.createQueue(def.name, { name: def.name, policy: 'standard', retryLimit: def.retryLimit, retryDelay: 1, expireInSeconds: def.expireInSeconds }),
      );
      // One fetch per job: a CPU-bound job never holds a second one another worker could take.
      const concurrency = def.concurrency ?? 1;
      for (let k = 0; k < concurrency; k++) {
        await boss.work(def.name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
          await def.handler(job.data as object);
        });
      }
    }
    this.boss = boss;
    this.logger.log(`started: ${[...this.definitions.keys(), ...this.workers.keys()].join(', ')}`);
  }

  /** Runs a job soon (e.g. mail the outbox after a commit); coalesced with one already waiting. */
  async trigger(name: string): Promise<void> {
    if (!this.boss) return;
    try {
      await this.boss.send(name, {});
    } catch (error) {
      // The cron run picks the work up anyway.
      this.logger.warn(`could not enqueue ${name}: ${(error as Error).message}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    this.started = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/** Runs fn again when PostgreSQL picked it as a deadlock victim (40P01), a few times with jitter. */
async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}
