import { Injectable } from '@nestjs/common';
import { ChangeAwareCache } from '../common/change-feed/change-aware-cache';
import { ChangeFeed } from '../common/change-feed/change-feed';
import { HotReads } from '../database/hot-reads';
import { agendaRows } from './scheduling.queries';

type AgendaRows = Record<string, never>[];

/** What the copies may hold in all, in rows (an empty agenda counts one). */
const CACHED_AGENDA_ROWS = 40_000;

/**
 * A party's agenda rows keep being read while the venue refreshes (every party every few
 * seconds at 200 req/s) and change only when one of its meetings does: this instance's copy,
 * per party, while the change feed is live. Dropped when a meeting or booking of the party is
 * written (`agenda:<organization id>`), a session or table changes (`agenda`), or any offer or
 * organisation does (`offers`: the titles and names the rows carry). Zone formatting stays per
 * request (the copy holds instants). Bounded by rows, not parties (a row is ~800 B of heap;
 * parties hold from one meeting to 150 at 100×): 40,000 rows, ~32 MiB — every party of a 10×
 * round (1,448 parties, 15,000 rows), a quarter of a 100× round's.
 */
@Injectable()
export class AgendaCache {
  private readonly agendas: ChangeAwareCache<AgendaRows>;

  constructor(
    private readonly hot: HotReads,
    feed: ChangeFeed,
  ) {
    this.agendas = new ChangeAwareCache(feed, {
      kind: 'agenda',
      clearedBy: ['offers'],
      maxEntries: CACHED_AGENDA_ROWS,
      weigh: (rows) => rows.length + 1,
      ttlMs: 5 * 60_000,
    });
  }

  /** AGENDA_SQL's rows for the party in the edition (`withUnpublished`: the bureau's view). */
  rows(editionId: string, organizationId: string, withUnpublished: boolean): Promise<AgendaRows> {
    return this.agendas.get(organizationId, `${editionId}|${withUnpublished}`, () => agendaRows(this.hot, editionId, organizationId, withUnpublished));
  }
}
