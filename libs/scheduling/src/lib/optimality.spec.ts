import fc from 'fast-check';
import { solveWithHighs } from '../testing/highs-model';
import { smallInstance } from '../testing/small-instance';
import { scheduleMeetings } from './schedule';
import type { SchedulingInput } from './types';
import { validateSchedule } from './validate';

/**
 * On small random events the engine must be exactly optimal: whenever HiGHS
 * proves the optimum of the integer program within a second, the engine
 * places as many meetings (unit weights) or as much weight (real weights),
 * and the independent validator accepts every schedule.
 */
describe('small random events: valid and as good as the exact integer program', () => {
  const check = async (unitWeights: boolean, seed: number) => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(smallInstance(unitWeights), async (input) => {
        const result = scheduleMeetings(input, { seed: 7 });
        expect(validateSchedule(input, result.assignments)).toEqual([]);
        expect(result.statistics.weightedPlaced).toBeLessThanOrEqual(result.statistics.upperBound + 1e-6);
        const exact = await solveWithHighs(input, { timeLimitSeconds: 1 });
        if (exact.status !== 'Optimal') return;
        compared++;
        if (unitWeights) expect(result.statistics.placed).toBe(exact.placed);
        expect(result.statistics.weightedPlaced).toBeCloseTo(exact.weightedPlaced, 6);
      }),
      { numRuns: 150, seed },
    );
    // the comparison must actually happen, not be skipped by timeouts
    expect(compared).toBeGreaterThan(140);
  };

  it('places as many meetings as the optimum (unit weights)', () => check(true, 20261125), 60_000);
  it('places as much weight as the optimum (real weights)', () => check(false, 42), 60_000);
});

describe('small random events re-run with every third placed meeting pinned and the rest placed before', () => {
  it('keeps the pins and still reaches the optimum', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(smallInstance(false), async (event) => {
        const first = scheduleMeetings(event, { seed: 3 });
        const placed = new Map(first.assignments.map((a, k) => [a.meetingId, { where: { slotId: a.slotId, table: a.table }, pin: k % 3 === 0 }]));
        const input: SchedulingInput = {
          ...event,
          meetings: event.meetings.map((m) => {
            const p = placed.get(m.id);
            return p ? { ...m, ...(p.pin ? { pinned: p.where } : { previous: p.where }) } : m;
          }),
        };
        const result = scheduleMeetings(input, { seed: 3 });
        expect(validateSchedule(input, result.assignments)).toEqual([]); // includes PINNED_NOT_KEPT
        const exact = await solveWithHighs(input, { timeLimitSeconds: 1 });
        if (exact.status !== 'Optimal') return;
        compared++;
        expect(result.statistics.weightedPlaced).toBeCloseTo(exact.weightedPlaced, 6);
      }),
      { numRuns: 100, seed: 7 },
    );
    expect(compared).toBeGreaterThan(90);
  }, 60_000);
});
