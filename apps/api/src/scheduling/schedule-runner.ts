import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulingService } from './scheduling.service';

/**
 * Runs scheduler runs off the request path. Each run executes under a PostgreSQL
 * advisory lock, so across instances it executes once at a time; a run left queued or
 * running by an instance that died is picked up again when an instance starts.
 */
@Injectable()
export class ScheduleRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleRunner.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly scheduling: SchedulingService) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const runId of await this.scheduling.unfinishedRuns()) this.enqueue(runId);
  }

  enqueue(runId: string): void {
    const work = this.scheduling
      .executeRun(runId)
      .catch((error) => this.logger.error(`run ${runId}: ${error instanceof Error ? error.message : error}`))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Waits for runs in flight, so a shutdown never leaves a half-written schedule behind. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
