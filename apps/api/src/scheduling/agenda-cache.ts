import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangeAwareCache } from '../common/change-feed/change-aware-cache';
import { ChangeFeed } from '../common/change-feed/change-feed';
import { agendaRows } from './scheduling.queries';

type AgendaRows = Record<string, never>[];

/**
 * A party's agenda rows keep being read while the venue refreshes (every party every few
 * seconds at 200 req/s) and change only when one of its meetings does: this instance's copy,
 * per party, while the change feed is live. Dropped when a meeting or booking of the party is
 * written (`agenda:<organization id>`), a session or table changes (`agenda`), or any offer or
 * organisation does (`offers`: the titles and names the rows carry). Zone formatting stays per
 * request (the copy holds instants). Bounded: at 100× a party's round holds ~26 meetings (~25 kB).
 */
@Injectable()
export class AgendaCache {
  private readonly agendas: ChangeAwareCache<AgendaRows>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    feed: ChangeFeed,
  ) {
    this.agendas = new ChangeAwareCache(feed, { kind: 'agenda', clearedBy: ['offers'], maxEntries: 5000, ttlMs: 5 * 60_000 });
  }

  /** AGENDA_SQL's rows for the party in the edition (`withUnpublished`: the bureau's view). */
  rows(editionId: string, organizationId: string, withUnpublished: boolean): Promise<AgendaRows> {
    return this.agendas.get(organizationId, `${editionId}|${withUnpublished}`, () => agendaRows(this.db.manager, editionId, organizationId, withUnpublished));
  }
}
