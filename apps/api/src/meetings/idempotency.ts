import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainError, invalidField } from '../common/errors/domain-error';
import { claimIdempotencyKeyRow, deleteIdempotencyKeysBefore, idempotencyKeyRow, saveIdempotentResponse } from './meetings.queries';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Keys are kept this long; a retry after that is a new request. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256')
    .update(`${route}\n${canonical(body)}`)
    .digest('hex');
}

export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw invalidField(IDEMPOTENCY_HEADER, 'must be 1 to 200 visible ASCII characters');
  }
  return key;
}

/**
 * Claims `key` for this user inside the caller's transaction. A concurrent request with
 * the same key waits on the primary key until the first commits (then it replays the
 * stored response) or rolls back (then it proceeds). Returns the stored response of a
 * completed identical request, or null when this request should run.
 */
export async function claimIdempotencyKey(tx: EntityManager, userId: string, key: string, hash: string, now: Date): Promise<unknown | null> {
  if (await claimIdempotencyKeyRow(tx, userId, key, hash, now)) return null;
  const stored = await idempotencyKeyRow(tx, userId, key);
  if (stored.request_hash !== hash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', `this ${IDEMPOTENCY_HEADER} was already used for a different request`);
  }
  return stored.response;
}

export async function storeIdempotentResponse(tx: EntityManager, userId: string, key: string, status: number, response: unknown): Promise<void> {
  await saveIdempotentResponse(tx, userId, key, status, response);
}

export async function purgeIdempotencyKeys(tx: EntityManager, now: Date): Promise<number> {
  return deleteIdempotencyKeysBefore(tx, now, IDEMPOTENCY_KEY_TTL_HOURS);
}
