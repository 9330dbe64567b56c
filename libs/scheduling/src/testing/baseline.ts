/**
 * What the benchmark compares the engine with: a greedy first-fit schedule,
 * and a way to measure any slot assignment (greedy, HiGHS) with the engine's
 * own yardsticks, tables numbered first-fit, and checked by the validator.
 */
import { gapTotals, holeStatistics } from '../lib/holes';
import { buildModel } from '../lib/model';
import { ScheduleState } from '../lib/state';
import { countTableChanges } from '../lib/tables';
import type { HoleStatistics, ScheduledMeeting, SchedulingInput } from '../lib/types';
import { validateSchedule } from '../lib/validate';

/** Heaviest first, each in the earliest slot where it fits. Meeting id → slot id. */
export function greedyFirstFit(input: SchedulingInput): Map<string, string> {
  const model = buildModel(input);
  const state = new ScheduleState(model);
  const order = model.meetings.map((_, i) => i).sort((x, y) => model.meetings[y].weight - model.meetings[x].weight || x - y);
  for (const i of order) {
    if (state.slotOf[i] >= 0) continue;
    const s = model.meetings[i].candidates.find((c) => state.canPlace(i, c));
    if (s !== undefined) state.place(i, s);
  }
  return new Map(model.meetings.flatMap((m, i) => (state.slotOf[i] >= 0 && m.pinnedSlot < 0 ? [[m.id, model.slotIds[state.slotOf[i]]]] : [])));
}

export interface Measured {
  placed: number;
  weightedPlaced: number;
  holes: HoleStatistics;
  /** Gaps (idle runs) in the default scope, see holes.ts. */
  gaps: number;
  tableChanges: number;
  violations: number;
}

/** Measures a slot assignment of the non-pinned meetings (pinned ones stay where pinned). */
export function measureSlots(input: SchedulingInput, slots: ReadonlyMap<string, string>): Measured {
  const model = buildModel(input);
  const state = new ScheduleState(model);
  const slotIndex = new Map(model.slotIds.map((id, s) => [id, s]));
  model.meetings.forEach((m, i) => {
    const slotId = slots.get(m.id);
    if (slotId !== undefined && m.pinnedSlot < 0) state.place(i, slotIndex.get(slotId) as number);
  });
  const table = new Int32Array(model.meetings.length);
  const assignments: ScheduledMeeting[] = [];
  for (let s = 0; s < model.slotIds.length; s++) {
    const taken = new Set(state.inSlot[s].filter((i) => model.meetings[i].pinnedSlot === s).map((i) => model.meetings[i].pinnedTable));
    let next = 1;
    for (const i of [...state.inSlot[s]].sort((x, y) => x - y)) {
      const m = model.meetings[i];
      if (m.pinnedSlot === s) table[i] = m.pinnedTable;
      else {
        while (taken.has(next)) next++;
        table[i] = next;
        taken.add(next);
      }
      assignments.push({ meetingId: m.id, sessionId: model.sessionIds[model.slotSession[s]], slotId: model.slotIds[s], table: table[i] });
    }
  }
  return {
    placed: state.placed,
    weightedPlaced: state.weight,
    holes: holeStatistics(state),
    gaps: gapTotals(state).gaps,
    tableChanges: countTableChanges(model, state, table),
    violations: validateSchedule(input, assignments).length,
  };
}
