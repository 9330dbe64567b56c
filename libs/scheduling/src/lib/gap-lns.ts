import { costIn, GAP_COST, gapsIn, gapsOf } from './holes';
import { CapacityRows } from './capacity-rows';
import { LpBuilder, solveMip, type MipSolver } from './mip';
import type { ScheduleState } from './state';

export interface GapSearchOptions {
  /** Soft cap on any one organisation's gaps: each gap above it costs as much as FAIRNESS × GAP_COST. */
  maxGapsPerOrganization?: number;
  /** Sub-problems to solve. */
  iterations: number;
  /** Time limit of one sub-problem (seconds). */
  seconds: number;
  movable: (i: number) => boolean;
  random: () => number;
}

const FAIRNESS = 50;
/** Meetings freed per sub-problem. */
const WINDOW = 14;
/** Slots in a time window. */
const SPAN = Number(process.env['GAP_SPAN'] ?? 4);

/** What the search minimises over a set of organisations: gaps, then idle points, plus the fairness penalty. */
export function shapeCost(state: ScheduleState, orgs: Iterable<number>, cap?: number): number {
  let cost = 0;
  for (const o of orgs) {
    for (let h = 0; h < state.model.halfDayPoints.length; h++) cost += costIn(state, o, h);
    if (cap !== undefined) cost += FAIRNESS * GAP_COST * Math.max(0, gapsOf(state, o) - cap);
  }
  return cost;
}

/**
 * Large-neighbourhood search for gaps once the set of placed meetings is
 * fixed: free every meeting of an organisation with gaps and of its
 * partners, keep the rest, and re-solve that window exactly as an integer
 * program (every freed meeting placed once, all capacities as they are left,
 * minimising gaps then idle points of every organisation touched). A better
 * answer is kept, anything else undone, so the schedule never gets worse.
 * Returns how many sub-problems were solved to optimality.
 */
export function gapSearch(state: ScheduleState, solver: MipSolver, options: GapSearchOptions): number {
  const model = state.model;
  let proven = 0;
  let stale = 0;
  for (let iteration = 0; iteration < options.iterations && stale < 8; iteration++) {
    const suffering: number[] = [];
    for (let o = 0; o < model.orgIds.length; o++) {
      const g = gapsOf(state, o);
      if (g > 0 || (options.maxGapsPerOrganization !== undefined && g > options.maxGapsPerOrganization)) suffering.push(o);
    }
    if (suffering.length === 0) break;
    const centre = suffering[Math.floor(options.random() * suffering.length)];
    // Alternate: a time window around one of the centre's gaps (its meetings there may swap slots),
    // and a group (the centre's meetings and some of its partners', anywhere they fit).
    const window = iteration % 2 === 0 ? timeWindow(state, centre, options) : null;
    const free = window ? window.free : neighbourhood(state, centre, WINDOW, options);
    if (free.length === 0) {
      stale++;
      continue;
    }
    const outcome = solveWindow(state, solver, free, options, window?.inWindow);
    if (outcome.proven) proven++;
    stale = outcome.improved ? 0 : stale + 1;
    state.forget();
  }
  return proven;
}

/**
 * The exact gap-minimising program over every meeting at once (placed set fixed), within
 * `seconds`: the reference the benchmark and the property tests compare the engine with.
 * Returns whether it proved the optimum; the state then holds an optimal schedule (or the
 * better of its own and the solver's).
 */
export function exactGaps(state: ScheduleState, solver: MipSolver, seconds: number): boolean {
  const free = state.model.meetings.map((_, i) => i).filter((i) => state.slotOf[i] >= 0 && !state.pinned[i]);
  const options: GapSearchOptions = { iterations: 1, seconds, movable: () => true, random: () => 0 };
  return solveWindow(state, solver, free, options).proven;
}

