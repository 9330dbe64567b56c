import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangeAwareCache } from '../common/change-feed/change-aware-cache';
import { ChangeFeed } from '../common/change-feed/change-feed';
import { Edition } from './edition.entity';
import { loadEdition } from './editions';

/**
 * loadEdition for hot reads outside a transaction (every agenda read needs the edition's zone):
 * this instance's copy while the change feed is live, dropped when the edition changes
 * (`edition:<id>`). Inside a transaction, or to lock it, use loadEdition.
 */
@Injectable()
export class EditionCache {
  private readonly editions: ChangeAwareCache<Edition>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    feed: ChangeFeed,
  ) {
    this.editions = new ChangeAwareCache(feed, { kind: 'edition', maxEntries: 1000, ttlMs: 5 * 60_000 });
  }

  /** The edition, or EDITION_NOT_FOUND (a missing edition is not remembered). */
  get(id: string): Promise<Edition> {
    return this.editions.get(id, '', () => loadEdition(this.db, id));
  }
}
