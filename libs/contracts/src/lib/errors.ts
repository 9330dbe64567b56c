/** The error body of every API error (PRODUCT.md §6). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** A sentence a person can act on. */
  message: string;
  /** Stable machine-readable code, e.g. `OFFER_NOT_FOUND`. */
  code?: string;
  /** For validation errors: one entry per offending field. */
  details?: FieldError[];
  /** With SELF_BOOKING_SLOT_TAKEN: the slots still open for the meeting. */
  options?: unknown;
}

export interface FieldError {
  /** Dotted path of the field, e.g. `organization.sectors`. */
  field: string;
  messages: string[];
}
