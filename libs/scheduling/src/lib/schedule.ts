import { relaxBounds } from './bounds';
import { compactHoles } from './compact';
import { construct } from './construct';
import { exactSearch } from './exact';
import { holeStatistics } from './holes';
import { Improver } from './improve';
import { buildModel } from './model';
import { createRandom } from './prng';
import { explainLeftOut } from './reasons';
import { ScheduleState } from './state';
import { assignTables, countTableChanges, reduceTableChanges } from './tables';
import type { ScheduleOptions, ScheduleResult, SchedulingInput } from './types';

/** Up to this many free meetings the branch and bound proves the optimum. */
const EXACT_MEETINGS = 40;

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
  if (free <= EXACT_MEETINGS) exactSearch(state, Math.round(effort * 2_000_000));
  const movable = (i: number) => !state.pinned[i] && state.slotOf[i] !== model.meetings[i].previousSlot;
  compactHoles(state, random, Math.round(effort * Math.max(20_000, 30 * free)), movable);
  // Anything that fits now goes in, so every reason below is a real obstacle.
  for (let i = 0; i < model.meetings.length; i++) {
    if (state.slotOf[i] < 0 && !state.pinned[i]) improver.insert(i, 0);
  }

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
      holes: holeStatistics(state),
      tableChanges: countTableChanges(model, state, table),
      moved,
      runtimeMs: clock() - started,
    },
  };
}
