import { QueryFailedError } from 'typeorm';

/** SQLSTATE codes the API turns into client errors rather than 500s. */
export const PG = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  exclusionViolation: '23P01',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  invalidTextRepresentation: '22P02',
} as const;

export interface PgErrorInfo {
  code: string;
  constraint?: string;
  detail?: string;
}

export function pgError(error: unknown): PgErrorInfo | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (!driverError?.code) return undefined;
  return { code: driverError.code, constraint: driverError.constraint, detail: driverError.detail };
}

/** Connection-level failures: SQLSTATE classes 08 and 57P0x, and the driver's socket errors. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|terminating connection/i;

const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * The database cannot be reached or is restarting: the request did not happen and can
 * be retried, so the client gets a 503 rather than a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // TypeORM's words for "the connection died under this transaction" (nothing committed):
  // the first from a repository call, the second from tx.query() on the released runner.
  if (RELEASED_RUNNER_ERRORS.has(error.name)) return true;
  const driverError = (error instanceof QueryFailedError ? error.driverError : error) as { code?: unknown; message?: unknown } | undefined;
  const code = typeof driverError?.code === 'string' ? driverError.code : '';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return true;
  const message = typeof driverError?.message === 'string' ? driverError.message : error.message;
  return UNAVAILABLE_MESSAGES.test(message);
}
