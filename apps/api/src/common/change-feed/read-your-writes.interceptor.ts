import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import { ChangeFeed } from './change-feed';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request that may have written empties this instance's read caches before its answer
 * leaves: a client that logs out, changes its zone or edits an edition and reads again at once
 * sees its own change, even before PostgreSQL's notification of it arrives (other instances
 * get that notification within milliseconds). Writes are few beside reads, so the caches stay
 * worth having.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly feed: ChangeFeed) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<Request>().method;
    if (READS.has(method)) return next.handle();
    return next.handle().pipe(
      tap({
        next: () => this.feed.changedHere(null),
        error: () => this.feed.changedHere(null),
      }),
    );
  }
}
