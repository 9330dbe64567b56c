import { FieldError } from '@jinan/contracts';

/**
 * A business rule said no. Thrown by services with a domain code; the exception
 * filter turns the code into an HTTP status (see error-status.ts), so services never
 * pick status numbers themselves.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: FieldError[],
    /** More for the client to act on, sent beside the standard fields (e.g. fresh slot options with a 409). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Input that passed DTO validation but is still wrong, naming the field. */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError(CommonErrorCode.InvalidInput, `${field} ${message}`, [{ field, messages: [`${field} ${message}`] }]);
}

export enum CommonErrorCode {
  InvalidInput = 'INVALID_INPUT',
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Conflict = 'CONFLICT',
  StaleVersion = 'STALE_VERSION',
}
