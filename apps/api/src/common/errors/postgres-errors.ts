import { QueryFailedError } from 'typeorm';

/** SQLSTATE codes the API turns into client errors rather than 500s. */
export const PG = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  exclusionViolation: '23P01',
  serializationFailure: '40001',
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

/**
 * Constraint name → a sentence for the client. Constraints are the last line of
 * defence; services usually catch the condition first with a clearer domain error.
 */
const CONSTRAINT_MESSAGES = new Map<string, { status: number; code: string; message: string }>();

export function registerConstraintMessages(
  entries: Record<string, { status: number; code: string; message: string }>,
): void {
  for (const [name, value] of Object.entries(entries)) CONSTRAINT_MESSAGES.set(name, value);
}

export function describeConstraint(name: string | undefined) {
  return name ? CONSTRAINT_MESSAGES.get(name) : undefined;
}
