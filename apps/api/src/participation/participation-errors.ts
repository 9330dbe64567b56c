import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';

export enum ParticipationErrorCode {
  NotYours = 'PARTICIPATION_NOT_YOURS',
  UnknownHalfDay = 'PARTICIPATION_UNKNOWN_HALF_DAY',
}

registerErrorCodes({
  [ParticipationErrorCode.NotYours]: HttpStatus.FORBIDDEN,
  [ParticipationErrorCode.UnknownHalfDay]: HttpStatus.BAD_REQUEST,
});
