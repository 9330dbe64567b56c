import fc from 'fast-check';
import { generateDense } from '../testing/generate-dense';
import { smallInstance } from '../testing/small-instance';
import { awayFor, meeting, org, tinyEdition } from '../testing/tiny-edition';
import { loadMipSolver, type MipSolver } from './mip';
import { buildModel, PinConflictError, SchedulingInputError } from './model';
import { exactGaps } from './gap-lns';
import { repairNeighbourhood, repairPlacement } from './repair';
import { gapTotals } from './holes';
import { scheduleMeetings } from './schedule';
import { ScheduleState } from './state';
import type { SchedulingInput } from './types';
import { validateSchedule } from './validate';

let solver: MipSolver;
beforeAll(async () => {
  solver = await loadMipSolver();
});

const conflictOf = (input: SchedulingInput) => {
  try {
    scheduleMeetings(input);
  } catch (error) {
    if (error instanceof PinConflictError) return error.conflicts;
    throw error;
  }
  throw new Error('the pins were accepted');
};

describe('conflicting pins are refused before any search, naming the meetings and the rule', () => {
  it('two meetings pinned to one table', () => {
    const input = tinyEdition({ slots: 2, tables: 2 });
    input.organizations = [org('A'), org('B'), org('C'), org('D')];
    input.meetings = [
      meeting('m1', 'A', 'B', 100, { pinned: { slotId: 'h1', table: 1 } }),
      meeting('m2', 'C', 'D', 100, { pinned: { slotId: 'h1', table: 1 } }),
    ];
    expect(conflictOf(input)).toEqual([expect.objectContaining({ rule: 'PIN_SAME_TABLE', meetingIds: ['m1', 'm2'] })]);
  });

  it('a party absent', () => {
    const input = tinyEdition({ slots: 2, tables: 1 });
    input.organizations = [org('A', { absences: [awayFor(0, 1)] }), org('B')];
    input.meetings = [meeting('m1', 'A', 'B', 100, { pinned: { slotId: 'h1', table: 1 } })];
    const [conflict] = conflictOf(input);
    expect(conflict).toEqual(expect.objectContaining({ rule: 'PIN_PARTY_ABSENT', meetingIds: ['m1'] }));
    expect(conflict.message).toContain('A is absent');
  });

  it('more meetings at once than a party has delegates', () => {
    const input = tinyEdition({ slots: 2, tables: 2 });
    input.organizations = [org('A'), org('B'), org('C')];
    input.meetings = [
      meeting('m1', 'A', 'B', 100, { pinned: { slotId: 'h1', table: 1 } }),
      meeting('m2', 'A', 'C', 100, { pinned: { slotId: 'h1', table: 2 } }),
    ];
    expect(conflictOf(input)).toEqual([expect.objectContaining({ rule: 'PIN_OVER_DELEGATES', meetingIds: ['m1', 'm2'] })]);
  });

  it('more interpreted meetings at once than interpreters on duty', () => {
    const input = tinyEdition({ slots: 2, tables: 2, interpreters: 1 });
    input.organizations = [org('A', { languages: ['zh'] }), org('B', { languages: ['ja'] }), org('C', { languages: ['zh'] }), org('D', { languages: ['ja'] })];
    input.meetings = [
      meeting('m1', 'A', 'B', 100, { pinned: { slotId: 'h1', table: 1 } }),
      meeting('m2', 'C', 'D', 100, { pinned: { slotId: 'h1', table: 2 } }),
    ];
    expect(conflictOf(input)).toEqual([expect.objectContaining({ rule: 'PIN_OVER_INTERPRETERS', meetingIds: ['m1', 'm2'] })]);
  });

  it('an unknown organisation is named', () => {
    const input = tinyEdition({ slots: 1, tables: 1 });
    input.organizations = [org('A')];
    input.meetings = [meeting('m1', 'A', 'nobody')];
    expect(() => scheduleMeetings(input)).toThrow(new SchedulingInputError('meeting m1: unknown organisation nobody'));
  });
});

describe('dense days with a planted complete, gap-free schedule', () => {
  it.each([
    [0, 3],
    [4, 4],
  ])('size %i, seed %i: every meeting placed, completeness reported, the validator passes', (size, seed) => {
    const { input } = generateDense(size, seed);
    const result = scheduleMeetings(input, { solver });
    expect(result.statistics.placed).toBe(input.meetings.length);
    expect(result.statistics.completeness.status).toBe('complete');
    expect(validateSchedule(input, result.assignments)).toEqual([]);
    expect(result.statistics.gaps.total).toBeGreaterThanOrEqual(result.statistics.gaps.lowerBound);
  });
});

describe('small random events with the solver', () => {
  it('the validator passes; "impossible" is only claimed below the requested weight', () => {
    fc.assert(
      fc.property(smallInstance(false), (input) => {
        const result = scheduleMeetings(input, { solver, gapWindows: 2 });
        expect(validateSchedule(input, result.assignments)).toEqual([]);
        const c = result.statistics.completeness;
        if (c.status === 'complete') expect(result.statistics.placed).toBe(input.meetings.length);
        if (c.status === 'impossible') expect(c.bound).toBeLessThan(c.requestedWeight);
        expect(c.bound).toBeGreaterThanOrEqual(result.statistics.weightedPlaced - 1e-6);
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});

describe('gaps on small random events', () => {
  it('equal the exact gap-minimising program’s optimum wherever it proves one within a second', () => {
    let proven = 0;
    fc.assert(
      fc.property(smallInstance(false), (input) => {
        const result = scheduleMeetings(input, { solver });
        const model = buildModel(input);
        const state = new ScheduleState(model);
        const index = new Map(model.slotIds.map((id, s) => [id, s]));
        const placed = new Map(result.assignments.map((a) => [a.meetingId, a.slotId]));
        model.meetings.forEach((m, i) => {
          const slotId = placed.get(m.id);
          if (slotId !== undefined && m.pinnedSlot < 0) state.place(i, index.get(slotId) as number);
        });
        if (!exactGaps(state, solver, 1)) return;
        proven++;
        expect(result.statistics.gaps.total).toBe(gapTotals(state).gaps);
      }),
      { numRuns: 60, seed: 5 },
    );
    expect(proven).toBeGreaterThan(30);
  });
});

describe('the exact repair', () => {
  it('places a meeting the schedule blocks by moving the ones around it, freed as its neighbourhood', () => {
    // A, B, C meet pairwise; C is away at 09:40. With m1 (A–B) at 09:00 and m2 (A–C) at 09:20,
    // m3 (B–C) has no slot: the repair must move m1 to 09:40 and put m3 at 09:00.
    const input = tinyEdition({ slots: 3, tables: 2 });
    input.organizations = [org('A'), org('B'), org('C', { absences: [awayFor(2, 1)] })];
    input.meetings = [meeting('m1', 'A', 'B'), meeting('m2', 'A', 'C'), meeting('m3', 'B', 'C')];
    const state = new ScheduleState(buildModel(input));
    state.place(0, 0);
    state.place(1, 1);
    expect([...state.model.meetings[2].candidates].some((s) => state.canPlace(2, s))).toBe(false);
    const free = repairNeighbourhood(state, [2], 100);
    expect([...free].sort()).toEqual([0, 1, 2]);
    const outcome = repairPlacement(state, solver, free, 2);
    expect(outcome).toEqual({ proven: true, improved: true });
    expect(state.placed).toBe(3);
  });
});
