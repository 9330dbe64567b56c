import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum AuthErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  EmailTaken = 'EMAIL_TAKEN',
  TokenInvalid = 'TOKEN_INVALID',
  WrongPassword = 'WRONG_PASSWORD',
  InvalidTimeZone = 'INVALID_TIME_ZONE',
}

registerErrorCodes({
  [AuthErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.EmailTaken]: HttpStatus.CONFLICT,
  [AuthErrorCode.TokenInvalid]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.WrongPassword]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.InvalidTimeZone]: HttpStatus.BAD_REQUEST,
});

registerConstraintMessages({
  users_email_key: { status: HttpStatus.CONFLICT, code: AuthErrorCode.EmailTaken, message: 'email is already registered' },
});
