import { ChangeAwareCache } from './change-aware-cache';
import type { ChangeFeed, ChangeHandler } from './change-feed';

/** The feed's contract as the cache sees it: live or not, a generation, notifications. */
class FakeFeed {
  live = true;
  generation = 0;
  private handlers: ChangeHandler[] = [];
  isLive = () => this.live;
  ticket = () => (this.live ? this.generation : null);
  unchangedSince = (ticket: number | null) => ticket !== null && this.live && ticket === this.generation;
  subscribe = (handler: ChangeHandler) => void this.handlers.push(handler);
  notify(change: string | null): void {
    this.generation++;
    for (const h of this.handlers) h(change);
  }
}

describe('ChangeAwareCache', () => {
  let feed: FakeFeed;
  let cache: ChangeAwareCache<string>;
  let reads: number;
  const load = (value: string) => async () => {
    reads++;
    return value;
  };
  beforeEach(() => {
    feed = new FakeFeed();
    cache = new ChangeAwareCache(feed as unknown as ChangeFeed, { kind: 'user', maxEntries: 3, ttlMs: 60_000 });
    reads = 0;
  });

  it('reads once while nothing changes', async () => {
    expect(await cache.get('u1', 'a', load('x'))).toBe('x');
    expect(await cache.get('u1', 'a', load('y'))).toBe('x');
    expect(reads).toBe(1);
  });

  it("drops a group on its own notification only, and everything on the kind's or a loss", async () => {
    await cache.get('u1', 'a', load('1'));
    await cache.get('u2', 'a', load('2'));
    feed.notify('user:u1');
    feed.notify('edition:u2');
    expect(await cache.get('u1', 'a', load('1b'))).toBe('1b');
    expect(await cache.get('u2', 'a', load('2b'))).toBe('2');
    feed.notify(null);
    expect(await cache.get('u2', 'a', load('2c'))).toBe('2c');
    feed.notify('user');
    expect(await cache.get('u2', 'a', load('2d'))).toBe('2d');
  });

  it('empties everything on a notification of a kind it embeds (clearedBy)', async () => {
    const agendas = new ChangeAwareCache(feed as unknown as ChangeFeed, { kind: 'agenda', clearedBy: ['offers'], maxEntries: 3, ttlMs: 60_000 });
    await agendas.get('o1', 'e', load('1'));
    await agendas.get('o2', 'e', load('2'));
    feed.notify('offersX');
    expect(await agendas.get('o1', 'e', load('1b'))).toBe('1');
    feed.notify('offers');
    expect(await agendas.get('o1', 'e', load('1c'))).toBe('1c');
    expect(await agendas.get('o2', 'e', load('2c'))).toBe('2c');
    feed.notify('offers:42');
    expect(await agendas.get('o2', 'e', load('2d'))).toBe('2d');
  });

  it('weighs copies when asked: the oldest go until the new one fits, and a copy larger than the whole is not kept', async () => {
    const rows = new ChangeAwareCache<number[]>(feed as unknown as ChangeFeed, { kind: 'agenda', maxEntries: 10, weigh: (v) => v.length, ttlMs: 60_000 });
    const loadRows = (n: number) => async () => {
      reads++;
      return Array.from({ length: n }, (_, i) => i);
    };
    await rows.get('a', 'e', loadRows(4));
    await rows.get('b', 'e', loadRows(4));
    await rows.get('c', 'e', loadRows(4)); // 12 > 10: a goes
    expect(reads).toBe(3);
    await rows.get('b', 'e', loadRows(4));
    await rows.get('c', 'e', loadRows(4));
    expect(reads).toBe(3);
    await rows.get('a', 'e', loadRows(4)); // read again; b goes
    expect(reads).toBe(4);
    await rows.get('b', 'e', loadRows(4));
    expect(reads).toBe(5);
    await rows.get('big', 'e', loadRows(11));
    await rows.get('big', 'e', loadRows(11));
    expect(reads).toBe(7);
  });

  it('does not keep a read that a change overtook', async () => {
    await cache.get('u1', 'a', async () => {
      feed.notify('user:u1');
      return 'stale';
    });
    expect(await cache.get('u1', 'a', load('fresh'))).toBe('fresh');
  });

  it('fills many groups from one read, all but those a change overtook; a change elsewhere wastes nothing', async () => {
    const agendas = new ChangeAwareCache<string>(feed as unknown as ChangeFeed, { kind: 'agenda', maxEntries: 10, ttlMs: 60_000 });
    await agendas.get('o0', 'e', load('0'));
    const kept = await agendas.fill('e', async () => {
      feed.notify('agenda:o2');
      feed.notify('agenda:o9');
      return new Map([
        ['o1', '1'],
        ['o2', 'stale'],
        ['o3', '3'],
      ]);
    });
    expect(kept).toBe(2);
    reads = 0;
    expect(await agendas.get('o1', 'e', load('1b'))).toBe('1');
    expect(await agendas.get('o3', 'e', load('3b'))).toBe('3');
    expect(await agendas.get('o0', 'e', load('0b'))).toBe('0');
    expect(await agendas.get('o2', 'e', load('2b'))).toBe('2b');
    expect(reads).toBe(1);
    // A group dropped before the fill began is filled.
    expect(await agendas.fill('e', async () => new Map([['o2', '2c']]))).toBe(1);
    expect(await agendas.get('o2', 'e', load('2d'))).toBe('2c');
  });

  it('keeps nothing of a fill that a clear or a loss of the feed overtook', async () => {
    const agendas = new ChangeAwareCache<string>(feed as unknown as ChangeFeed, { kind: 'agenda', clearedBy: ['offers'], maxEntries: 10, ttlMs: 60_000 });
    const clears = agendas.clears;
    const overtaken = (change: string | null) => async () => {
      feed.notify(change);
      return new Map([['o1', 'stale']]);
    };
    expect(await agendas.fill('e', overtaken('offers'))).toBe(0);
    expect(agendas.clears).not.toBe(clears);
    expect(await agendas.fill('e', overtaken(null))).toBe(0);
    expect(await agendas.fill('e', overtaken('agenda'))).toBe(0);
    expect(await agendas.get('o1', 'e', load('fresh'))).toBe('fresh');
    feed.live = false;
    expect(await agendas.fill('e', async () => new Map([['o1', 'x']]))).toBe(0);
  });

  it('reads through while the feed is down', async () => {
    await cache.get('u1', 'a', load('1'));
    feed.live = false;
    expect(await cache.get('u1', 'a', load('2'))).toBe('2');
    expect(await cache.get('u1', 'a', load('3'))).toBe('3');
    expect(reads).toBe(3);
  });

  it('forgets the oldest entries beyond its size', async () => {
    for (const k of ['a', 'b', 'c', 'd']) await cache.get('g', k, load(k));
    reads = 0;
    await cache.get('g', 'd', load('d2'));
    await cache.get('g', 'b', load('b2'));
    expect(reads).toBe(0);
    expect(await cache.get('g', 'a', load('a2'))).toBe('a2');
  });
});

describe('ChangeAwareCache, reads that miss together', () => {
  it('share one read, unless a change came in since it started', async () => {
    const feed = new FakeFeed();
    const cache = new ChangeAwareCache<string>(feed as unknown as ChangeFeed, { kind: 'offers', maxEntries: 10, ttlMs: 60_000 });
    let reads = 0;
    let release: (v: string) => void = () => undefined;
    const slow = () => {
      reads++;
      return new Promise<string>((r) => (release = r));
    };
    const first = cache.get('', 'q', slow);
    const second = cache.get('', 'q', slow);
    expect(reads).toBe(1);
    feed.notify('offers');
    const third = cache.get('', 'q', async () => {
      reads++;
      return 'after the change';
    });
    release('before the change');
    expect(await Promise.all([first, second, third])).toEqual(['before the change', 'before the change', 'after the change']);
    expect(reads).toBe(2);
  });
});
