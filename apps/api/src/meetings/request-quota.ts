import { MeetingStatus } from '@jinan/contracts';
import { DomainError } from '../common/errors/domain-error';

/** Requests still waiting for an answer: they count against the firm's quota. */
export const PENDING_REQUEST_STATUSES: readonly MeetingStatus[] = ['requested', 'approved'];

/** A firm may have at most `max` requests waiting for an answer (the edition's max_pending_requests); proposals by the bureau do not count. */
export function assertRequestQuota(pending: number, max: number): void {
  if (pending >= max) {
    throw new DomainError(
      'MEETING_QUOTA_REACHED',
      `your firm already has ${pending} requests waiting for an answer, the most this edition allows; withdraw one or wait for answers (unanswered requests expire at their deadline)`,
    );
  }
}
