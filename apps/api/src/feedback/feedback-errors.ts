import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';

export enum FeedbackErrorCode {
  MeetingNotFound = 'FEEDBACK_MEETING_NOT_FOUND',
  NotTakingPlace = 'FEEDBACK_MEETING_NOT_TAKING_PLACE',
  TooEarly = 'FEEDBACK_TOO_EARLY',
  InitialFirst = 'FEEDBACK_INITIAL_FIRST',
  FollowUpTooEarly = 'FEEDBACK_FOLLOW_UP_TOO_EARLY',
}

registerErrorCodes({
  [FeedbackErrorCode.MeetingNotFound]: HttpStatus.NOT_FOUND,
  [FeedbackErrorCode.NotTakingPlace]: HttpStatus.CONFLICT,
  [FeedbackErrorCode.TooEarly]: HttpStatus.CONFLICT,
  [FeedbackErrorCode.InitialFirst]: HttpStatus.CONFLICT,
  [FeedbackErrorCode.FollowUpTooEarly]: HttpStatus.CONFLICT,
});
