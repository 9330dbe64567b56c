import { CapacityRows } from './capacity-rows';
import { LpBuilder, solveMip, type MipSolver } from './mip';
import type { ScheduleState } from './state';

export interface RepairOutcome {
  /** The program over the meetings freed was solved to optimality. */
  proven: boolean;
  improved: boolean;
}

/**
 * Exact repair: frees the meetings `free` (left-out ones and a neighbourhood
 * of those that block them), keeps every other meeting where it is, and asks
 * the MIP for the heaviest placement of the freed ones in what is left of the
 * tables, the parties' delegates and daily maxima and the interpreter pool.
 * The result is kept only when it weighs more; otherwise the state is restored.
 */
export function repairPlacement(state: ScheduleState, solver: MipSolver, free: readonly number[], seconds: number): RepairOutcome {
  const model = state.model;
  const mark = state.mark();
  const before = state.weight;
  for (const i of free) if (state.slotOf[i] >= 0) state.remove(i);

  const lp = new LpBuilder('Maximize');
  const columns: Array<[number, number, string]> = [];
  const rows = new CapacityRows(state);
  for (const i of free) {
    const m = model.meetings[i];
    const mine: Array<[number, string]> = [];
    for (const s of m.candidates) {
      if (!state.canPlace(i, s)) continue; // it would not fit even alone
      const name = lp.binary(`x${i}_${s}`, m.weight);
      columns.push([i, s, name]);
      mine.push([1, name]);
      rows.add(i, s, name);
    }
    if (mine.length > 1) lp.row(mine, '<=', 1);
  }
  rows.write(lp);

  const outcome = columns.length ? solveMip(solver, lp, seconds) : { status: 'Optimal' as const, objective: 0, value: () => 0 };
  if (outcome.status !== 'None') {
    for (const [i, s, name] of columns) if (outcome.value(name) > 0.5 && state.slotOf[i] < 0 && state.canPlace(i, s)) state.place(i, s);
  }
  const proven = outcome.status === 'Optimal';
  if (state.weight > before) return { proven, improved: true };
  state.undo(mark);
  return { proven, improved: false };
}

/**
 * The meetings a repair frees: the left-out ones, every meeting of their
 * parties, and the meetings sharing their candidate slots with those
 * parties' partners, grown until about `columns` (meeting, slot) pairs.
 */
export function repairNeighbourhood(state: ScheduleState, leftOut: readonly number[], columns: number): number[] {
  const model = state.model;
  const chosen = new Set<number>();
  let size = 0;
  const add = (i: number) => {
    if (chosen.has(i) || state.pinned[i]) return;
    chosen.add(i);
    size += model.meetings[i].candidates.length;
  };
  for (const i of leftOut) add(i);
  let frontier = [...new Set(leftOut.flatMap((i) => [model.meetings[i].a, model.meetings[i].b]))];
  const seen = new Set(frontier);
  while (frontier.length && size < columns) {
    const next: number[] = [];
    for (const o of frontier) {
      for (const i of state.ofOrg[o]) {
        if (size >= columns) break;
        add(i);
        for (const other of [model.meetings[i].a, model.meetings[i].b]) {
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
    }
    frontier = next;
  }
  return [...chosen];
}
