/**
 * Every `code` an API error body can carry, and the HTTP status it answers with.
 *
 * One list for the API and the web app: the API's exception filter takes a domain
 * error's status from `ERROR_STATUS`, and the web app keeps a translated sentence for
 * every code (a unit test enumerates `ERROR_CODES` against each language file). Adding a
 * code means adding it to the union below; the compiler then refuses to build until it
 * has a status here and the test fails until it has a sentence in zh-CN, ja and en.
 */
export type ErrorCode =
  // Any request
  | 'VALIDATION_FAILED'
  | 'INVALID_INPUT'
  | 'INVALID_BODY'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'ROLE_FORBIDDEN'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_ERROR'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_DOWN'
  | 'SHUTTING_DOWN'
  // Accounts
  | 'INVALID_CREDENTIALS'
  | 'EMAIL_TAKEN'
  | 'TOKEN_INVALID'
  | 'WRONG_PASSWORD'
  | 'INVALID_TIME_ZONE'
  | 'TOO_MANY_ATTEMPTS'
  | 'RESET_TOKEN_INVALID'
  // Editions and sessions
  | 'EDITION_NOT_FOUND'
  | 'SESSION_NOT_FOUND'
  | 'EVENT_YEAR_TAKEN'
  | 'EVENT_INVALID_TIME_ZONE'
  | 'EVENT_INVALID_DATES'
  | 'SESSION_NOT_NEGOTIATION'
  // Organisations and attendance
  | 'ORGANIZATION_NOT_FOUND'
  | 'ORGANIZATION_NOT_YOURS'
  | 'ORGANIZATION_NATIVE_NAME_MISSING'
  | 'ORGANIZATION_NOT_VERIFIED'
  | 'PARTICIPATION_NOT_YOURS'
  | 'PARTICIPATION_UNKNOWN_HALF_DAY'
  // Offers
  | 'OFFER_NOT_FOUND'
  | 'OFFER_NOT_YOURS'
  | 'OFFER_WRONG_STATUS'
  | 'OFFER_SECOND_LANGUAGE_MISSING'
  | 'OFFER_INVESTMENT_RANGE'
  | 'OFFER_ONLY_JINAN_COMPANIES'
  // Meetings
  | 'MEETING_NOT_FOUND'
  | 'MEETING_PAIR_EXISTS'
  | 'MEETING_WRONG_STATE'
  | 'MEETING_NOT_YOUR_TURN'
  | 'MEETING_CHANGED_CONCURRENTLY'
  | 'MEETING_QUOTA_REACHED'
  | 'MEETING_ONLY_JAPANESE_FIRMS_REQUEST'
  | 'MEETING_EDITION_CLOSED'
  | 'IDEMPOTENCY_KEY_REUSED'
  // Slots chosen by the parties (self-booking mode)
  | 'SELF_BOOKING_NOT_ENABLED'
  | 'SELF_BOOKING_SLOT_TAKEN'
  | 'SELF_BOOKING_NOT_SETTLING'
  | 'SELF_BOOKING_NOT_MOVABLE'
  | 'SLOT_PROPOSAL_NOT_FOUND'
  | 'SLOT_PROPOSAL_OPEN'
  | 'SLOT_PROPOSAL_NOT_YOURS'
  | 'SLOT_PROPOSAL_CLOSED'
  // Key projects (signing ceremony)
  | 'KEY_PROJECT_NOT_FOUND'
  | 'KEY_PROJECT_MEETING_NOT_FOUND'
  | 'KEY_PROJECT_MEETING_NOT_TAKING_PLACE'
  | 'KEY_PROJECT_NO_SIGNED_OUTCOME'
  | 'KEY_PROJECT_EXISTS'
  // Matching
  | 'MATCHING_RUN_IN_PROGRESS'
  | 'MATCHING_RUN_NOT_FOUND'
  | 'MATCHING_NOT_YOUR_FIRM'
  | 'MATCHING_ORGANIZATION_REQUIRED'
  // Scheduling, bookings and agendas
  | 'SCHEDULE_RUN_IN_PROGRESS'
  | 'SCHEDULE_RUN_NOT_FOUND'
  | 'SCHEDULE_NOTHING_TO_PUBLISH'
  | 'SCHEDULE_DOUBLE_BOOKING'
  | 'SCHEDULE_PIN_CONFLICT'
  | 'SCHEDULE_UNKNOWN_PIN'
  | 'AGENDA_INVALID_ZONE'
  | 'AGENDA_NO_ORGANIZATION'
  | 'BOOKING_MEETING_NOT_FOUND'
  | 'BOOKING_SLOT_NOT_FOUND'
  | 'BOOKING_TABLE_NOT_FOUND'
  | 'BOOKING_NOT_MOVABLE'
  | 'BOOKING_WRONG_SESSION'
  // Feedback
  | 'FEEDBACK_MEETING_NOT_FOUND'
  | 'FEEDBACK_MEETING_NOT_TAKING_PLACE'
  | 'FEEDBACK_TOO_EARLY'
  | 'FEEDBACK_INITIAL_FIRST'
  | 'FEEDBACK_FOLLOW_UP_TOO_EARLY'
  // Notifications and calendars
  | 'NOTIFICATION_NOT_FOUND'
  | 'CALENDAR_FEED_NOT_FOUND'
  | 'CALENDAR_RENDER_FAILED';

