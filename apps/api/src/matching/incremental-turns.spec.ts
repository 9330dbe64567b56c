import { commitTurns, SCREEN_SLICE } from './incremental-turns';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

/** The turns commitTurns yields, and each slice the screen was asked for, in the order they happened. */
async function run(always: string[], candidates: string[], keep: (id: string) => boolean, first: number) {
  const events: { turn?: string[]; screened?: number }[] = [];
  const screen = async (slice: readonly string[]) => {
    events.push({ screened: slice.length });
    return slice.filter(keep);
  };
  for await (const turn of commitTurns(always, candidates, screen, { first })) events.push({ turn });
  return events;
}

describe('commitTurns', () => {
  it('yields the firms always re-scored, then the kept candidates in their order, in turns doubling in size', async () => {
    const always = ids('a', 3);
    const candidates = ids('c', 1000);
    const keep = (id: string) => Number(id.slice(1)) % 3 !== 0;
    const events = await run(always, candidates, keep, 4);
    const turns = events.flatMap((e) => (e.turn ? [e.turn] : []));
    expect(turns.flat()).toEqual([...always, ...candidates.filter(keep)]);
    expect(turns.map((t) => t.length)).toEqual([4, 8, 16, 32, 64, 128, 256, 161]);
  });

  it('screens only as many candidates as the next turn needs: the first turn waits for one slice, not for all', async () => {
    const events = await run([], ids('c', 2000), () => true, 50);
    const firstTurn = events.findIndex((e) => e.turn);
    expect(events.slice(0, firstTurn)).toEqual([{ screened: SCREEN_SLICE }]);
    // Every candidate is screened once, in all.
    expect(events.reduce((n, e) => n + (e.screened ?? 0), 0)).toBe(2000);
  });

  it('screens further slices until a turn is full or the candidates run out', async () => {
    // One candidate in ten kept: the first turn of 30 takes several slices.
    const keep = (id: string) => Number(id.slice(1)) % 10 === 0;
    const events = await run(['a0'], ids('c', 1000), keep, 30);
    const firstTurn = events.findIndex((e) => e.turn);
    expect(events[firstTurn]?.turn).toHaveLength(30);
    expect(events.slice(0, firstTurn).every((e) => e.screened)).toBe(true);
    const turns = events.flatMap((e) => (e.turn ? [e.turn] : []));
    expect(turns.flat()).toEqual(['a0', ...ids('c', 1000).filter(keep)]);
  });

  it('yields nothing when there is nothing to score, and the always firms alone when no candidate is kept', async () => {
    expect(await run([], [], () => true, 50)).toEqual([]);
    const events = await run(['a0', 'a1'], ids('c', 5), () => false, 1);
    expect(events.flatMap((e) => (e.turn ? [e.turn] : []))).toEqual([['a0'], ['a1']]);
  });
});
