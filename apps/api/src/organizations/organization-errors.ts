import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum OrganizationErrorCode {
  NotFound = 'ORGANIZATION_NOT_FOUND',
  NotYours = 'ORGANIZATION_NOT_YOURS',
  NativeNameMissing = 'ORGANIZATION_NATIVE_NAME_MISSING',
  NotVerified = 'ORGANIZATION_NOT_VERIFIED',
}

registerErrorCodes({
  [OrganizationErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [OrganizationErrorCode.NotYours]: HttpStatus.FORBIDDEN,
  [OrganizationErrorCode.NativeNameMissing]: HttpStatus.BAD_REQUEST,
  [OrganizationErrorCode.NotVerified]: HttpStatus.CONFLICT,
});

registerConstraintMessages({
  organizations_native_name: {
    status: HttpStatus.BAD_REQUEST,
    code: OrganizationErrorCode.NativeNameMissing,
    message: 'a Japanese firm needs nameJa and a Ji\u2019nan company needs nameZh',
  },
});