/** The HTTP statuses error codes use (numerically equal to Nest's `HttpStatus`). */
export const HTTP = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  payloadTooLarge: 413,
  unprocessable: 422,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorHttpStatus = (typeof HTTP)[keyof typeof HTTP];

/** The status of every code. A missing or unknown key is a compile error. */
export const ERROR_STATUS: Record<ErrorCode, ErrorHttpStatus> = {
  VALIDATION_FAILED: HTTP.badRequest,
  INVALID_INPUT: HTTP.badRequest,
  /** Unreadable JSON (400), too large (413) or an unsupported encoding (415): body-parser's status. */
  INVALID_BODY: HTTP.badRequest,
  PAYLOAD_TOO_LARGE: HTTP.payloadTooLarge,
  UNAUTHENTICATED: HTTP.unauthorized,
  ROLE_FORBIDDEN: HTTP.forbidden,
  FORBIDDEN: HTTP.forbidden,
  NOT_FOUND: HTTP.notFound,
  CONFLICT: HTTP.conflict,
  STALE_VERSION: HTTP.conflict,
  TOO_MANY_REQUESTS: HTTP.tooManyRequests,
  INTERNAL_ERROR: HTTP.internal,
  DATABASE_UNAVAILABLE: HTTP.unavailable,
  DATABASE_DOWN: HTTP.unavailable,
  SHUTTING_DOWN: HTTP.unavailable,

  INVALID_CREDENTIALS: HTTP.unauthorized,
  EMAIL_TAKEN: HTTP.conflict,
  TOKEN_INVALID: HTTP.unauthorized,
  WRONG_PASSWORD: HTTP.forbidden,
  INVALID_TIME_ZONE: HTTP.badRequest,
  TOO_MANY_ATTEMPTS: HTTP.tooManyRequests,
  RESET_TOKEN_INVALID: HTTP.badRequest,

  EDITION_NOT_FOUND: HTTP.notFound,
  SESSION_NOT_FOUND: HTTP.notFound,
  EVENT_YEAR_TAKEN: HTTP.conflict,
  EVENT_INVALID_TIME_ZONE: HTTP.badRequest,
  EVENT_INVALID_DATES: HTTP.badRequest,
  SESSION_NOT_NEGOTIATION: HTTP.conflict,

  ORGANIZATION_NOT_FOUND: HTTP.notFound,
  ORGANIZATION_NOT_YOURS: HTTP.forbidden,
  ORGANIZATION_NATIVE_NAME_MISSING: HTTP.badRequest,
  ORGANIZATION_NOT_VERIFIED: HTTP.conflict,
  PARTICIPATION_NOT_YOURS: HTTP.forbidden,
  PARTICIPATION_UNKNOWN_HALF_DAY: HTTP.badRequest,

  OFFER_NOT_FOUND: HTTP.notFound,
  OFFER_NOT_YOURS: HTTP.forbidden,
  OFFER_WRONG_STATUS: HTTP.conflict,
  OFFER_SECOND_LANGUAGE_MISSING: HTTP.badRequest,
  OFFER_INVESTMENT_RANGE: HTTP.badRequest,
  OFFER_ONLY_JINAN_COMPANIES: HTTP.forbidden,

  MEETING_NOT_FOUND: HTTP.notFound,
  MEETING_PAIR_EXISTS: HTTP.conflict,
  MEETING_WRONG_STATE: HTTP.conflict,
  MEETING_NOT_YOUR_TURN: HTTP.forbidden,
  MEETING_CHANGED_CONCURRENTLY: HTTP.conflict,
  MEETING_QUOTA_REACHED: HTTP.conflict,
  MEETING_ONLY_JAPANESE_FIRMS_REQUEST: HTTP.forbidden,
  MEETING_EDITION_CLOSED: HTTP.conflict,
  IDEMPOTENCY_KEY_REUSED: HTTP.unprocessable,

  SELF_BOOKING_NOT_ENABLED: HTTP.conflict,
  SELF_BOOKING_SLOT_TAKEN: HTTP.conflict,
  SELF_BOOKING_NOT_SETTLING: HTTP.conflict,
  SELF_BOOKING_NOT_MOVABLE: HTTP.conflict,
  SLOT_PROPOSAL_NOT_FOUND: HTTP.notFound,
  SLOT_PROPOSAL_OPEN: HTTP.conflict,
  SLOT_PROPOSAL_NOT_YOURS: HTTP.forbidden,
  SLOT_PROPOSAL_CLOSED: HTTP.conflict,
  KEY_PROJECT_NOT_FOUND: HTTP.notFound,
  KEY_PROJECT_MEETING_NOT_FOUND: HTTP.notFound,
  KEY_PROJECT_MEETING_NOT_TAKING_PLACE: HTTP.conflict,
  KEY_PROJECT_NO_SIGNED_OUTCOME: HTTP.conflict,
  KEY_PROJECT_EXISTS: HTTP.conflict,

  MATCHING_RUN_IN_PROGRESS: HTTP.conflict,
  MATCHING_RUN_NOT_FOUND: HTTP.notFound,
  MATCHING_NOT_YOUR_FIRM: HTTP.forbidden,
  MATCHING_ORGANIZATION_REQUIRED: HTTP.badRequest,

  SCHEDULE_RUN_IN_PROGRESS: HTTP.conflict,
  SCHEDULE_RUN_NOT_FOUND: HTTP.notFound,
  SCHEDULE_NOTHING_TO_PUBLISH: HTTP.conflict,
  SCHEDULE_DOUBLE_BOOKING: HTTP.conflict,
  /** Pins that cannot all hold (one table, a party absent, over delegates, daily maximum or interpreters). */
  SCHEDULE_PIN_CONFLICT: HTTP.unprocessable,
  SCHEDULE_UNKNOWN_PIN: HTTP.badRequest,
  AGENDA_INVALID_ZONE: HTTP.badRequest,
  AGENDA_NO_ORGANIZATION: HTTP.badRequest,
  BOOKING_MEETING_NOT_FOUND: HTTP.notFound,
  BOOKING_SLOT_NOT_FOUND: HTTP.notFound,
  BOOKING_TABLE_NOT_FOUND: HTTP.notFound,
  BOOKING_NOT_MOVABLE: HTTP.conflict,
  BOOKING_WRONG_SESSION: HTTP.conflict,

  FEEDBACK_MEETING_NOT_FOUND: HTTP.notFound,
  FEEDBACK_MEETING_NOT_TAKING_PLACE: HTTP.conflict,
  FEEDBACK_TOO_EARLY: HTTP.conflict,
  FEEDBACK_INITIAL_FIRST: HTTP.conflict,
  FEEDBACK_FOLLOW_UP_TOO_EARLY: HTTP.conflict,

  NOTIFICATION_NOT_FOUND: HTTP.notFound,
  CALENDAR_FEED_NOT_FOUND: HTTP.notFound,
  CALENDAR_RENDER_FAILED: HTTP.internal,
};

/** Every code, for code that must enumerate them (translation completeness tests). */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

/**
 * The code an error without its own code answers with, by status: Nest's built-in
 * exceptions (an unknown route, the throttler's 429) and the last-resort 500.
 */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case HTTP.unauthorized:
      return 'UNAUTHENTICATED';
    case HTTP.forbidden:
      return 'FORBIDDEN';
    case HTTP.notFound:
      return 'NOT_FOUND';
    case HTTP.conflict:
      return 'CONFLICT';
    case HTTP.payloadTooLarge:
      return 'PAYLOAD_TOO_LARGE';
    case HTTP.tooManyRequests:
      return 'TOO_MANY_REQUESTS';
    case HTTP.unavailable:
      return 'DATABASE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_INPUT';
  }
}