/** Every movable meeting in SPAN consecutive slots of a half-day where the centre has a gap, placed among those slots only. */
function timeWindow(state: ScheduleState, centre: number, options: GapSearchOptions): { free: number[]; inWindow: (s: number) => boolean } | null {
  const model = state.model;
  const mine = state.ofOrg[centre].filter((i) => gapsIn(state, centre, model.slotHalfDay[state.slotOf[i]]) > 0);
  if (mine.length === 0) return null;
  const anchor = state.slotOf[mine[Math.floor(options.random() * mine.length)]];
  const h = model.slotHalfDay[anchor];
  const order = model.slotIds.map((_, s) => s).filter((s) => model.slotHalfDay[s] === h);
  order.sort((x, y) => model.slotStart[x] - model.slotStart[y]);
  const starts = [...new Set(order.map((s) => model.slotStart[s]))];
  const k = starts.indexOf(model.slotStart[anchor]);
  const from = Math.max(0, Math.min(k - Math.floor(options.random() * SPAN), starts.length - SPAN));
  const chosen = new Set(starts.slice(from, from + SPAN));
  const inWindow = (s: number) => model.slotHalfDay[s] === h && chosen.has(model.slotStart[s]);
  const free: number[] = [];
  for (const s of order) if (inWindow(s)) for (const i of state.inSlot[s]) if (options.movable(i)) free.push(i);
  return { free, inWindow };
}

/** The centre's movable meetings, then its partners' (in random order), up to `limit` meetings. */
function neighbourhood(state: ScheduleState, centre: number, limit: number, options: GapSearchOptions): number[] {
  const model = state.model;
  const chosen = new Set<number>();
  for (const i of state.ofOrg[centre]) if (options.movable(i)) chosen.add(i);
  const partners = state.ofOrg[centre].map((i) => (model.meetings[i].a === centre ? model.meetings[i].b : model.meetings[i].a));
  for (let k = partners.length - 1; k > 0; k--) {
    const j = Math.floor(options.random() * (k + 1));
    [partners[k], partners[j]] = [partners[j], partners[k]];
  }
  for (const o of partners) {
    for (const i of state.ofOrg[o]) {
      if (chosen.size >= limit) break;
      if (options.movable(i)) chosen.add(i);
    }
  }
  return [...chosen];
}

