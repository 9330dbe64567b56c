import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, catchError, concatMap, from, mergeMap, throwError } from 'rxjs';
import { ChangeFeed } from './change-feed';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that may have written answers once its changes have reached this instance's read
 * caches: a client that logs out, confirms a meeting or edits an edition and reads again at once
 * sees its own change, even on the instance that wrote. The feed's settle() waits for the
 * notifications of everything committed so far (one round trip); only when it cannot (feed down,
 * too late) are all of the instance's caches emptied. It used to empty them on every write: at
 * the venue every login and every answer to a meeting emptied every party's agenda copy.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly feed: ChangeFeed) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<Request>().method;
    if (READS.has(method)) return next.handle();
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        await this.settled();
        return value;
      }),
      catchError((error: unknown) => from(this.settled()).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  private async settled(): Promise<void> {
    if (!(await this.feed.settle())) this.feed.changedHere(null);
  }
}
