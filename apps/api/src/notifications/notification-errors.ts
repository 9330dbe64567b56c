import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';

export enum NotificationErrorCode {
  NotFound = 'NOTIFICATION_NOT_FOUND',
}

registerErrorCodes({ [NotificationErrorCode.NotFound]: HttpStatus.NOT_FOUND });
