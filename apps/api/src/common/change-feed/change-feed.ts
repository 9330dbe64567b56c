import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

export const CHANGE_FEED_OPTIONS = Symbol('CHANGE_FEED_OPTIONS');
/** The channel the migration's triggers notify (migrations/1766000000000-ChangeNotifications.ts). */
export const CHANGE_CHANNEL = 'jinan_changes';
/** After losing the connection, try again this often (caches stay off meanwhile). */
const RECONNECT_MS = 1000;
/** Payload prefix of settle()'s own notifications: a marker, not a change (no cache has this kind). */
const SETTLED_PREFIX = 'settled:';

export interface ChangeFeedOptions {
  databaseUrl: string;
}

/** `kind:id` (one row changed), `kind` (any of that kind), or null: anything may have changed. */
export type ChangeHandler = (change: string | null) => void;

/**
 * PostgreSQL's notifications of committed changes (LISTEN jinan_changes), for the instance's
 * read caches (ChangeAwareCache). The triggers notify whatever the path of a change, so a cache
 * here never outlives the row it copied by more than the notification's trip (it is delivered
 * at commit).
 *
 * The caches are only as good as this connection: while it is down (server restart, network),
 * `live` is false, every cache reads through and is emptied, and the feed reconnects. A read
 * that a notification (or a loss) overtook is not cached: `ticket` before the read,
 * `unchangedSince(ticket)` after it.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ChangeFeed');
  private readonly handlers = new Set<ChangeHandler>();
  private client: Client | undefined;
  private live = false;
  private closed = false;
  /** Moves with every notification and every loss of the connection. */
  private generation = 0;
  private retry: NodeJS.Timeout | undefined;
  /** This instance's settle() markers on their way, by payload. */
  private readonly settling = new Map<string, (arrived: boolean) => void>();
  private readonly instance = randomUUID();
  private markers = 0;

  constructor(@Inject(CHANGE_FEED_OPTIONS) private readonly options: ChangeFeedOptions) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.live = false;
    await this.client?.end().catch(() => undefined);
  }

  /** Whether cached copies can be trusted right now. */
  isLive(): boolean {
    return this.live;
  }

  /** Taken before a read whose result may be cached; null when nothing may be cached. */
  ticket(): number | null {
    return this.live ? this.generation : null;
  }

  /** The feed stayed live and saw no change since `ticket` was taken. */
  unchangedSince(ticket: number | null): boolean {
    return ticket !== null && this.live && ticket === this.generation;
  }

  /**
   * A change made by this instance, applied to its caches at once, without waiting for the
   * notification (which follows, a little later): read-your-writes on the instance that wrote.
   */
  changedHere(change: string | null): void {
    this.changed(change);
  }

  /**
   * True once every change committed before the call has reached the caches: a marker is
   * notified after them, and PostgreSQL delivers a channel's notifications in commit order, so
   * when the marker is back, so are they. False when the feed is down or the marker is late
   * (the caller then assumes anything may have changed). About one round trip to PostgreSQL.
   */
  async settle(timeoutMs = 2000): Promise<boolean> {
    const client = this.client;
    if (!client || !this.live) return false;
    const marker = `${SETTLED_PREFIX}${this.instance}:${++this.markers}`;
    const back = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => this.arrived(marker, false), timeoutMs);
      timer.unref();
      this.settling.set(marker, (arrived) => {
        clearTimeout(timer);
        resolve(arrived);
      });
    });
    try {
      await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, marker]);
    } catch {
      this.arrived(marker, false);
    }
    return back;
  }

  subscribe(handler: ChangeHandler): void {
    this.handlers.add(handler);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'jinan-change-feed' });
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      // A marker (this instance's or another's) changes nothing.
      if (message.payload?.startsWith(SETTLED_PREFIX)) this.arrived(message.payload, true);
      else this.changed(message.payload ?? null);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    this.client = client;
    // Whatever changed while nobody listened is unknown: start empty.
    this.changed(null);
    this.live = true;
  }

  private changed(change: string | null): void {
    this.generation++;
    for (const handler of this.handlers) handler(change);
  }

  private arrived(marker: string, arrived: boolean): void {
    const settle = this.settling.get(marker);
    if (!settle) return;
    this.settling.delete(marker);
    settle(arrived);
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== undefined && this.client !== client) return;
    const wasLive = this.live;
    this.live = false;
    this.client = undefined;
    this.changed(null);
    for (const marker of [...this.settling.keys()]) this.arrived(marker, false);
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    if (wasLive) this.logger.warn(`change notifications lost (${error?.message ?? 'connection ended'}); caches off until reconnected`);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), RECONNECT_MS);
    this.retry.unref();
  }
}
