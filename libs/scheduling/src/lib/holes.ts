import type { ScheduleState } from './state';
import type { HoleStatistics } from './types';

/**
 * Holes of organisation o in half-day h: points between its first and last
 * meeting of that half-day where it is present but in no meeting. A point it
 * is absent (site visit) is not idle time, so it is not a hole.
 */
export function holesIn(state: ScheduleState, o: number, h: number): number {
  return holesIf(state, o, h, NONE, NONE);
}

const NONE = new Int32Array(0);

/** Holes of o in half-day h if it left the points `minus` and took the points `plus`. */
export function holesIf(state: ScheduleState, o: number, h: number, minus: Int32Array, plus: Int32Array): number {
  const model = state.model;
  const pts = model.halfDayPoints[h];
  const base = o * model.points.length;
  const load = state.load;
  const adjusted = minus.length > 0 || plus.length > 0;
  let first = -1;
  let last = -1;
  let busy = 0;
  let absentInside = 0;
  for (let k = 0; k < pts.length; k++) {
    const p = pts[k];
    let l = load[base + p];
    if (adjusted) l += (plus.includes(p) ? 1 : 0) - (minus.includes(p) ? 1 : 0);
    if (l > 0) {
      if (first < 0) first = k;
      last = k;
      busy++;
    }
  }
  if (first < 0) return 0;
  for (let k = first + 1; k < last; k++) if (!model.orgPresent[base + pts[k]]) absentInside++;
  // between the first and last meeting: every point is busy, absent, or a hole
  return last - first + 1 - busy - absentInside;
}

export function holesOf(state: ScheduleState, o: number): number {
  let total = 0;
  for (let h = 0; h < state.model.halfDayPoints.length; h++) total += holesIn(state, o, h);
  return total;
}

export function holeStatistics(state: ScheduleState): HoleStatistics {
  let total = 0;
  let max = 0;
  let withMeetings = 0;
  let withNone = 0;
  for (let o = 0; o < state.model.orgIds.length; o++) {
    if (state.ofOrg[o].length === 0) continue;
    const holes = holesOf(state, o);
    withMeetings++;
    total += holes;
    max = Math.max(max, holes);
    if (holes === 0) withNone++;
  }
  return {
    total,
    mean: withMeetings ? total / withMeetings : 0,
    max,
    shareWithNone: withMeetings ? withNone / withMeetings : 1,
  };
}
