import { blockingRules } from './blockers';
import { costIn as holesIn, shapeIf as holesIf } from './holes';
import { shuffle } from './prng';
import type { ScheduleState } from './state';

/**
 * Hole compaction: moves a meeting to another slot, or swaps it with a
 * meeting of a full slot, whenever that lowers the holes of the parties
 * involved (gaps first, then idle points: see GAP_COST). The set of placed meetings never changes, only their slots.
 * `movable` says which meetings may move (not pinned; in a re-run, not the
 * ones still where the previous run put them).
 */
export function compactHoles(state: ScheduleState, random: () => number, budget: number, movable: (i: number) => boolean): void {
  const model = state.model;
  let work = 0;
  for (let pass = 0; pass < 30; pass++) {
    let improved = false;
    const withHoles: number[] = [];
    for (let i = 0; i < model.meetings.length; i++) {
      const s = state.slotOf[i];
      if (s < 0 || !movable(i)) continue;
      const h = model.slotHalfDay[s];
      const m = model.meetings[i];
      if (holesIn(state, m.a, h) > 0 || holesIn(state, m.b, h) > 0) withHoles.push(i);
    }
    for (const i of shuffle(withHoles, random)) {
      if (work > budget) return;
      const [cost, gain] = improveOne(state, i, movable);
      work += cost;
      if (gain) improved = true;
      state.forget();
    }
    if (!improved) return;
  }
}

/** The best hole-reducing move or swap of meeting i, applied. Returns [work, applied]. */
function improveOne(state: ScheduleState, i: number, movable: (i: number) => boolean): [number, boolean] {
  const model = state.model;
  const m = model.meetings[i];
  const from = state.slotOf[i];
  let work = 0;
  let bestDelta = 0;
  let bestMoves: Array<[number, number]> | null = null;
  const deltaTo = moveDeltas(state, i);
  for (const s of m.candidates) {
    if (s === from) continue;
    work++;
    const delta = deltaTo(s);
    if (delta >= 0) continue; // neither a move nor a swap here helps i's parties enough to try
    if (state.canMove(i, s)) {
      if (delta < bestDelta) {
        bestDelta = delta;
        bestMoves = [[i, s]];
      }
      continue;
    }
    // i's parties would gain: free slot s by moving one blocking meeting elsewhere (into i's old slot: a swap).
    for (const x of singleBlockers(state, i, s)) {
      if (!movable(x)) continue;
      const other = model.meetings[x];
      const shared = other.a === m.a || other.a === m.b || other.b === m.a || other.b === m.b;
      const otherDelta = shared ? null : moveDeltas(state, x);
      for (const s2 of other.candidates) {
        if (s2 === s) continue;
        if (otherDelta && s2 !== from && (!state.canMove(x, s2) || delta + otherDelta(s2) >= bestDelta)) continue;
        work++;
        const moves: Array<[number, number]> = [
          [x, s2],
          [i, s],
        ];
        const halfDays = [model.slotHalfDay[from], model.slotHalfDay[s], model.slotHalfDay[s2]];
        const d = relocationDelta(state, moves, [m.a, m.b, other.a, other.b], halfDays);
        if (d !== null && d < bestDelta) {
          bestDelta = d;
          bestMoves = moves;
        }
      }
    }
  }
  if (!bestMoves) return [work, false];
  for (const [j] of bestMoves) state.remove(j);
  for (const [j, s] of bestMoves) state.place(j, s);
  return [work, true];
}

/** Meetings each of which, moved away, would let placed meeting i into slot s. */
export function singleBlockers(state: ScheduleState, i: number, s: number): number[] {
  const mark = state.mark();
  state.remove(i);
  const rules = blockingRules(state, i, s);
  state.undo(mark);
  if (rules.length === 0) return [];
  return rules[0].filter((x) => x !== i && rules.every((rule) => rule.includes(x)));
}

/**
 * Change in holes of meeting i's parties if it moved to slot s, computed
 * without moving it. Leaving its half-day is worked out once; another
 * half-day only adds what taking s there does.
 */
function moveDeltas(state: ScheduleState, i: number): (s: number) => number {
  const model = state.model;
  const m = model.meetings[i];
  const from = state.slotOf[i];
  const minus = model.slotPoints[from];
  const h1 = model.slotHalfDay[from];
  const none = new Int32Array(0);
  const baseA = holesIn(state, m.a, h1);
  const baseB = holesIn(state, m.b, h1);
  const leaving = holesIf(state, m.a, h1, minus, none) - baseA + holesIf(state, m.b, h1, minus, none) - baseB;
  const elsewhere = new Int32Array(model.halfDayPoints.length).fill(-1);
  return (s: number) => {
    const plus = model.slotPoints[s];
    const h2 = model.slotHalfDay[s];
    if (h2 === h1) return holesIf(state, m.a, h1, minus, plus) - baseA + holesIf(state, m.b, h1, minus, plus) - baseB;
    if (elsewhere[h2] < 0) elsewhere[h2] = holesIn(state, m.a, h2) + holesIn(state, m.b, h2);
    return leaving + holesIf(state, m.a, h2, none, plus) + holesIf(state, m.b, h2, none, plus) - elsewhere[h2];
  };
}

/**
 * Change in holes of `orgs` over `halfDays` if the meetings moved as given,
 * or null when the moves do not fit. The state is left as it was.
 */
export function relocationDelta(
  state: ScheduleState,
  moves: ReadonlyArray<[number, number]>,
  orgs: readonly number[],
  halfDays: readonly number[],
): number | null {
  const uniqueOrgs = orgs.filter((o, k) => orgs.indexOf(o) === k);
  const uniqueHalfDays = halfDays.filter((h, k) => halfDays.indexOf(h) === k);
  const holes = () => {
    let sum = 0;
    for (const o of uniqueOrgs) for (const h of uniqueHalfDays) sum += holesIn(state, o, h);
    return sum;
  };
  const before = holes();
  const origins = moves.map(([j]) => state.remove(j));
  let placed = 0;
  for (const [j, s] of moves) {
    if (!state.canPlace(j, s)) break;
    state.place(j, s);
    placed++;
  }
  const after = placed === moves.length ? holes() : null;
  for (let k = 0; k < placed; k++) state.remove(moves[k][0]);
  moves.forEach(([j], k) => state.place(j, origins[k]));
  return after === null ? null : after - before;
}
