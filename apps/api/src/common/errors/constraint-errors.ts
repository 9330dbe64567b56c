import { ErrorCode } from '@jinan/contracts';

/**
 * Database constraint name → the error code and sentence the client gets when that
 * constraint stops a write. Constraints are the last line of defence; services usually
 * catch the condition first with a clearer domain error. The status comes from the
 * code (ERROR_STATUS in libs/contracts), so a constraint cannot answer with a status
 * its code does not have.
 */
export const CONSTRAINT_ERRORS: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  users_email_key: { code: 'EMAIL_TAKEN', message: 'email is already registered' },
  editions_year_key: { code: 'EVENT_YEAR_TAKEN', message: 'an edition already exists for that year' },
  organizations_native_name: {
    code: 'ORGANIZATION_NATIVE_NAME_MISSING',
    message: 'a Japanese firm needs nameJa and a Ji\u2019nan company needs nameZh',
  },
  offers_second_language: { code: 'OFFER_SECOND_LANGUAGE_MISSING', message: 'a published offer needs a Japanese or English title and summary' },
  meetings_one_per_pair: { code: 'MEETING_PAIR_EXISTS', message: 'a meeting between these two organizations already exists in this edition' },
  slot_proposals_one_open: { code: 'SLOT_PROPOSAL_OPEN', message: 'this meeting already has an open slot proposal; it must be answered first' },
  key_projects_one_per_meeting: { code: 'KEY_PROJECT_EXISTS', message: 'this meeting is already a key project' },
  meetings_priority: { code: 'INVALID_INPUT', message: 'priority must be between 1 and 3' },
  matching_runs_one_active: { code: 'MATCHING_RUN_IN_PROGRESS', message: 'a matching run is already queued or running for this edition' },
  schedule_runs_one_active: { code: 'SCHEDULE_RUN_IN_PROGRESS', message: 'a scheduler run is already queued or running for this edition' },
  bookings_table_once: { code: 'SCHEDULE_DOUBLE_BOOKING', message: 'that table already holds a meeting at that time' },
  bookings_jp_capacity: { code: 'SCHEDULE_DOUBLE_BOOKING', message: 'the Japanese firm has no free delegate at that time' },
  bookings_cn_capacity: { code: 'SCHEDULE_DOUBLE_BOOKING', message: 'the Ji\u2019nan company has no free delegate at that time' },
  bookings_pkey: { code: 'SCHEDULE_DOUBLE_BOOKING', message: 'that meeting is already booked' },
};
