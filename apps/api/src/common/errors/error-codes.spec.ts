import { ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ERROR_CODES, ERROR_STATUS, isErrorCode } from '@jinan/contracts';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';
import { CONSTRAINT_ERRORS } from './constraint-errors';
import { DomainError } from './domain-error';

function answer(error: unknown): { status?: number; code?: string } {
  const sent: { status?: number; code?: string } = {};
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status: (status: number) => ({ json: (body: { code?: string }) => Object.assign(sent, { status, code: body.code }) }),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  const filter = new ApiExceptionFilter();
  (filter as unknown as { logger: { error: () => void; warn: () => void } }).logger = { error: () => undefined, warn: () => undefined };
  filter.catch(error, host);
  return sent;
}

describe('error codes: every error body carries a code from the contract', () => {
  it('answers a domain error with the status its code has in ERROR_STATUS, for every code', () => {
    for (const code of ERROR_CODES) expect(answer(new DomainError(code, 'x'))).toEqual({ status: ERROR_STATUS[code], code });
  });

  it('gives Nest’s own exceptions a code by status: unknown route, throttling, a bare 400', () => {
    expect(answer(new NotFoundException('Cannot GET /api/nowhere'))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(answer(new ThrottlerException())).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(answer(new BadRequestException({ message: 'x', code: 'SOMETHING_UNKNOWN' }))).toEqual({ status: 400, code: 'INVALID_INPUT' });
  });

  it('answers body-parser failures and unknown errors with a code', () => {
    expect(answer(Object.assign(new Error('too big'), { status: 413, type: 'entity.too.large' }))).toEqual({ status: 413, code: 'INVALID_BODY' });
    expect(answer(Object.assign(new Error('bad json'), { status: 400, type: 'entity.parse.failed' }))).toEqual({ status: 400, code: 'INVALID_BODY' });
    expect(answer(new TypeError('boom'))).toEqual({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('answers a named constraint with its code and that code’s status', () => {
    const driverError = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'meetings_one_per_pair' });
    expect(answer(new QueryFailedError('INSERT', [], driverError))).toEqual({ status: 409, code: 'MEETING_PAIR_EXISTS' });
    for (const { code } of Object.values(CONSTRAINT_ERRORS)) expect(isErrorCode(code)).toBe(true);
  });
});
