import type { ErrorCode } from './error-codes';

/** The error body of every API error (docs/product.md §6). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** A sentence a person can act on. */
  message: string;
  /** Stable machine-readable code, e.g. `OFFER_NOT_FOUND`: what clients translate. */
  code: ErrorCode;
  /** For validation errors: one entry per offending field. */
  details?: FieldError[];
  /** With SELF_BOOKING_SLOT_TAKEN: the slots still open for the meeting. */
  options?: unknown;
  /**
   * For validation errors: the broken rules of each field in `details`, named as
   * class-validator names them (`isEmail`, `maxLength`…). What clients translate.
   */
  rules?: Record<string, string[]>;
}

export interface FieldError {
  /** Dotted path of the field, e.g. `organization.sectors`. */
  field: string;
  messages: string[];
}
