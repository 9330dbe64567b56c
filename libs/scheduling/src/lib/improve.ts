import { blockingRules } from './blockers';
import { bestSlot, compactness } from './construct';
import type { ScheduleState } from './state';

/**
 * Augmenting moves for meetings left out. To put meeting i into slot s, take
 * out the fewest meetings that block it there (one per rule that fails: a
 * table, a party's daily maximum, a party's delegates, an interpreter), then
 * put each of them back elsewhere, possibly by the same move one level deeper.
 * The move is kept when the schedule gains weight (all put back, or only
 * lighter ones left out), otherwise undone. Stops when a pass gains nothing
 * or the work budget (counted in tried moves) is spent.
 */
export class Improver {
  private readonly locked: Uint8Array;
  /** Meetings already tried (and failed) as a moved blocker in the current top-level attempt. */
  private readonly tried: Uint32Array;
  /** Scratch: how many failing rules each meeting holds (zero between calls). */
  private readonly cover: Int32Array;
  /** Scratch: slot scores while sorting one meeting's candidates. */
  private readonly scores: Float64Array;
  private attempt = 0;
  /** 137.5 (the middle of meetingWeight's range) over the mean weight. */
  private readonly weightScale: number;
  work = 0;

  constructor(
    private readonly state: ScheduleState,
    private readonly budget: number,
  ) {
    this.locked = new Uint8Array(state.model.meetings.length);
    this.tried = new Uint32Array(state.model.meetings.length);
    this.cover = new Int32Array(state.model.meetings.length);
    this.scores = new Float64Array(state.model.slotIds.length);
    const meetings = state.model.meetings;
    const mean = meetings.reduce((sum, m) => sum + m.weight, 0) / Math.max(1, meetings.length);
    this.weightScale = mean > 0 ? 137.5 / mean : 1;
  }

  /** Meeting i's candidate slots, those that keep its parties' days compact first. */
  private byCompactness(i: number): Int32Array {
    const state = this.state;
    const m = state.model.meetings[i];
    const score = this.scores;
    for (const s of m.candidates) score[s] = compactness(state, m.a, s) + compactness(state, m.b, s);
    return Int32Array.from(m.candidates).sort((x, y) => score[y] - score[x] || x - y);
  }

  /** `priority` orders the meetings tried (the LP relaxation's share); `depthOf` how deep each may search. */
  run(priority: Float64Array, depthOf: (i: number) => number): void {
    const model = this.state.model;
    const waiting = model.meetings
      .map((_, i) => i)
      .filter((i) => !this.state.pinned[i] && model.meetings[i].candidates.length > 0)
      .sort((x, y) => priority[y] - priority[x] || model.meetings[y].weight - model.meetings[x].weight || x - y);
    for (let pass = 0; pass < 6; pass++) {
      let gained = false;
      for (const i of waiting) {
        if (this.state.slotOf[i] >= 0) continue;
        if (this.work > this.budget) return;
        if (this.insert(i, depthOf(i))) gained = true;
        this.state.forget();
      }
      if (!gained) return;
    }
  }

  /** Place meeting i with a net gain in weight, moving others at most `depth` levels deep. */
  insert(i: number, depth: number, top = true): boolean {
    const state = this.state;
    this.work++;
    const direct = bestSlot(state, i);
    if (direct >= 0) {
      state.place(i, direct);
      return true;
    }
    if (depth === 0) return false;
    if (top) this.attempt++;
    else if (this.tried[i] === this.attempt)
      return false; // it found no way out a moment ago
    else this.tried[i] = this.attempt;
    const before = state.weight;
    this.locked[i] = 1;
    try {
      for (const s of this.byCompactness(i)) {
        if (state.model.slotTables[s] <= 0) continue;
        for (const blockers of this.blockerSets(i, s, top ? 3 : 1)) {
          if (this.work > this.budget) return false;
          this.work++;
          const mark = state.mark();
          for (const x of blockers) state.remove(x);
          if (!state.canPlace(i, s)) {
            state.undo(mark);
            continue;
          }
          state.place(i, s);
          for (const x of blockers) this.locked[x] = 1;
          for (const x of blockers) this.insert(x, depth - 1, false);
          for (const x of blockers) this.locked[x] = 0;
          if (state.weight > before) return true;
          state.undo(mark);
        }
      }
      return false;
    } finally {
      this.locked[i] = 0;
    }
  }

  /**
   * Small sets of meetings whose removal lets i into s: one meeting for each
   * failing rule, a meeting that clears several rules at once preferred. The
   * first rule gets up to three alternatives, the lightest and most movable.
   */
  blockerSets(i: number, s: number, alternatives: number): number[][] {
    const requirements = blockingRules(this.state, i, s);
    if (requirements.length === 0) return [[]];
    const state = this.state;
    const model = state.model;
    const cover = this.cover;
    for (const requirement of requirements) for (const x of requirement) cover[x]++;
    // Weights rescaled to the recommended 100–175 range, so candidate counts weigh the same against any weight scale.
    const rank = (x: number) => -cover[x] * 1000 + model.meetings[x].weight * this.weightScale - model.meetings[x].candidates.length;
    const lightest = (requirement: readonly number[], count: number): number[] => {
      const best: number[] = [];
      for (const x of requirement) {
        if (state.pinned[x] || this.locked[x]) continue;
        best.push(x);
        best.sort((p, q) => rank(p) - rank(q) || p - q);
        if (best.length > count) best.pop();
      }
      return best;
    };
    const sets: number[][] = [];
    for (const first of lightest(requirements[0], alternatives)) {
      const chosen = [first];
      let complete = true;
      for (let r = 1; r < requirements.length && complete; r++) {
        if (requirements[r].some((x) => chosen.includes(x))) continue;
        const [option] = lightest(requirements[r], 1);
        if (option === undefined || chosen.length >= 3) complete = false;
        else chosen.push(option);
      }
      if (complete) sets.push(chosen);
    }
    for (const requirement of requirements) for (const x of requirement) cover[x] = 0;
    return sets;
  }
}
