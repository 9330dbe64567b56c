import { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';

/** What the filter answers for an error: status, code and the Retry-After header. */
function answer(error: unknown) {
  const sent: { status?: number; body?: { code?: string }; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status: (status: number) => ({ json: (body: { code?: string }) => Object.assign(sent, { status, body }) }),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  const filter = new ApiExceptionFilter();
  (filter as unknown as { logger: { error: () => void; warn: () => void } }).logger = { error: () => undefined, warn: () => undefined };
  filter.catch(error, host);
  return { status: sent.status, code: sent.body?.code, retryAfter: sent.headers['Retry-After'] };
}

const pg = (code: string, message = 'x') => new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

describe('ApiExceptionFilter: database failures', () => {
  it('answers 503 with Retry-After when the server cannot be reached or is shutting down', () => {
    expect(answer(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      retryAfter: '5',
    });
    expect(answer(new Error('timeout exceeded when trying to connect')).status).toBe(503);
    expect(answer(pg('57P01', 'terminating connection due to administrator command')).status).toBe(503);
    expect(answer(new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))).status).toBe(503);
    // A save() whose connection died mid-transaction: nothing was committed, retry later.
    expect(answer(new QueryRunnerAlreadyReleasedError()).status).toBe(503);
    // The same through tx.query() (an audit row written after the insert): seen as a 500 in the restart test.
    expect(answer(new QueryRunnerProviderAlreadyReleasedError()).status).toBe(503);
  });

  it('answers 409 to a deadlock victim and to a serialization failure', () => {
    expect(answer(pg('40P01')).status).toBe(409);
    expect(answer(pg('40001')).status).toBe(409);
  });

  it('answers 400 to a data exception such as a NUL character in text', () => {
    expect(answer(pg('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
  });

  it('still answers 500 to what it does not know', () => {
    expect(answer(new TypeError('boom')).status).toBe(500);
  });
});
