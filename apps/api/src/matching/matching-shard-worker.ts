import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { IncrementalMatching } from './incremental-matching';
import { MATCHING_SHARD_JOB, ShardedMatching, ShardJob } from './sharded-matching';

export interface MatchingModuleOptions {
  shardSize: number;
  shardExpireSeconds: number;
  /** How often a worker looks for offer and profile changes to apply (ms). */
  incrementalIntervalMs?: number;
  /**
   * false: this process plans runs but leaves shards and incremental scoring to matching
   * workers (CPU-bound work blocks an API instance's event loop: reads stall meanwhile).
   */
  work?: boolean;
}

export const MATCHING_OPTIONS = Symbol('MATCHING_OPTIONS');

/**
 * This process's part in distributed matching: with pg-boss running it works on the
 * 'matching-shard' queue (an API instance, or `npm run matching:worker`) and applies
 * offer and profile changes every second (one process at a time, see
 * IncrementalMatching); without, a run executes here shard after shard and changes wait
 * for the next run.
 */
@Injectable()
export class MatchingShardWorker implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MatchingWorker');
  readonly sharded: ShardedMatching;
  readonly incremental: IncrementalMatching;
  private timer?: NodeJS.Timeout;
  private pass?: Promise<unknown>;

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(MATCHING_OPTIONS) private readonly options: MatchingModuleOptions,
    @Optional() private readonly jobs?: JobsService,
  ) {
    this.sharded = new ShardedMatching(db, {
      shardSize: options.shardSize,
      queue: async (tx, jobs) => {
        if (!this.jobs?.running) return false;
        await this.jobs.enqueueIn(
          tx,
          MATCHING_SHARD_JOB,
          jobs.map((data) => ({ data })),
        );
        return true;
      },
    });
    this.incremental = new IncrementalMatching(db);
  }

  get distributed(): boolean {
    return !!this.jobs?.running;
  }

  onModuleInit(): void {
    if (this.options.work === false) return;
    this.jobs?.registerWorker<ShardJob>({
      name: MATCHING_SHARD_JOB,
      expireInSeconds: this.options.shardExpireSeconds,
      retryLimit: 5,
      handler: (job) => this.sharded.executeShard(job),
    });
  }

  onApplicationBootstrap(): void {
    if (!this.jobs || this.options.work === false) return;
    this.timer = setInterval(() => {
      if (this.pass || !this.distributed) return;
      this.pass = this.incremental
        .applyPending()
        .catch((error) => this.logger.error(`incremental matching: ${error instanceof Error ? error.message : error}`))
        .finally(() => (this.pass = undefined));
    }, this.options.incrementalIntervalMs ?? 1000);
    this.timer.unref();
  }

  /** Warms the incremental state in this process's pass slot (a timer pass waits for it); resolves when done. */
  warm(): Promise<void> {
    if (!this.jobs || this.options.work === false) return Promise.resolve();
    this.pass ??= this.incremental
      .warm()
      .catch((error) => this.logger.error(`incremental matching warm-up: ${error instanceof Error ? error.message : error}`))
      .finally(() => (this.pass = undefined));
    return this.pass.then(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }
}
