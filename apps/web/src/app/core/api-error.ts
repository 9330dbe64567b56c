import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { Router } from '@angular/router';
import type { ApiErrorBody, FieldError } from '@jinan/contracts';
import { catchError, throwError } from 'rxjs';
import { Session } from './session';

/** An API error as the UI uses it: a sentence, an optional code and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null,
    readonly details: FieldError[],
  ) {
    super(message);
  }

  static from(response: HttpErrorResponse): ApiError {
    const body = response.error as Partial<ApiErrorBody> | null;
    if (body && typeof body === 'object' && typeof body.message === 'string') {
      return new ApiError(response.status, body.message, body.code ?? null, body.details ?? []);
    }
    return new ApiError(response.status, response.status === 0 ? 'The server cannot be reached.' : response.statusText, null, []);
  }
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

/**
 * Puts each `details[].field` message on the form control at that dotted path (as the
 * `server` error) and returns what is left for a form-level message.
 */
export function applyFieldErrors(form: AbstractControl, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const unplaced: string[] = [];
  for (const detail of error.details) {
    const control = form.get(detail.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: detail.messages.join('; ') });
      control.markAsTouched();
    } else {
      unplaced.push(...detail.messages);
    }
  }
  return unplaced.length ? unplaced.join('; ') : error.details.length ? '' : error.message;
}
