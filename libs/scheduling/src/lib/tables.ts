import type { Model } from './model';
import type { ScheduleState } from './state';

/**
 * Numbers the tables slot by slot in time order. Pinned meetings keep their
 * table, a meeting still in its previous slot keeps its previous table.
 * Others take, where free, the table at which one or both parties had their
 * last meeting of this session and half-day (no table change for them); the
 * meetings that would spare most changes choose first; the rest take the
 * lowest free table. Returns the table per meeting (0 when not placed).
 */
export function assignTables(state: ScheduleState): Int32Array {
  const model = state.model;
  const table = new Int32Array(model.meetings.length);
  const sessions = model.sessionIds.length;
  const halfDays = model.halfDayPoints.length;
  /** Table of each organisation's latest meeting, per session and half-day. */
  const lastTable = new Map<number, number>();
  const key = (o: number, s: number) => (o * sessions + model.slotSession[s]) * halfDays + model.slotHalfDay[s];
  const order = model.slotIds.map((_, s) => s).sort((x, y) => model.slotStart[x] - model.slotStart[y] || x - y);
  for (const s of order) {
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
    // Each wish: a table and how many of the meeting's parties would stay at it.
    const wishes: Array<{ i: number; table: number; stays: number }> = [];
    for (const i of waiting) {
      const m = model.meetings[i];
      const ta = lastTable.get(key(m.a, s));
      const tb = lastTable.get(key(m.b, s));
      if (ta !== undefined) wishes.push({ i, table: ta, stays: ta === tb ? 2 : 1 });
      if (tb !== undefined && tb !== ta) wishes.push({ i, table: tb, stays: 1 });
    }
    wishes.sort((x, y) => y.stays - x.stays || x.i - y.i || x.table - y.table);
    for (const wish of wishes) {
      if (table[wish.i] !== 0 || taken.has(wish.table)) continue;
      table[wish.i] = wish.table;
      taken.add(wish.table);
    }
    let next = 1;
    for (const i of waiting) {
      if (table[i] !== 0) continue;
      while (taken.has(next)) next++;
      table[i] = next;
      taken.add(next);
    }
    for (const i of state.inSlot[s]) {
      const m = model.meetings[i];
      lastTable.set(key(m.a, s), table[i]);
      lastTable.set(key(m.b, s), table[i]);
    }
  }
  return table;
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
