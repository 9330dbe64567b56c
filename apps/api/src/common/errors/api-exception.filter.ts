import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, codeForStatus, ERROR_STATUS, ErrorCode, isErrorCode } from '@jinan/contracts';
import { Response } from 'express';
import { DomainError } from './domain-error';
import { CONSTRAINT_ERRORS } from './constraint-errors';
import { isDatabaseUnavailable, PG, pgError } from './postgres-errors';

/**
 * Turns every error into the body of docs/product.md §6: `{ statusCode, error, message,
 * code, details? }`. Every body carries a code from the ErrorCode union (libs/contracts),
 * which is what clients translate; the message is for logs and API users. Unknown
 * errors are logged and answered with a bare 500 that leaks nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    this.send(host.switchToHttp().getResponse<Response>(), exception);
  }

  /** Answers `exception` on `response`; also used by middleware that runs outside Nest's routing (body parsing). */
  send(response: Response, exception: unknown): void {
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.INTERNAL_SERVER_ERROR) this.logger.error(exception instanceof Error ? exception.stack : exception);
    else if (body.code === 'DATABASE_UNAVAILABLE') this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : exception}`);
    if (response.headersSent) return;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return { ...exception.extra, ...body(ERROR_STATUS[exception.code], exception.message, exception.code, exception.details) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse() as string | { message?: unknown; details?: ApiErrorBody['details']; rules?: ApiErrorBody['rules']; code?: string };
      // Nest's own exceptions (an unknown route, the throttler's 429) carry no code: one by status.
      if (typeof res === 'string') return body(status, res, codeForStatus(status));
      const message = Array.isArray(res.message) ? res.message.join('; ') : String(res.message ?? exception.message);
      return body(status, message, isErrorCode(res.code) ? res.code : codeForStatus(status), res.details, res.rules);
    }
    // Before the SQLSTATE mapping: a restarting server answers 57P01/57P03 on live queries.
    if (isDatabaseUnavailable(exception)) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, 'the database is unavailable; retry shortly', 'DATABASE_UNAVAILABLE');
    }
    const pg = pgError(exception);
    if (pg) return this.fromPostgres(pg.code, pg.constraint);
    if (isBodyParserError(exception)) {
      if (exception.type === 'entity.too.large') return body(HttpStatus.PAYLOAD_TOO_LARGE, 'request body is too large', 'INVALID_BODY');
      if (exception.status === HttpStatus.UNSUPPORTED_MEDIA_TYPE) return body(exception.status, 'request body encoding is not supported', 'INVALID_BODY');
      return body(HttpStatus.BAD_REQUEST, 'request body is not valid JSON', 'INVALID_BODY');
    }
    return body(HttpStatus.INTERNAL_SERVER_ERROR, 'internal error', 'INTERNAL_ERROR');
  }

  private fromPostgres(code: string, constraint?: string): ApiErrorBody {
    const known = constraint ? CONSTRAINT_ERRORS[constraint] : undefined;
    if (known) return body(ERROR_STATUS[known.code], known.message, known.code);
    switch (code) {
      case PG.uniqueViolation:
      case PG.exclusionViolation:
        return body(HttpStatus.CONFLICT, 'conflicts with existing data', 'CONFLICT');
      case PG.serializationFailure:
      case PG.deadlockDetected:
        return body(HttpStatus.CONFLICT, 'a concurrent change won; retry', 'CONFLICT');
      case PG.foreignKeyViolation:
        return body(HttpStatus.CONFLICT, 'refers to something that does not exist or is still in use', 'CONFLICT');
      case PG.checkViolation:
      case PG.notNullViolation:
      case PG.invalidTextRepresentation:
        return body(HttpStatus.BAD_REQUEST, `invalid value${constraint ? ` (${constraint})` : ''}`, 'INVALID_INPUT');
      default:
        // Class 22, data exception (a NUL character in text, a number out of range…): the input's fault.
        if (code.startsWith('22')) return body(HttpStatus.BAD_REQUEST, 'invalid value', 'INVALID_INPUT');
        return body(HttpStatus.INTERNAL_SERVER_ERROR, 'internal error', 'INTERNAL_ERROR');
    }
  }
}

function body(statusCode: number, message: string, code: ErrorCode, details?: ApiErrorBody['details'], rules?: ApiErrorBody['rules']): ApiErrorBody {
  const error = HttpStatus[statusCode]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error';
  return {
    statusCode,
    error: error.charAt(0).toUpperCase() + error.slice(1),
    message,
    code,
    ...(details ? { details } : {}),
    ...(rules ? { rules } : {}),
  };
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return typeof e === 'object' && e !== null && 'type' in e && 'status' in e && typeof (e as { status: unknown }).status === 'number';
}
