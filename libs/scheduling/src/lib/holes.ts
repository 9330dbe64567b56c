import type { ScheduleState } from './state';
import type { HoleStatistics } from './types';

/**
 * A gap is a maximal run of idle points between two meetings of one
 * organisation within one half-day (or one day, when the edition has no
 * break); idle points are those inside such runs. A point the organisation
 * is absent (site visit) is neither idle nor does it split or join runs: it
 * is skipped. Compaction minimises gaps first, then idle points, so one cost
 * holds both: GAP_COST per gap plus one per idle point.
 */
export const GAP_COST = 1000;

const NONE = new Int32Array(0);

/** Idle points of organisation o in half-day h ("holes"). */
export function holesIn(state: ScheduleState, o: number, h: number): number {
  return shapeIf(state, o, h, NONE, NONE) % GAP_COST;
}

/** Gaps of organisation o in half-day h. */
export function gapsIn(state: ScheduleState, o: number, h: number): number {
  return Math.floor(shapeIf(state, o, h, NONE, NONE) / GAP_COST);
}

/** GAP_COST × gaps + idle points of o in half-day h now. */
export function costIn(state: ScheduleState, o: number, h: number): number {
  return shapeIf(state, o, h, NONE, NONE);
}

/** Idle points of o in half-day h if it left the points `minus` and took the points `plus`. */
export function holesIf(state: ScheduleState, o: number, h: number, minus: Int32Array, plus: Int32Array): number {
  return shapeIf(state, o, h, minus, plus) % GAP_COST;
}

/** GAP_COST × gaps + idle points of o in half-day h if it left `minus` and took `plus`. */
export function shapeIf(state: ScheduleState, o: number, h: number, minus: Int32Array, plus: Int32Array): number {
  const model = state.model;
  const pts = model.halfDayPoints[h];
  const base = o * model.points.length;
  const load = state.load;
  const adjusted = minus.length > 0 || plus.length > 0;
  let seenBusy = false;
  let pendingIdle = 0;
  let gaps = 0;
  let idle = 0;
  for (let k = 0; k < pts.length; k++) {
    const p = pts[k];
    if (!model.orgPresent[base + p]) continue;
    let l = load[base + p];
    if (adjusted) l += (plus.includes(p) ? 1 : 0) - (minus.includes(p) ? 1 : 0);
    if (l > 0) {
      if (seenBusy && pendingIdle > 0) {
        gaps++;
        idle += pendingIdle;
      }
      seenBusy = true;
      pendingIdle = 0;
    } else if (seenBusy) pendingIdle++;
  }
  return gaps * GAP_COST + idle;
}

export function holesOf(state: ScheduleState, o: number): number {
  let total = 0;
  for (let h = 0; h < state.model.halfDayPoints.length; h++) total += holesIn(state, o, h);
  return total;
}

export function gapsOf(state: ScheduleState, o: number): number {
  let total = 0;
  for (let h = 0; h < state.model.halfDayPoints.length; h++) total += gapsIn(state, o, h);
  return total;
}

export function gapTotals(state: ScheduleState): { gaps: number; maxGapsPerOrganization: number } {
  let gaps = 0;
  let maxGapsPerOrganization = 0;
  for (let o = 0; o < state.model.orgIds.length; o++) {
    const g = gapsOf(state, o);
    gaps += g;
    maxGapsPerOrganization = Math.max(maxGapsPerOrganization, g);
  }
  return { gaps, maxGapsPerOrganization };
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
