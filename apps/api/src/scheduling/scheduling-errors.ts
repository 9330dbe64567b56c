import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum SchedulingErrorCode {
  RunInProgress = 'SCHEDULE_RUN_IN_PROGRESS',
  RunNotFound = 'SCHEDULE_RUN_NOT_FOUND',
  NothingToPublish = 'SCHEDULE_NOTHING_TO_PUBLISH',
  InvalidZone = 'AGENDA_INVALID_ZONE',
  NoOrganization = 'AGENDA_NO_ORGANIZATION',
  DoubleBooking = 'SCHEDULE_DOUBLE_BOOKING',
}

registerErrorCodes({
  [SchedulingErrorCode.RunInProgress]: HttpStatus.CONFLICT,
  [SchedulingErrorCode.RunNotFound]: HttpStatus.NOT_FOUND,
  [SchedulingErrorCode.NothingToPublish]: HttpStatus.CONFLICT,
  [SchedulingErrorCode.InvalidZone]: HttpStatus.BAD_REQUEST,
  [SchedulingErrorCode.NoOrganization]: HttpStatus.BAD_REQUEST,
  [SchedulingErrorCode.DoubleBooking]: HttpStatus.CONFLICT,
});

const doubleBooked = (message: string) => ({ status: HttpStatus.CONFLICT, code: SchedulingErrorCode.DoubleBooking, message });

registerConstraintMessages({
  schedule_runs_one_active: {
    status: HttpStatus.CONFLICT,
    code: SchedulingErrorCode.RunInProgress,
    message: 'a scheduler run is already queued or running for this event',
  },
  bookings_table_once: doubleBooked('that table already holds a meeting at that time'),
  bookings_jp_capacity: doubleBooked('the Japanese firm has no free delegate at that time'),
  bookings_cn_capacity: doubleBooked('the Ji\u2019nan company has no free delegate at that time'),
  bookings_pkey: doubleBooked('that meeting is already booked'),
});
