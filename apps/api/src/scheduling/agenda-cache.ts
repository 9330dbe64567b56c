import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ChangeAwareCache } from '../common/change-feed/change-aware-cache';
import { ChangeFeed } from '../common/change-feed/change-feed';
import { HotReads } from '../common/hot-reads/hot-reads';
import type { AgendaCopy, AgendaRows, PartyRow } from './agenda-copies';
import { copyOf, SHARED_ROW_BYTES, SharedCopies } from './agenda-copies';
import { agendaRows, editionAgendaRows, editionAgendaSize, upcomingPublishedEditions } from './scheduling.queries';

/** What the copies may hold in all, in bytes of heap as agenda-copies.ts reckons them. */
const CACHED_AGENDA_BYTES = 64 * 2 ** 20;
/** An edition's agendas are filled at once when they take at most this share of the copies. */
const FILL_SHARE = 0.75;
/** An edition is filled again at most this often (a fill overtaken by changes, emptied copies). */
const FILL_INTERVAL_MS = 5_000;
/**
 * Bookings per read of a fill (5,000 rows). Each batch's rows are parsed and shared on the event
 * loop, and the next read waits for the loop's turn: at 100× a refill in batches of 10,000 ran
 * during the bench's agenda reads, and the API's event loop was late by up to 239 ms (agenda p99
 * 267 ms).
 */
const FILL_BATCH = 2_500;
/** How long a starting instance waits for the change feed before it fills nothing. */
const FEED_WAIT_MS = 10_000;
/**
 * A safety net only (a live feed drops a copy as soon as its rows change); fills renew before it,
 * REFILL_MS ahead. Long: a 100× round's refill is seconds of CPU for the instance.
 */
const TTL_MS = 30 * 60_000;
const REFILL_MS = 5 * 60_000;

/**
 * A party's agenda rows keep being read while the venue refreshes (every party every few
 * seconds at 200 req/s) and change only when one of its meetings does: this instance's copy,
 * per party, while the change feed is live. Dropped when a meeting or booking of the party is
 * written, or the name of its counterpart or the title of its offer (`agenda:<organization id>`,
 * migrations AgendaChangeNotifications and AgendaNameNotifications), and when a session or table
 * changes (`agenda`); other offers' and organisations' changes leave it. Zone formatting stays per
 * request (the copy holds instants). Bounded by the heap its rows take (agenda-copies.ts;
 * parties hold from one meeting to 150 at 100×): 64 MiB.
 *
 * The first party read of an edition (and the first after the copies were emptied) also fills
 * every party's published agenda of the edition from one read, in the background, when it fits
 * in three quarters of the copies (the rows it reads share their repeated values: a 100× round's
 * 150,000 rows fit): otherwise each party's first read after a change is its own query, and a
 * venue of 1,448 parties refreshing after the copies were emptied is 1,448 queries within seconds.
 */
@Injectable()
export class AgendaCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AgendaCache');
  private readonly agendas: ChangeAwareCache<AgendaCopy>;
  /** Per edition, the copies' clear count and the time of its last fill (or attempt). */
  private readonly filled = new Map<string, { clears: number; at: number }>();
  /** The last fill started (tests wait for it). */
  private filling: Promise<number> = Promise.resolve(0);
  private closed = false;

  constructor(
    private readonly hot: HotReads,
    private readonly feed: ChangeFeed,
  ) {
    this.agendas = new ChangeAwareCache(feed, {
      kind: 'agenda',
      maxEntries: CACHED_AGENDA_BYTES,
      weigh: (copy) => copy.bytes,
      ttlMs: TTL_MS,
    });
  }

  /**
   * A starting instance (a deploy, a restart during the venue) fills the agendas of the editions
   * about to take place, soonest first, while they fit: its first reads are answered from them,
   * not by a query per party. In the background; nothing waits for it.
   */
  onApplicationBootstrap(): void {
    this.filling = this.fillComingEditions().catch((error: Error) => {
      if (!this.closed) this.logger.warn(`filling the coming editions' agendas: ${error.message}`);
      return 0;
    });
  }

  onApplicationShutdown(): void {
    this.closed = true;
  }

  /** AGENDA_SQL's rows for the party in the edition (`withUnpublished`: the bureau's view). */
  async rows(editionId: string, organizationId: string, withUnpublished: boolean): Promise<AgendaRows> {
    if (!withUnpublished) this.fillSoon(editionId);
    const read = async () => copyOf(await agendaRows(this.hot, editionId, organizationId, withUnpublished));
    return (await this.agendas.get(organizationId, key(editionId, withUnpublished), read)).rows;
  }

  /** Starts a fill of the edition's published agendas unless one is recent or the copies hold it. */
  private fillSoon(editionId: string): void {
    const last = this.filled.get(editionId);
    const now = Date.now();
    if (last && now - last.at < FILL_INTERVAL_MS) return;
    // Filled since the copies were last emptied, and its copies are not about to expire.
    if (last && last.clears === this.agendas.clears && now - last.at < TTL_MS - REFILL_MS) return;
    this.filled.set(editionId, { clears: this.agendas.clears, at: now });
    this.filling = this.fill(editionId).catch((error: Error) => {
      this.logger.warn(`filling edition ${editionId}'s agendas: ${error.message}`);
      return 0;
    });
  }

  /** The parties the last fill started by a read kept, once it ended. */
  lastFill(): Promise<number> {
    return this.filling;
  }

  /** The coming editions' agendas (see onApplicationBootstrap); how many parties it kept. */
  async fillComingEditions(): Promise<number> {
    for (const until = Date.now() + FEED_WAIT_MS; !this.feed.isLive(); ) {
      if (this.closed || Date.now() > until) return 0;
      await new Promise((resolve) => setTimeout(resolve, 100).unref());
    }
    let room = CACHED_AGENDA_BYTES * FILL_SHARE;
    let kept = 0;
    for (const editionId of await upcomingPublishedEditions(this.hot)) {
      const bytes = (await editionAgendaSize(this.hot, editionId)) * SHARED_ROW_BYTES;
      if (this.closed || bytes > room) break;
      room -= bytes;
      this.filled.set(editionId, { clears: this.agendas.clears, at: Date.now() });
      kept += await this.agendas.fill(key(editionId, false), () => readEditionCopies(this.hot, editionId));
    }
    return kept;
  }

  /** Every party's published agenda of the edition from one read, when it fits; how many parties it kept. */
  async fill(editionId: string): Promise<number> {
    if ((await editionAgendaSize(this.hot, editionId)) * SHARED_ROW_BYTES > CACHED_AGENDA_BYTES * FILL_SHARE) return 0;
    return this.agendas.fill(key(editionId, false), () => readEditionCopies(this.hot, editionId));
  }
}

/** Every party's copy of its published agenda in the edition, read `batch` bookings at a time. */
export async function readEditionCopies(hot: HotReads, editionId: string, batch = FILL_BATCH): Promise<Map<string, AgendaCopy>> {
  const copies = new SharedCopies();
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows = await editionAgendaRows(hot, editionId, after, batch);
    if (!rows.length) return copies.done();
    copies.add(rows);
    // Reads waiting on the event loop go first.
    await new Promise((resolve) => setImmediate(resolve));
    // In meeting id order: the last row's meeting is the batch's last booking.
    after = (rows[rows.length - 1] as PartyRow)['id'];
  }
}

function key(editionId: string, withUnpublished: boolean): string {
  return `${editionId}|${withUnpublished}`;
}
