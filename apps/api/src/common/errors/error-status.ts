import { HttpStatus } from '@nestjs/common';

/**
 * Every domain error code and the HTTP status it maps to — the one place where
 * business errors meet HTTP. Modules register their codes here when they add them.
 */
const STATUS_BY_CODE = new Map<string, HttpStatus>();

export function registerErrorCodes(codes: Record<string, HttpStatus>): void {
  for (const [code, status] of Object.entries(codes)) STATUS_BY_CODE.set(code, status);
}

export function statusForCode(code: string): HttpStatus {
  return STATUS_BY_CODE.get(code) ?? HttpStatus.BAD_REQUEST;
}

registerErrorCodes({
  INVALID_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  CONFLICT: HttpStatus.CONFLICT,
  STALE_VERSION: HttpStatus.CONFLICT,
});