function solveWindow(
  state: ScheduleState,
  solver: MipSolver,
  free: readonly number[],
  options: GapSearchOptions,
  inWindow: (s: number) => boolean = () => true,
): { proven: boolean; improved: boolean } {
  const model = state.model;
  const pointCount = model.points.length;
  const touched = new Set<number>();
  for (const i of free) touched.add(model.meetings[i].a).add(model.meetings[i].b);
  const cap = options.maxGapsPerOrganization;
  const before = shapeCost(state, touched, cap);
  const origin = new Map<number, number>();
  const mark = state.mark();
  for (const i of free) origin.set(i, state.remove(i));

  const lp = new LpBuilder('Minimize');
  const columns: Array<[number, number, string]> = [];
  const rows = new CapacityRows(state);
  /** (org, point) → the columns that would make the org busy there. */
  const covering = new Map<number, string[]>();
  const halfDaysOf = new Map<number, Set<number>>();
  for (const i of free) {
    const m = model.meetings[i];
    const mine: Array<[number, string]> = [];
    for (const s of m.candidates) {
      if (s !== origin.get(i) && (!inWindow(s) || !state.canPlace(i, s))) continue;
      const name = lp.binary(`x${i}_${s}`);
      columns.push([i, s, name]);
      mine.push([1, name]);
      rows.add(i, s, name);
      for (const o of [m.a, m.b]) {
        const set = halfDaysOf.get(o) ?? new Set<number>();
        set.add(model.slotHalfDay[s]);
        halfDaysOf.set(o, set);
      }
      for (const p of model.slotPoints[s]) {
        for (const o of [m.a, m.b]) {
          const list = covering.get(o * pointCount + p) ?? [];
          list.push(name);
          covering.set(o * pointCount + p, list);
        }
      }
    }
    lp.row(mine, '=', 1);
  }
  rows.write(lp);

  // Shape of each touched organisation in each half-day it may change: busy y, block starts b,
  // "some meeting at or before" u, "some meeting at or after" v, inside-the-span w.
  for (const [o, halfDays] of halfDaysOf) {
    const gapTerms: Array<[number, string]> = [];
    let fixedGaps = gapsOf(state, o);
    for (const h of halfDays) {
      fixedGaps -= Math.floor(costIn(state, o, h) / GAP_COST);
      const pts = Array.from(model.halfDayPoints[h]).filter((p) => model.orgPresent[o * pointCount + p]);
      const y: string[] = [];
      let anchored = false;
      pts.forEach((p, k) => {
        const name = `y${o}_${h}_${k}`;
        const cover = covering.get(o * pointCount + p) ?? [];
        if (state.load[o * pointCount + p] > 0) {
          anchored = true;
          lp.fixed(name, 1);
        } else if (cover.length === 0) lp.fixed(name, 0);
        else {
          lp.continuous(name, -1);
          for (const x of cover)
            lp.row(
              [
                [1, name],
                [-1, x],
              ],
              '>=',
              0,
            );
          lp.row([[1, name], ...cover.map((x): [number, string] => [-1, x])], '<=', 0);
        }
        y.push(name);
      });
      const z = `z${o}_${h}`;
      if (anchored) lp.fixed(z, 1);
      else {
        lp.continuous(z, -GAP_COST);
        lp.row([[1, z], ...y.map((n): [number, string] => [-1, n])], '<=', 0);
      }
      gapTerms.push([-1, z]);
      y.forEach((name, k) => {
        const b = lp.continuous(`b${o}_${h}_${k}`, GAP_COST);
        lp.row(
          k === 0
            ? [
                [1, b],
                [-1, name],
              ]
            : [
                [1, b],
                [-1, name],
                [1, y[k - 1]],
              ],
          '>=',
          0,
        );
        gapTerms.push([1, b]);
        const u = lp.continuous(`u${o}_${h}_${k}`);
        lp.row(
          [
            [1, u],
            [-1, name],
          ],
          '>=',
          0,
        );
        if (k > 0)
          lp.row(
            [
              [1, u],
              [-1, `u${o}_${h}_${k - 1}`],
            ],
            '>=',
            0,
          );
        const v = lp.continuous(`v${o}_${h}_${k}`);
        lp.row(
          [
            [1, v],
            [-1, name],
          ],
          '>=',
          0,
        );
        const w = lp.continuous(`w${o}_${h}_${k}`, 1);
        lp.row(
          [
            [1, w],
            [-1, u],
            [-1, v],
          ],
          '>=',
          -1,
        );
      });
      for (let k = 0; k + 1 < y.length; k++)
        lp.row(
          [
            [1, `v${o}_${h}_${k}`],
            [-1, `v${o}_${h}_${k + 1}`],
          ],
          '>=',
          0,
        );
    }
    if (cap !== undefined) {
      const excess = lp.continuous(`e${o}`, FAIRNESS * GAP_COST, 1000);
      lp.row([...gapTerms, [-1, excess]], '<=', cap - fixedGaps);
    }
  }

  const outcome = solveMip(solver, lp, options.seconds);
  let complete = outcome.status !== 'None';
  if (complete) {
    for (const [i, s, name] of columns) {
      if (outcome.value(name) > 0.5 && state.slotOf[i] < 0) {
        if (state.canPlace(i, s)) state.place(i, s);
      }
    }
    complete = free.every((i) => state.slotOf[i] >= 0);
  }
  if (complete && shapeCost(state, touched, cap) < before) return { proven: outcome.status === 'Optimal', improved: true };
  state.undo(mark);
  return { proven: outcome.status === 'Optimal', improved: false };
}
