import { Injectable, Optional } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { RunQueue } from '../jobs/run-queue';
import { MatchingService } from './matching.service';

/** The pg-boss queue of matching runs. */
export const MATCHING_RUN_JOB = 'matching-run';

/** Matching runs off the request path, through pg-boss when it runs here (see RunQueue). */
@Injectable()
export class MatchingRunner extends RunQueue {
  constructor(matching: MatchingService, @Optional() jobs?: JobsService) {
    super({ job: MATCHING_RUN_JOB, cron: '*/10 * * * *' }, matching, jobs);
  }
}
