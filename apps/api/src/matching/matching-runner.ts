import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { MatchingService } from './matching.service';

/** The pg-boss queue of matching runs. */
export const MATCHING_RUN_JOB = 'matching-run';

/**
 * Runs matching runs off the request path. With pg-boss running in this instance, a
 * run is a 'matching-run' job (stately queue: triggers coalesce; the job executes every
 * unfinished run, oldest first; a cron tick picks up anything missed). Otherwise (jobs
 * disabled, as in the API tests) the run executes in this process. Either way
 * MatchingService.executeRun holds an advisory lock per run, so it runs once at a
 * time across instances, and the database allows one unfinished run per edition.
 */
@Injectable()
export class MatchingRunner implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchingRunner.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly matching: MatchingService,
    @Optional() private readonly jobs?: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs?.register({ name: MATCHING_RUN_JOB, cron: '*/10 * * * *', handler: () => this.executeUnfinished() });
  }

  /** Runs queued or interrupted (their instance died) when this instance started. */
  async onApplicationBootstrap(): Promise<void> {
    for (const runId of await this.matching.unfinishedRuns()) this.executeHere(runId);
  }

  async dispatch(runId: string): Promise<void> {
    if (this.jobs?.running) await this.jobs.trigger(MATCHING_RUN_JOB);
    else this.executeHere(runId);
  }

  private async executeUnfinished(): Promise<void> {
    for (const runId of await this.matching.unfinishedRuns()) await this.matching.executeRun(runId);
  }

  private executeHere(runId: string): void {
    const work = this.matching
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
