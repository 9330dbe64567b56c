import { Injectable, Optional } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { RunQueue } from '../jobs/run-queue';
import { SchedulingService } from './scheduling.service';

/** The pg-boss queue of scheduler runs. */
export const SCHEDULE_RUN_JOB = 'schedule-run';

/** Scheduler runs off the request path, through pg-boss when it runs here (see RunQueue). */
@Injectable()
export class ScheduleRunner extends RunQueue {
  constructor(scheduling: SchedulingService, @Optional() jobs?: JobsService) {
    super({ job: SCHEDULE_RUN_JOB, cron: '*/10 * * * *' }, scheduling, jobs);
  }
}
