import type { Model } from './model';
import type { ScheduleState } from './state';

/**
 * Numbers the tables slot by slot in time order. Pinned meetings keep their
 * table, a meeting still in its previous slot keeps its previous table, and
 * otherwise a meeting takes the table one of its parties sat at last in this
 * session (the busier party first, since it would move most), else the lowest
 * free one. Returns the table per meeting (0 when not placed).
 */
export function assignTables(state: ScheduleState): Int32Array {
  const model = state.model;
  const table = new Int32Array(model.meetings.length);
  const sessions = model.sessionIds.length;
  const lastTable = new Map<number, number>();
  const order = model.slotIds.map((_, s) => s).sort((x, y) => model.slotStart[x] - model.slotStart[y] || x - y);
  for (const s of order) {
    const k = model.slotSession[s];
    const taken = new Set<number>();
    const waiting: number[] = [];
    for (const i of state.inSlot[s]) {
      const m = model.meetings[i];
      if (m.pinnedSlot === s) {
        table[i] = m.pinnedTable;
        taken.add(m.pinnedTable);
      }
    }
    for (const i of [...state.inSlot[s]].sort((x, y) => x - y)) {
      const m = model.meetings[i];
      if (m.pinnedSlot === s) continue;
      if (m.previousSlot === s && !taken.has(m.previousTable)) {
        table[i] = m.previousTable;
        taken.add(m.previousTable);
      } else waiting.push(i);
    }
    const rest: number[] = [];
    for (const i of waiting) {
      const m = model.meetings[i];
      const [first, second] = busierFirst(state, m.a, m.b);
      const choice = [lastTable.get(first * sessions + k), lastTable.get(second * sessions + k)].find(
        (t) => t !== undefined && !taken.has(t),
      );
      if (choice === undefined) rest.push(i);
      else {
        table[i] = choice;
        taken.add(choice);
      }
    }
    let next = 1;
    for (const i of rest) {
      while (taken.has(next)) next++;
      table[i] = next;
      taken.add(next);
    }
    for (const i of state.inSlot[s]) {
      const m = model.meetings[i];
      lastTable.set(m.a * sessions + k, table[i]);
      lastTable.set(m.b * sessions + k, table[i]);
    }
  }
  return table;
}

function busierFirst(state: ScheduleState, a: number, b: number): [number, number] {
  return state.ofOrg[b].length > state.ofOrg[a].length ? [b, a] : [a, b];
}

/**
 * Table changes: for each organisation, consecutive meetings (in time) of the
 * same session and half-day held at different tables.
 */
export function countTableChanges(model: Model, state: ScheduleState, table: Int32Array): number {
  let changes = 0;
  for (let o = 0; o < model.orgIds.length; o++) {
    const mine = [...state.ofOrg[o]].sort(
      (x, y) => model.slotStart[state.slotOf[x]] - model.slotStart[state.slotOf[y]] || table[x] - table[y],
    );
    for (let k = 1; k < mine.length; k++) {
      const s0 = state.slotOf[mine[k - 1]];
      const s1 = state.slotOf[mine[k]];
      if (s0 === s1 || model.slotSession[s0] !== model.slotSession[s1]) continue;
      if (model.slotHalfDay[s0] !== model.slotHalfDay[s1]) continue;
      if (table[mine[k - 1]] !== table[mine[k]]) changes++;
    }
  }
  return changes;
}
