import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { Router } from '@angular/router';
import { translate } from '@jsverse/transloco';
import type { ApiErrorBody, FieldError } from '@jinan/contracts';
import { type ErrorCode, isErrorCode } from '@jinan/contracts/error-codes';
import { catchError, throwError } from 'rxjs';
import { Session } from './session';

/**
 * An API error as the UI uses it: the status, the typed code (null when the server
 * could not be reached or answered something that is not ours) and per-field details.
 * `message` keeps the server's English sentence for logs; screens show `errorText()`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode | null,
    readonly details: FieldError[],
    /** The rule names each field broke (validation errors only). */
    readonly rules: Record<string, string[]> = {},
  ) {
    super(message);
  }

  static from(response: HttpErrorResponse): ApiError {
    const body = response.error as Partial<ApiErrorBody> | null;
    if (body && typeof body === 'object' && typeof body.message === 'string') {
      return new ApiError(response.status, body.message, isErrorCode(body.code) ? body.code : null, body.details ?? [], body.rules ?? {});
    }
    return new ApiError(response.status, response.status === 0 ? 'The server cannot be reached.' : response.statusText, null, []);
  }
}

/** The sentence for an error code in the current language (apiErrors.* in the translation files). */
export function errorCodeText(code: ErrorCode): string {
  return translate(`apiErrors.${code}`);
}

/**
 * What a screen says about a failed action, always in the UI language: the code's
 * sentence, never the server's English message or an id.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code) return errorCodeText(error.code);
    return translate(error.status === 0 ? 'apiErrors.NETWORK' : error.status >= 500 ? 'apiErrors.INTERNAL_ERROR' : 'apiErrors.INVALID_INPUT');
  }
  return translate('apiErrors.INTERNAL_ERROR');
}

/** One field's problems in the UI language, from the rules the server named. */
export function fieldErrorText(ruleNames: readonly string[] | undefined): string {
  const rules = ruleNames?.length ? ruleNames : ['invalid'];
  const texts = rules.map((rule) => {
    const key = `validation.${rule}`;
    const text = translate(key);
    return text === key ? translate('validation.invalid') : text;
  });
  return [...new Set(texts)].join('; ');
}

/** Adds the bearer token to API calls and turns error responses into ApiError. */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const router = inject(Router);
  const token = session.token();
  const authorized = token && request.url.startsWith('/api/') ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
  return next(authorized).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      if (error.status === 401 && token) {
        session.end();
        void router.navigate(['/login']);
      }
      return throwError(() => ApiError.from(error));
    }),
  );
};

/** A field's message: its broken rules, else (a business rule naming the field) the code's sentence. */
function fieldText(error: ApiError, field: string): string {
  if (error.rules[field]?.length || !error.code || error.code === 'VALIDATION_FAILED') return fieldErrorText(error.rules[field]);
  return errorCodeText(error.code);
}

/**
 * Puts each `details[].field` message on the form control at that dotted path (as the
 * `server` error) and returns what is left for a form-level message.
 */
export function applyFieldErrors(form: AbstractControl, error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(error);
  let unplaced = false;
  for (const detail of error.details) {
    const control = form.get(detail.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: fieldText(error, detail.field) });
      control.markAsTouched();
    } else {
      unplaced = true;
    }
  }
  // A field the form does not show (or a rule with no field): the code's sentence.
  return unplaced || !error.details.length ? errorText(error) : '';
}
