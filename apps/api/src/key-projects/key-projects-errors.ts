import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum KeyProjectErrorCode {
  NotFound = 'KEY_PROJECT_NOT_FOUND',
  MeetingNotFound = 'KEY_PROJECT_MEETING_NOT_FOUND',
  MeetingNotHeld = 'KEY_PROJECT_MEETING_NOT_TAKING_PLACE',
  NoSignedOutcome = 'KEY_PROJECT_NO_SIGNED_OUTCOME',
  Exists = 'KEY_PROJECT_EXISTS',
}

registerErrorCodes({
  [KeyProjectErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [KeyProjectErrorCode.MeetingNotFound]: HttpStatus.NOT_FOUND,
  [KeyProjectErrorCode.MeetingNotHeld]: HttpStatus.CONFLICT,
  [KeyProjectErrorCode.NoSignedOutcome]: HttpStatus.CONFLICT,
  [KeyProjectErrorCode.Exists]: HttpStatus.CONFLICT,
});

registerConstraintMessages({
  key_projects_one_per_meeting: { status: HttpStatus.CONFLICT, code: KeyProjectErrorCode.Exists, message: 'this meeting is already a key project' },
});
