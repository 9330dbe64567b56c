import { relocationDelta, singleBlockers } from './compact';
import { costIn } from './holes';
import type { ScheduleState } from './state';

/**
 * Simulated annealing on gaps (then idle points) once the placed set is fixed:
 * a random meeting of an organisation with gaps goes to a random other slot,
 * directly or by swapping with one meeting that blocks it there. Worse moves
 * are accepted with falling probability, so the search leaves the local
 * minima pure descent (compactHoles) stops in; the best schedule seen is
 * restored at the end, so it never ends worse than it started.
 */
export function annealGaps(state: ScheduleState, random: () => number, steps: number, movable: (i: number) => boolean): void {
  const model = state.model;
  const halfDays = model.halfDayPoints.length;
  const total = () => {
    let sum = 0;
    for (let o = 0; o < model.orgIds.length; o++) for (let h = 0; h < halfDays; h++) sum += costIn(state, o, h);
    return sum;
  };
  let current = total();
  let best = current;
  if (best === 0) return;
  const bestSlots = Int32Array.from(state.slotOf);
  const movables = model.meetings.map((_, i) => i).filter((i) => state.slotOf[i] >= 0 && movable(i));
  if (movables.length === 0) return;
  const start = 600; // about half a gap
  for (let step = 0; step < steps && best > 0; step++) {
    const temperature = start * Math.pow(0.5 / start, step / steps);
    const i = movables[Math.floor(random() * movables.length)];
    const m = model.meetings[i];
    const from = state.slotOf[i];
    const s = m.candidates[Math.floor(random() * m.candidates.length)];
    if (s === from) continue;
    let moves: Array<[number, number]>;
    if (state.canMove(i, s)) moves = [[i, s]];
    else {
      const blockers = singleBlockers(state, i, s).filter(movable);
      if (blockers.length === 0) continue;
      const x = blockers[Math.floor(random() * blockers.length)];
      if (!model.candidateMask[x * model.slotIds.length + from]) continue;
      moves = [
        [x, from],
        [i, s],
      ];
    }
    const orgs: number[] = [];
    for (const [j] of moves) orgs.push(model.meetings[j].a, model.meetings[j].b);
    const delta = relocationDelta(state, moves, orgs, [model.slotHalfDay[from], model.slotHalfDay[s]]);
    if (delta === null) continue;
    if (delta > 0 && random() >= Math.exp(-delta / temperature)) continue;
    for (const [j] of moves) state.remove(j);
    for (const [j, t] of moves) state.place(j, t);
    state.forget();
    current += delta;
    if (current < best) {
      best = current;
      bestSlots.set(state.slotOf);
    }
  }
  // Back to the best schedule seen (same meetings placed, only slots differ).
  for (const i of movables) if (state.slotOf[i] !== bestSlots[i]) state.remove(i);
  for (const i of movables) if (state.slotOf[i] < 0) state.place(i, bestSlots[i]);
  state.forget();
}
