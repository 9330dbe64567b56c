import type { LpBuilder } from './mip';
import type { ScheduleState } from './state';

type Terms = Array<[number, string]>;

/**
 * The capacity rows of a window program: for the (meeting, slot) columns
 * added, what is left of each slot's tables, each party's daily maximum and
 * delegates at each point, and the interpreter pool, once the meetings kept
 * outside the window hold theirs. Rows that cannot bind are not written.
 */
export class CapacityRows {
  private readonly tables = new Map<number, Terms>();
  private readonly days = new Map<number, Terms>();
  private readonly loads = new Map<number, Terms>();
  private readonly interpreters = new Map<number, Terms>();

  constructor(private readonly state: ScheduleState) {}

  add(i: number, s: number, column: string): void {
    const model = this.state.model;
    const m = model.meetings[i];
    const pointCount = model.points.length;
    push(this.tables, s, column);
    push(this.days, m.a * model.days + model.slotDay[s], column);
    push(this.days, m.b * model.days + model.slotDay[s], column);
    for (const p of model.slotPoints[s]) {
      push(this.loads, m.a * pointCount + p, column);
      push(this.loads, m.b * pointCount + p, column);
      if (m.needsInterpreter) push(this.interpreters, p, column);
    }
  }

  write(lp: LpBuilder): void {
    const { model } = this.state;
    const state = this.state;
    const pointCount = model.points.length;
    const bind = (terms: Terms, room: number) => {
      if (terms.length > room) lp.row(terms, '<=', Math.max(0, room));
    };
    for (const [s, terms] of this.tables) bind(terms, model.slotTables[s] - state.slotUsed[s]);
    for (const [key, terms] of this.days) bind(terms, model.orgMaxDay[Math.floor(key / model.days)] - state.dayCount[key]);
    for (const [key, terms] of this.loads) bind(terms, model.orgCap[Math.floor(key / pointCount)] - state.load[key]);
    for (const [p, terms] of this.interpreters) bind(terms, model.interpreterCap[p] - state.interpretersUsed[p]);
  }
}

function push(map: Map<number, Terms>, key: number, column: string): void {
  const list = map.get(key) ?? [];
  list.push([1, column]);
  map.set(key, list);
}
