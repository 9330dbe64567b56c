import { Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** What a RunQueue needs from the service that owns a kind of run (see run-lifecycle.ts). */
export interface RunExecutor {
  /** Ids of the runs queued or left running by a dead instance, oldest first. */
  unfinishedRuns(): Promise<string[]>;
  /** Idempotent: a finished run or one another executor holds is left alone. */
  executeRun(runId: string): Promise<void>;
}

export interface RunQueueOptions {
  /** The pg-boss queue, e.g. 'matching-run'. */
  job: string;
  /** Cron in UTC for the tick that picks up anything a trigger missed. */
  cron: string;
}

/**
 * Runs of one kind, off the request path. With pg-boss running in this instance, a run is a
 * job on its queue (stately: triggers coalesce; the job executes every unfinished run,
 * oldest first; a cron tick picks up anything missed). Otherwise (jobs disabled, as in the
 * API tests) the run executes in this process. Either way the lifecycle's advisory lock
 * makes a run execute once at a time across instances. Runs left unfinished by an instance
 * that died are resumed when an instance starts. Subclass it as a Nest provider:
 *
 *   @Injectable() export class MatchingRunner extends RunQueue {
 *     constructor(matching: MatchingService, @Optional() jobs?: JobsService) { super({ job: 'matching-run', cron: '*\/10 * * * *' }, matching, jobs); }
 *   }
 */
export abstract class RunQueue implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly inFlight = new Set<Promise<void>>();

  protected constructor(
    private readonly queue: RunQueueOptions,
    private readonly executor: RunExecutor,
    private readonly jobs?: JobsService,
  ) {
    this.logger = new Logger(`RunQueue(${queue.job})`);
  }

  onModuleInit(): void {
    this.jobs?.register({ name: this.queue.job, cron: this.queue.cron, handler: () => this.executeUnfinished() });
  }

  /** Runs queued or interrupted (their instance died) when this instance started. */
  async onApplicationBootstrap(): Promise<void> {
    for (const runId of await this.executor.unfinishedRuns()) this.executeHere(runId);
  }

  /** After the run's row committed: a job when pg-boss runs here, else in this process. */
  async dispatch(runId: string): Promise<void> {
    if (this.jobs?.running) await this.jobs.trigger(this.queue.job);
    else this.executeHere(runId);
  }

  private async executeUnfinished(): Promise<void> {
    for (const runId of await this.executor.unfinishedRuns()) await this.executor.executeRun(runId);
  }

  private executeHere(runId: string): void {
    const work = this.executor
      .executeRun(runId)
      .catch((error) => this.logger.error(`run ${runId}: ${error instanceof Error ? error.message : error}`))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Waits for runs in flight, so a shutdown never leaves a half-written run behind. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
