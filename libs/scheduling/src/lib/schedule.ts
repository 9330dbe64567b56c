import { relaxBounds } from './bounds';
import { annealGaps } from './anneal';
import { compactHoles } from './compact';
import { construct } from './construct';
import { exactSearch } from './exact';
import { gapTotals, holeStatistics } from './holes';
import { Improver } from './improve';
import { buildModel } from './model';
import { createRandom } from './prng';
import { explainLeftOut } from './reasons';
import { ScheduleState } from './state';
import { assignTables, countTableChanges, reduceTableChanges } from './tables';
import type { Completeness, ScheduleOptions, ScheduleResult, SchedulingInput } from './types';
import type { MipSolver } from './mip';
import { repairNeighbourhood, repairPlacement } from './repair';
import { gapSearch } from './gap-lns';

/** Up to this many free meetings the branch and bound proves the optimum. */
const EXACT_MEETINGS = 40;
/** Up to this many placed meetings (a forum day: 120–300) the gaps get simulated annealing. */
const DENSE_DAY = 600;
/** (meeting, slot) pairs an exact repair may free at most. */
const REPAIR_COLUMNS = 12_000;

/**
 * Complete first: when meetings are still out, free them with a neighbourhood
 * of those around them and let the MIP place them exactly; when the free part
 * is the whole schedule, its optimum proves completeness impossible (or finds it).
 */
function completeFirst(state: ScheduleState, solver: MipSolver | undefined, upperBound: number, exactProof: boolean, effort: number): Completeness {
  const model = state.model;
  const requestedWeight = model.meetings.reduce((sum, m) => sum + m.weight, 0);
  const result = (status: Completeness['status'], bound: number, method: string): Completeness => ({ status, requestedWeight, bound, method });
  if (state.placed === model.meetings.length) return result('complete', state.weight, 'construction');
  if (upperBound < requestedWeight - 1e-6) return result('impossible', upperBound, 'relaxation bound');
  if (exactProof) return result('impossible', state.weight, 'exact optimum');
  if (!solver) return result('undecided', upperBound, 'budget');
  const out = () => model.meetings.map((_, i) => i).filter((i) => state.slotOf[i] < 0 && !state.pinned[i] && model.meetings[i].candidates.length > 0);
  const everything = model.meetings.map((_, i) => i).filter((i) => !state.pinned[i]);
  const columns = everything.reduce((n, i) => n + model.meetings[i].candidates.length, 0);
  // First a neighbourhood (fast), then, where it is small enough, the whole schedule (a proof).
  repairPlacement(state, solver, repairNeighbourhood(state, out(), Math.min(columns, 3000)), 2 * effort);
  if (state.placed === model.meetings.length) return result('complete', state.weight, 'repair');
  if (columns <= REPAIR_COLUMNS) {
    const outcome = repairPlacement(state, solver, everything, 4 * effort);
    if (state.placed === model.meetings.length) return result('complete', state.weight, 'repair');
    if (outcome.proven) return result('impossible', state.weight, 'exact optimum');
  }
  return result('undecided', upperBound, 'budget');
}

/**
 * Schedules the accepted meetings. Objective, in order: weight placed; in a
 * re-run, meetings kept where the previous run put them; holes; table
 * changes. Deterministic for a given input and seed: budgets count work, not
 * time, and the clock only measures the runtime it reports.
 */
export function scheduleMeetings(input: SchedulingInput, options: ScheduleOptions = {}): ScheduleResult {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const effort = options.effort ?? 1;
  const random = createRandom(options.seed ?? 1);
  const model = buildModel(input);
  const state = new ScheduleState(model);

  const relaxation = relaxBounds(model);
  construct(state, random, relaxation.share);
  const free = model.meetings.filter((m) => m.pinnedSlot < 0 && m.candidates.length > 0).length;
  const improver = new Improver(state, Math.round(effort * Math.max(12_000, 4 * free)));
  const small = free <= 200;
  improver.run(relaxation.share, (i) => (small ? 3 : relaxation.share[i] > 0 ? 2 : 1));
  const exactProof = free <= EXACT_MEETINGS && exactSearch(state, Math.round(effort * 2_000_000));
  const relaxation0 = relaxation.bounds;
  const completeness = completeFirst(
    state,
    options.solver,
    Math.min(relaxation0.requests, relaxation0.tableSlots, relaxation0.organizationCapacity, relaxation0.flow),
    exactProof,
    effort,
  );
  const movable = (i: number) => !state.pinned[i] && state.slotOf[i] !== model.meetings[i].previousSlot;
  compactHoles(state, random, Math.round(effort * Math.max(20_000, 30 * free)), movable);
  if (state.placed <= DENSE_DAY) {
    // Forum-sized days: annealing, then compaction again. Large events keep to compaction (their CPU budget).
    annealGaps(state, random, Math.round(effort * 200_000), movable);
    compactHoles(state, random, Math.round(effort * Math.max(20_000, 30 * free)), movable);
  }
  if (options.solver && options.gapWindows) {
    gapSearch(state, options.solver, {
      iterations: options.gapWindows,
      seconds: 0.2,
      movable,
      random,
      maxGapsPerOrganization: options.maxGapsPerOrganization,
    });
  }
  // Anything that fits now goes in, so every reason below is a real obstacle.
  for (let i = 0; i < model.meetings.length; i++) {
    if (state.slotOf[i] < 0 && !state.pinned[i]) improver.insert(i, 0);
  }
  if (completeness.status !== 'complete' && state.placed === model.meetings.length) Object.assign(completeness, { status: 'complete', bound: state.weight });

  const table = assignTables(state);
  const keepsTable = (i: number) =>
    state.pinned[i] === 1 || (state.slotOf[i] === model.meetings[i].previousSlot && table[i] === model.meetings[i].previousTable);
  reduceTableChanges(state, table, keepsTable, Math.round(effort * Math.max(20_000, 20 * free)));
  const assignments = model.meetings.flatMap((m, i) => {
    const s = state.slotOf[i];
    if (s < 0) return [];
    return [{ meetingId: m.id, sessionId: model.sessionIds[model.slotSession[s]], slotId: model.slotIds[s], table: table[i] }];
  });
  const leftOut = model.meetings.flatMap((m, i) => (state.slotOf[i] >= 0 ? [] : [{ meetingId: m.id, reason: explainLeftOut(state, i) }]));
  const bounds = relaxation.bounds;
  const holes = holeStatistics(state);
  const gapCount = gapTotals(state);
  const upperBound = Math.min(bounds.requests, bounds.tableSlots, bounds.organizationCapacity, bounds.flow);
  const moved = model.meetings.filter((m, i) => m.previousSlot >= 0 && (state.slotOf[i] !== m.previousSlot || table[i] !== m.previousTable)).length;
  return {
    assignments,
    leftOut,
    statistics: {
      requested: model.meetings.length,
      placed: state.placed,
      weightedPlaced: state.weight,
      upperBound,
      gap: upperBound > 0 ? (upperBound - state.weight) / upperBound : 0,
      bounds,
      holes,
      completeness,
      gaps: {
        total: gapCount.gaps,
        lowerBound: 0,
        idleSlots: holes.total,
        maxPerOrganization: gapCount.maxGapsPerOrganization,
        scope: input.gapScope ?? 'halfDay',
      },
      tableChanges: countTableChanges(model, state, table),
      moved,
      runtimeMs: clock() - started,
    },
  };
}
