import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';

export enum CalendarErrorCode {
  FeedNotFound = 'CALENDAR_FEED_NOT_FOUND',
  RenderFailed = 'CALENDAR_RENDER_FAILED',
}

registerErrorCodes({
  [CalendarErrorCode.FeedNotFound]: HttpStatus.NOT_FOUND,
  [CalendarErrorCode.RenderFailed]: HttpStatus.INTERNAL_SERVER_ERROR,
});
