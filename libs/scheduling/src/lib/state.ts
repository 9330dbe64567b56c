import type { Model } from './model';

/**
 * A schedule under construction: which slot each meeting holds and what that
 * uses up (tables per slot, organisation load per point, meetings per day,
 * interpreters per point). Tables are counted here and numbered at the end.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly slotUsed: Int32Array;
  readonly load: Int32Array;
  readonly dayCount: Int32Array;
  readonly interpretersUsed: Int32Array;
  /** Meetings placed in each slot. */
  readonly inSlot: number[][];
  /** Meetings placed for each organisation. */
  readonly ofOrg: number[][];
  readonly pinned: Uint8Array;
  weight = 0;
  placed = 0;
  /** Every place (+slot+1) and remove (−slot−1) since construction, for undo. */
  private readonly journal: number[] = [];
  private readonly pointCount: number;

  constructor(readonly model: Model) {
    const slots = model.slotIds.length;
    const orgs = model.orgIds.length;
    this.pointCount = model.points.length;
    this.slotOf = new Int32Array(model.meetings.length).fill(-1);
    this.slotUsed = new Int32Array(slots);
    this.load = new Int32Array(orgs * this.pointCount);
    this.dayCount = new Int32Array(orgs * model.days);
    this.interpretersUsed = new Int32Array(this.pointCount);
    this.inSlot = Array.from({ length: slots }, () => []);
    this.ofOrg = Array.from({ length: orgs }, () => []);
    this.pinned = new Uint8Array(model.meetings.length);
    model.meetings.forEach((m, i) => {
      if (m.pinnedSlot < 0) return;
      this.pinned[i] = 1;
      this.slotUsed[m.pinnedSlot]--; // slotTables already excludes pinned tables
      this.place(i, m.pinnedSlot);
    });
  }

  canPlace(i: number, s: number): boolean {
    const model = this.model;
    if (this.slotUsed[s] >= model.slotTables[s]) return false;
    const m = model.meetings[i];
    const dayA = m.a * model.days + model.slotDay[s];
    const dayB = m.b * model.days + model.slotDay[s];
    if (this.dayCount[dayA] >= model.orgMaxDay[m.a] || this.dayCount[dayB] >= model.orgMaxDay[m.b]) return false;
    const capA = model.orgCap[m.a];
    const capB = model.orgCap[m.b];
    const baseA = m.a * this.pointCount;
    const baseB = m.b * this.pointCount;
    for (const p of model.slotPoints[s]) {
      if (this.load[baseA + p] >= capA || this.load[baseB + p] >= capB) return false;
      if (m.needsInterpreter && this.interpretersUsed[p] >= model.interpreterCap[p]) return false;
    }
    return true;
  }

  /** A point to return to with undo(). */
  mark(): number {
    return this.journal.length;
  }

  /** Reverts every place and remove made since `mark`. */
  undo(mark: number): void {
    while (this.journal.length > mark) {
      const s = this.journal.pop() as number;
      const i = this.journal.pop() as number;
      if (s > 0) this.remove(i);
      else this.place(i, -s - 1);
      this.journal.length -= 2; // the inverse just logged itself
    }
  }

  /** Drops the undo history; only where no mark is still held. */
  forget(): void {
    this.journal.length = 0;
  }

  /** Could placed meeting i move to slot s (its own current slot freed)? */
  canMove(i: number, s: number): boolean {
    const model = this.model;
    const from = this.slotOf[i];
    if (this.slotUsed[s] >= model.slotTables[s]) return false;
    const m = model.meetings[i];
    if (model.slotDay[s] !== model.slotDay[from]) {
      const day = model.slotDay[s];
      if (this.dayCount[m.a * model.days + day] >= model.orgMaxDay[m.a]) return false;
      if (this.dayCount[m.b * model.days + day] >= model.orgMaxDay[m.b]) return false;
    }
    const own = model.slotPoints[from];
    for (const p of model.slotPoints[s]) {
      const mine = own.includes(p) ? 1 : 0;
      if (this.load[m.a * this.pointCount + p] - mine >= model.orgCap[m.a]) return false;
      if (this.load[m.b * this.pointCount + p] - mine >= model.orgCap[m.b]) return false;
      if (m.needsInterpreter && this.interpretersUsed[p] - mine >= model.interpreterCap[p]) return false;
    }
    return true;
  }

  place(i: number, s: number): void {
    const model = this.model;
    this.journal.push(i, s + 1);
    const m = model.meetings[i];
    this.slotOf[i] = s;
    this.slotUsed[s]++;
    this.dayCount[m.a * model.days + model.slotDay[s]]++;
    this.dayCount[m.b * model.days + model.slotDay[s]]++;
    for (const p of model.slotPoints[s]) {
      this.load[m.a * this.pointCount + p]++;
      this.load[m.b * this.pointCount + p]++;
      if (m.needsInterpreter) this.interpretersUsed[p]++;
    }
    this.inSlot[s].push(i);
    this.ofOrg[m.a].push(i);
    this.ofOrg[m.b].push(i);
    this.weight += m.weight;
    this.placed++;
  }

  remove(i: number): number {
    const model = this.model;
    const m = model.meetings[i];
    const s = this.slotOf[i];
    this.journal.push(i, -s - 1);
    this.slotOf[i] = -1;
    this.slotUsed[s]--;
    this.dayCount[m.a * model.days + model.slotDay[s]]--;
    this.dayCount[m.b * model.days + model.slotDay[s]]--;
    for (const p of model.slotPoints[s]) {
      this.load[m.a * this.pointCount + p]--;
      this.load[m.b * this.pointCount + p]--;
      if (m.needsInterpreter) this.interpretersUsed[p]--;
    }
    dropFrom(this.inSlot[s], i);
    dropFrom(this.ofOrg[m.a], i);
    dropFrom(this.ofOrg[m.b], i);
    this.weight -= m.weight;
    this.placed--;
    return s;
  }

  /** Is organisation o in a meeting at point p? */
  busy(o: number, p: number): boolean {
    return this.load[o * this.pointCount + p] > 0;
  }
}

function dropFrom(list: number[], value: number): void {
  const k = list.lastIndexOf(value);
  list[k] = list[list.length - 1];
  list.pop();
}
