import { DomainError } from '../common/errors/domain-error';
import { pendingRequests } from './meetings.queries';
import { assertRequestQuota, PENDING_REQUEST_STATUSES } from './request-quota';

describe('the request quota', () => {
  it('lets a firm request while fewer than the maximum wait for an answer', () => {
    expect(() => assertRequestQuota(0, 10)).not.toThrow();
    expect(() => assertRequestQuota(9, 10)).not.toThrow();
  });

  it('refuses the request that would exceed it, saying how many wait (409 MEETING_QUOTA_REACHED)', () => {
    for (const pending of [10, 11]) {
      let error: unknown;
      try {
        assertRequestQuota(pending, 10);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'MEETING_QUOTA_REACHED', message: expect.stringContaining(`already has ${pending} requests`) });
    }
  });

  it('counts only requests waiting for an answer (requested, approved), of this firm and edition, made by the firm', async () => {
    const calls: unknown[][] = [];
    const fake = { query: async <T>(sql: string, params?: unknown[]): Promise<T> => (calls.push([sql, params]), [{ pending: 3 }] as T) };
    await expect(pendingRequests(fake, 'e1', 'jp1')).resolves.toBe(3);
    expect(PENDING_REQUEST_STATUSES).toEqual(['requested', 'approved']);
    expect(calls[0][0]).toContain("origin = 'request'");
    expect(calls[0][1]).toEqual(['e1', 'jp1', PENDING_REQUEST_STATUSES]);
  });
});
