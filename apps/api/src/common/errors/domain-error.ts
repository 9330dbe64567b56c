import { ErrorCode, FieldError } from '@jinan/contracts';

/**
 * A business rule said no. Thrown by services with a domain code; the exception
 * filter takes the HTTP status from ERROR_STATUS in libs/contracts, so services never
 * pick status numbers themselves and every code has exactly one status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
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
  return new DomainError('INVALID_INPUT', `${field} ${message}`, [{ field, messages: [`${field} ${message}`] }]);
}
