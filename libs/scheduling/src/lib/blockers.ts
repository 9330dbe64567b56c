import type { ScheduleState } from './state';

/**
 * For each rule that keeps meeting i out of slot s in the current schedule
 * (full tables, a party's daily maximum, a party's delegates at some point,
 * the interpreters at some point), the meetings whose removal would relax it.
 */
export function blockingRules(state: ScheduleState, i: number, s: number): number[][] {
  const model = state.model;
  const m = model.meetings[i];
  const result: number[][] = [];
  if (state.slotUsed[s] >= model.slotTables[s]) result.push(state.inSlot[s].slice());
  const day = model.slotDay[s];
  for (const o of [m.a, m.b]) {
    if (state.dayCount[o * model.days + day] >= model.orgMaxDay[o]) {
      result.push(state.ofOrg[o].filter((x) => model.slotDay[state.slotOf[x]] === day));
    }
  }
  const pointCount = model.points.length;
  for (const p of model.slotPoints[s]) {
    for (const o of [m.a, m.b]) {
      if (state.load[o * pointCount + p] >= model.orgCap[o]) {
        result.push(state.ofOrg[o].filter((x) => model.slotPoints[state.slotOf[x]].includes(p)));
      }
    }
    if (m.needsInterpreter && state.interpretersUsed[p] >= model.interpreterCap[p]) {
      const users: number[] = [];
      for (let t = 0; t < model.slotIds.length; t++) {
        if (!model.slotPoints[t].includes(p)) continue;
        for (const x of state.inSlot[t]) if (model.meetings[x].needsInterpreter) users.push(x);
      }
      result.push(users);
    }
  }
  return result;
}
