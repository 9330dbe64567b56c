import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum EventErrorCode {
  NotFound = 'EVENT_NOT_FOUND',
  SessionNotFound = 'SESSION_NOT_FOUND',
  YearTaken = 'EVENT_YEAR_TAKEN',
  InvalidTimeZone = 'EVENT_INVALID_TIME_ZONE',
  InvalidDates = 'EVENT_INVALID_DATES',
  NotNegotiation = 'SESSION_NOT_NEGOTIATION',
}

registerErrorCodes({
  [EventErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [EventErrorCode.SessionNotFound]: HttpStatus.NOT_FOUND,
  [EventErrorCode.YearTaken]: HttpStatus.CONFLICT,
  [EventErrorCode.InvalidTimeZone]: HttpStatus.BAD_REQUEST,
  [EventErrorCode.InvalidDates]: HttpStatus.BAD_REQUEST,
  [EventErrorCode.NotNegotiation]: HttpStatus.CONFLICT,
});

registerConstraintMessages({
  editions_year_key: { status: HttpStatus.CONFLICT, code: EventErrorCode.YearTaken, message: 'an edition already exists for that year' },
});
