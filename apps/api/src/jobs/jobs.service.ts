import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';

export interface JobsOptions {
  databaseUrl: string;
  /** false: nothing is started (tests that call the job handlers themselves). */
  enabled: boolean;
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
 * Background jobs on pg-boss (PostgreSQL-backed, no extra server). Modules register
 * their jobs in onModuleInit; the queue starts after the application bootstrapped
 * (so after the migrations, which run before Nest starts) and stops, waiting for
 * running jobs, before connections close.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private boss?: PgBoss;

  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {}

  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} registered twice`);
    this.definitions.set(definition.name, definition);
  }

  get running(): boolean {
    return this.boss !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    const boss = new PgBoss({ connectionString: this.options.databaseUrl, schema: 'pgboss', max: 4, application_name: 'jinan-jobs' });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    for (const def of this.definitions.values()) {
      // stately: at most one waiting and one running job per queue, so triggers coalesce.
      // Instances starting together race on pg-boss's queue DDL (deadlock): retry.
      await retryOnDeadlock(() => boss.createQueue(def.name, { name: def.name, policy: 'stately', retryLimit: 3, retryDelay: 30 }));
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
      await boss.work(def.name, { pollingIntervalSeconds: 5, batchSize: 1 }, async () => {
        await def.handler();
      });
    }
    this.boss = boss;
    this.logger.log(`started: ${[...this.definitions.keys()].join(', ')}`);
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
