import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum MatchingErrorCode {
  RunInProgress = 'MATCHING_RUN_IN_PROGRESS',
  RunNotFound = 'MATCHING_RUN_NOT_FOUND',
  NotYourFirm = 'MATCHING_NOT_YOUR_FIRM',
  OrganizationRequired = 'MATCHING_ORGANIZATION_REQUIRED',
}

registerErrorCodes({
  [MatchingErrorCode.RunInProgress]: HttpStatus.CONFLICT,
  [MatchingErrorCode.RunNotFound]: HttpStatus.NOT_FOUND,
  [MatchingErrorCode.NotYourFirm]: HttpStatus.FORBIDDEN,
  [MatchingErrorCode.OrganizationRequired]: HttpStatus.BAD_REQUEST,
});

registerConstraintMessages({
  matching_runs_one_active: {
    status: HttpStatus.CONFLICT,
    code: MatchingErrorCode.RunInProgress,
    message: 'a matching run is already queued or running for this event',
  },
});
