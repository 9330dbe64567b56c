import { MeetingStatus } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';

/** Requests still waiting for an answer: they count against the firm's quota. */
export const PENDING_REQUEST_STATUSES: readonly MeetingStatus[] = ['requested', 'approved'];

/**
 * How many of a firm's own requests in the edition wait for an answer. Call it under the
 * firm's advisory lock (meetings.service takes one per firm and edition), so the count
 * stays true while the new request is written.
 */
export async function pendingRequests(tx: Pick<EntityManager, 'query'>, editionId: string, jpOrganizationId: string): Promise<number> {
  const [{ pending }] = await tx.query(
    `SELECT count(*)::int AS pending FROM meetings WHERE edition_id = $1 AND jp_organization_id = $2 AND origin = 'request' AND status = ANY($3)`,
    [editionId, jpOrganizationId, PENDING_REQUEST_STATUSES],
  );
  return pending;
}

/** A firm may have at most `max` requests waiting for an answer (the edition's max_pending_requests); proposals by the bureau do not count. */
export function assertRequestQuota(pending: number, max: number): void {
  if (pending >= max) {
    throw new DomainError(
      'MEETING_QUOTA_REACHED',
      `your firm already has ${pending} requests waiting for an answer, the most this edition allows; withdraw one or wait for answers (unanswered requests expire at their deadline)`,
    );
  }
}
