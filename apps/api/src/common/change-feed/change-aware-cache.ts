import { ChangeFeed } from './change-feed';

export interface ChangeAwareCacheOptions<V = unknown> {
  /** The notification kind that empties a group (`kind:group`) or everything (`kind`). */
  kind: string;
  /** Other kinds whose notification (any of its forms) empties everything: rows the copies embed. */
  clearedBy?: readonly string[];
  /** How much the copies may hold in all: entries, or the units `weigh` counts. */
  maxEntries: number;
  /** An entry's share of maxEntries when copies differ much in size (default 1). */
  weigh?: (value: V) => number;
  /** A safety net only: a live feed empties a group as soon as its rows change. */
  ttlMs: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  weight: number;
}

/**
 * Read-through copies of rows that are read on every request and rarely change (the token's
 * user, an edition, a page of search results), kept per instance while the change feed is live
 * and dropped when PostgreSQL notifies a change to them. Entries are grouped by the id a
 * notification names (`user:<id>` drops every cached token of that user).
 */
export class ChangeAwareCache<V> {
  private readonly groups = new Map<string, Map<string, Entry<V>>>();
  /** Reads in progress, by group and key, with the feed's generation they started at. */
  private readonly inflight = new Map<string, { ticket: number; value: Promise<V> }>();
  private size = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: ChangeAwareCacheOptions<V>,
  ) {
    const clearedBy = options.clearedBy ?? [];
    feed.subscribe((change) => {
      if (change === null || change === options.kind || clearedBy.some((kind) => change === kind || change.startsWith(`${kind}:`))) this.clear();
      else if (change.startsWith(`${options.kind}:`)) this.dropGroup(change.slice(options.kind.length + 1));
    });
  }

  async get(group: string, key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.groups.get(group)?.get(key);
    if (hit && hit.expiresAt > Date.now() && this.feed.isLive()) return hit.value;
    const ticket = this.feed.ticket();
    if (ticket === null) return load();
    // Requests that miss together wait for one read (a venue searching the same word at once).
    const id = `${group}\u0000${key}`;
    const pending = this.inflight.get(id);
    if (pending && pending.ticket === ticket) return pending.value;
    const value = load();
    this.inflight.set(id, { ticket, value });
    try {
      const loaded = await value;
      // Not when a change (or a loss of the feed) came in while reading: the copy may predate it.
      if (this.feed.unchangedSince(ticket)) this.put(group, key, loaded);
      return loaded;
    } finally {
      if (this.inflight.get(id)?.value === value) this.inflight.delete(id);
    }
  }

  private put(group: string, key: string, value: V): void {
    let entries = this.groups.get(group);
    if (!entries) {
      entries = new Map();
      this.groups.set(group, entries);
    }
    const weight = this.options.weigh?.(value) ?? 1;
    this.size += weight - (entries.get(key)?.weight ?? 0);
    entries.set(key, { value, expiresAt: Date.now() + this.options.ttlMs, weight });
    // Full: the oldest entries of the oldest group go first (a Map keeps insertion order).
    while (this.size > this.options.maxEntries) {
      const [oldestGroup, oldestEntries] = this.groups.entries().next().value as [string, Map<string, Entry<V>>];
      const [oldestKey, oldest] = oldestEntries.entries().next().value as [string, Entry<V>];
      oldestEntries.delete(oldestKey);
      this.size -= oldest.weight;
      if (oldestEntries.size === 0) this.groups.delete(oldestGroup);
    }
  }

  private dropGroup(group: string): void {
    const entries = this.groups.get(group);
    if (!entries) return;
    for (const entry of entries.values()) this.size -= entry.weight;
    this.groups.delete(group);
  }

  private clear(): void {
    this.groups.clear();
    this.size = 0;
  }
}
