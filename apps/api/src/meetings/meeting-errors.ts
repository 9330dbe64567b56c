import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum MeetingErrorCode {
  NotFound = 'MEETING_NOT_FOUND',
  PairExists = 'MEETING_PAIR_EXISTS',
  WrongState = 'MEETING_WRONG_STATE',
  NotYourTurn = 'MEETING_NOT_YOUR_TURN',
  ChangedConcurrently = 'MEETING_CHANGED_CONCURRENTLY',
  QuotaReached = 'MEETING_QUOTA_REACHED',
  OnlyJapaneseFirmsRequest = 'MEETING_ONLY_JAPANESE_FIRMS_REQUEST',
  EditionClosed = 'MEETING_EDITION_CLOSED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
}

registerErrorCodes({
  [MeetingErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [MeetingErrorCode.PairExists]: HttpStatus.CONFLICT,
  [MeetingErrorCode.WrongState]: HttpStatus.CONFLICT,
  [MeetingErrorCode.NotYourTurn]: HttpStatus.FORBIDDEN,
  [MeetingErrorCode.ChangedConcurrently]: HttpStatus.CONFLICT,
  [MeetingErrorCode.QuotaReached]: HttpStatus.CONFLICT,
  [MeetingErrorCode.OnlyJapaneseFirmsRequest]: HttpStatus.FORBIDDEN,
  [MeetingErrorCode.EditionClosed]: HttpStatus.CONFLICT,
  [MeetingErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
});

registerConstraintMessages({
  meetings_one_per_pair: {
    status: HttpStatus.CONFLICT,
    code: MeetingErrorCode.PairExists,
    message: 'a meeting between these two organizations already exists in this edition',
  },
  meetings_priority: { status: HttpStatus.BAD_REQUEST, code: 'INVALID_INPUT', message: 'priority must be between 1 and 3' },
});
