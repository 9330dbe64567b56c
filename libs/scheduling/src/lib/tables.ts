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
  for (let o = 0; o < model.orgIds.length; o++) changes += changesOf(model, state, table, o);
  return changes;
}

/** Changes of organisation o, over all its meetings or only those of slot `within`'s session and half-day. */
function changesOf(model: Model, state: ScheduleState, table: Int32Array, o: number, within = -1): number {
  let changes = 0;
  const all = state.ofOrg[o];
  const subset =
    within < 0
      ? [...all]
      : all.filter((j) => {
          const t = state.slotOf[j];
          return model.slotSession[t] === model.slotSession[within] && model.slotHalfDay[t] === model.slotHalfDay[within];
        });
  const mine = subset.sort((x, y) => model.slotStart[state.slotOf[x]] - model.slotStart[state.slotOf[y]] || table[x] - table[y]);
  for (let k = 1; k < mine.length; k++) {
    const s0 = state.slotOf[mine[k - 1]];
    const s1 = state.slotOf[mine[k]];
    if (s0 === s1 || model.slotSession[s0] !== model.slotSession[s1]) continue;
    if (model.slotHalfDay[s0] !== model.slotHalfDay[s1]) continue;
    if (table[mine[k - 1]] !== table[mine[k]]) changes++;
  }
  return changes;
}

/**
 * Local search on the table numbers: a meeting takes a table one of its
 * parties uses elsewhere in the same session and half-day, swapping with the
 * meeting there if any, whenever that lowers the table changes of everyone
 * involved. `fixed` meetings (pinned, or kept from the previous run) keep theirs.
 */
export function reduceTableChanges(state: ScheduleState, table: Int32Array, fixed: (i: number) => boolean, budget: number): void {
  const model = state.model;
  let work = 0;
  for (let pass = 0; pass < 3; pass++) {
    let improved = false;
    for (let i = 0; i < model.meetings.length; i++) {
      const s = state.slotOf[i];
      if (s < 0 || fixed(i)) continue;
      const m = model.meetings[i];
      const wanted: number[] = [];
      for (const o of [m.a, m.b]) {
        for (const j of state.ofOrg[o]) {
          const t = state.slotOf[j];
          if (t === s || model.slotSession[t] !== model.slotSession[s] || model.slotHalfDay[t] !== model.slotHalfDay[s]) continue;
          if (table[j] !== table[i] && !wanted.includes(table[j])) wanted.push(table[j]);
        }
      }
      for (const t of wanted) {
        if (++work > budget) return;
        const j = state.inSlot[s].find((x) => table[x] === t);
        if (j !== undefined && fixed(j)) continue;
        const orgs = [m.a, m.b];
        if (j !== undefined) orgs.push(model.meetings[j].a, model.meetings[j].b);
        const unique = orgs.filter((o, k) => orgs.indexOf(o) === k);
        const count = () => unique.reduce((sum, o) => sum + changesOf(model, state, table, o, s), 0);
        const before = count();
        const own = table[i];
        table[i] = t;
        if (j !== undefined) table[j] = own;
        if (count() < before) {
          improved = true;
          break;
        }
        table[i] = own;
        if (j !== undefined) table[j] = t;
      }
    }
    if (!improved) return;
  }
}
