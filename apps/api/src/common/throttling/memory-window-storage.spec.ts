import { MemoryWindowStorage } from './memory-window-storage';

describe('MemoryWindowStorage', () => {
  let now: number;
  let storage: MemoryWindowStorage;
  beforeEach(() => {
    now = 1_000_000;
    storage = new MemoryWindowStorage(() => now);
  });
  afterEach(() => storage.close());

  const hit = (key = '10.0.0.1', name = 'default') => storage.increment(key, 60_000, 3, 30_000, name);

  it('counts hits per key and throttler, and blocks past the limit for the block duration', () => {
    expect([hit(), hit(), hit()].map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(hit('10.0.0.2').totalHits).toBe(1);
    expect(hit('10.0.0.1', 'login').totalHits).toBe(1);
    const over = hit();
    expect(over).toEqual({ totalHits: 4, timeToExpire: 60, isBlocked: true, timeToBlockExpire: 30 });
    now += 10_000;
    // While blocked, hits stop counting.
    expect(hit()).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 20 });
  });

  it('lifts the block when it ends, still counting in the open window, and restarts at 1 in a new one', () => {
    for (let i = 0; i < 4; i++) hit();
    now += 30_000;
    // The block is over; the window (60 s) is not: the count goes on and blocks again.
    expect(hit()).toMatchObject({ totalHits: 5, isBlocked: true });
    now += 61_000;
    expect(hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 60 });
  });

  it('counts 50,000 hits from one address in one window (a whole venue behind one NAT)', () => {
    const big = new MemoryWindowStorage(() => now);
    for (let i = 0; i < 50_000; i++) big.increment('nat', 60_000, 1e9, 60_000, 'default');
    expect(big.increment('nat', 60_000, 1e9, 60_000, 'default').totalHits).toBe(50_001);
    big.close();
  });
});
