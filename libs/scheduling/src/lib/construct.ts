import type { ScheduleState } from './state';

/**
 * Greedy construction. Meetings placed by the previous run go back to their
 * slot first (a re-run should move few), then the rest: first those the LP
 * relaxation chose (share 1, then ½), each group by decreasing weight, the
 * hardest to place (fewest usable slots) first among equals. Each goes to
 * the free slot that keeps both parties' days compact.
 */
export function construct(state: ScheduleState, random: () => number, share: Float64Array): void {
  const model = state.model;
  const order = model.meetings.map((_, i) => i).filter((i) => !state.pinned[i] && model.meetings[i].candidates.length > 0);
  const tieBreak = new Float64Array(model.meetings.length).map(() => random());
  order.sort(
    (x, y) =>
      share[y] - share[x] ||
      model.meetings[x].candidates.length - model.meetings[y].candidates.length ||
      model.meetings[y].weight - model.meetings[x].weight ||
      tieBreak[x] - tieBreak[y],
  );
  for (const i of order) {
    const previous = model.meetings[i].previousSlot;
    if (previous >= 0 && state.canPlace(i, previous)) state.place(i, previous);
  }
  for (const i of order) {
    if (state.slotOf[i] >= 0) continue;
    const s = bestSlot(state, i);
    if (s >= 0) state.place(i, s);
  }
}

/** The free slot with the best compactness for both parties, or −1. */
export function bestSlot(state: ScheduleState, i: number, exclude = -1): number {
  const m = state.model.meetings[i];
  let best = -1;
  let bestScore = -Infinity;
  for (const s of m.candidates) {
    if (s === exclude || !state.canPlace(i, s)) continue;
    const score = compactness(state, m.a, s) + compactness(state, m.b, s) + (s === m.previousSlot ? 100 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

/**
 * How well slot s fits organisation o's day: next to one of its meetings is
 * best, in a half-day where it already meets is good, and a half-day far from
 * its meetings is worst (it would open a hole later).
 */
export function compactness(state: ScheduleState, o: number, s: number): number {
  const model = state.model;
  const h = model.slotHalfDay[s];
  const pts = model.halfDayPoints[h];
  const p = model.slotPoints[s][0];
  const k = pts.indexOf(p);
  let first = -1;
  let last = -1;
  for (let j = 0; j < pts.length; j++) {
    if (state.busy(o, pts[j])) {
      if (first < 0) first = j;
      last = j;
    }
  }
  if (first < 0) return 0;
  if (k === first - 1 || k === last + 1) return 3;
  if (k > first && k < last) return state.busy(o, p) ? 1 : 4; // filling a hole is best of all
  return 1 - (k < first ? first - k : k - last) * 0.5;
}
