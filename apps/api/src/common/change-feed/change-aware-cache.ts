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

/** Groups whose last drop is remembered for fills in progress (a party each: 180,000 at 100×). */
const MAX_CHANGE_MARKS = 200_000;

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
  /** Counts the changes this cache applied; `changedAt` holds the count at a group's last drop, `clearedAt` at the last clear. */
  private changes = 0;
  private readonly changedAt = new Map<string, number>();
  private clearedAt = 0;
  /** The count when changedAt was last emptied to bound it: fills older than that cannot tell. */
  private forgottenAt = 0;

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

  /**
   * Copies of many groups for one key from one read (a bulk load where `get` would read each
   * group alone). A group's copy is kept unless its group was dropped while reading (or
   * everything was: a clear, the feed lost): a change elsewhere does not waste the read, as it
   * would `get`'s. Answers how many groups were kept. What does not fit is not kept: the caller
   * fills only what fits well within maxEntries, or the fill evicts its own first entries.
   */
  async fill(key: string, load: () => Promise<ReadonlyMap<string, V>>): Promise<number> {
    if (this.feed.ticket() === null) return 0;
    const since = this.changes;
    const loaded = await load();
    if (!this.feed.isLive() || Math.max(this.clearedAt, this.forgottenAt) > since) return 0;
    let kept = 0;
    for (const [group, value] of loaded) {
      if ((this.changedAt.get(group) ?? 0) > since) continue;
      this.put(group, key, value);
      kept++;
    }
    return kept;
  }

  /** Moves whenever everything is emptied: a caller's fill made before it is gone. */
  get clears(): number {
    return this.clearedAt;
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
    if (this.changedAt.size >= MAX_CHANGE_MARKS) {
      this.changedAt.clear();
      this.forgottenAt = this.changes;
    }
    this.changedAt.set(group, ++this.changes);
    const entries = this.groups.get(group);
    if (!entries) return;
    for (const entry of entries.values()) this.size -= entry.weight;
    this.groups.delete(group);
  }

  private clear(): void {
    this.clearedAt = ++this.changes;
    // Every group is older than the clear now: their own marks say nothing more.
    this.changedAt.clear();
    this.groups.clear();
    this.size = 0;
  }
}
