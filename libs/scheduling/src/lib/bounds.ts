import { MinCostFlow } from './min-cost-flow';
import type { Model } from './model';
import type { UpperBounds } from './types';

export interface Relaxation {
  bounds: UpperBounds;
  /** Each meeting's value (0, ½ or 1) in the flow relaxation that gave the bound. */
  share: Float64Array;
}

/**
 * Upper bounds on the weight any schedule can place. All of them start from
 * the pinned meetings (kept whatever happens) and the free meetings that have
 * at least one slot where both parties are present and interpreters exist.
 */
export function relaxBounds(model: Model): Relaxation {
  const ctx = boundContext(model);
  const { free, pinnedWeight } = ctx;
  const weights = free.map((i) => model.meetings[i].weight).sort((x, y) => y - x);
  const requests = model.meetings.reduce((sum, m) => sum + m.weight, 0);
  const tableSlots = pinnedWeight + sumTop(weights, ctx.tableSlots);

  const byOrg: number[][] = model.orgIds.map(() => []);
  for (const i of free) {
    const m = model.meetings[i];
    byOrg[m.a].push(m.weight);
    byOrg[m.b].push(m.weight);
  }
  // Each meeting counts for both parties, so half the sum of each party's best.
  let orgSum = 0;
  byOrg.forEach(
    (list, o) =>
      (orgSum += sumTop(
        list.sort((x, y) => y - x),
        ctx.orgCapacity[o],
      )),
  );
  const organizationCapacity = pinnedWeight + orgSum / 2;

  const relaxed = flowBound(model, ctx);
  const flow = Math.min(pinnedWeight + relaxed.value, organizationCapacity, tableSlots);
  return { bounds: { requests, tableSlots, organizationCapacity, flow }, share: relaxed.share };
}

interface BoundContext {
  free: number[];
  pinnedWeight: number;
  tableSlots: number;
  /** Interpreter-points left once pinned meetings have theirs. */
  interpreterPoints: number;
  /** Fewest points any usable slot of meeting i covers: what it takes from the pool. */
  pointsUsed: Int32Array;
  orgCapacity: Int32Array;
}

function boundContext(model: Model): BoundContext {
  const pointCount = model.points.length;
  const orgCount = model.orgIds.length;
  const pinnedDay = new Int32Array(orgCount * model.days);
  const pinnedLoad = new Int32Array(orgCount * pointCount);
  const interpreterLeft = Int32Array.from(model.interpreterCap);
  let pinnedWeight = 0;
  for (const m of model.meetings) {
    if (m.pinnedSlot < 0) continue;
    pinnedWeight += m.weight;
    for (const o of [m.a, m.b]) {
      pinnedDay[o * model.days + model.slotDay[m.pinnedSlot]]++;
      for (const p of model.slotPoints[m.pinnedSlot]) pinnedLoad[o * pointCount + p]++;
    }
    if (m.needsInterpreter) for (const p of model.slotPoints[m.pinnedSlot]) interpreterLeft[p]--;
  }
  const free: number[] = [];
  model.meetings.forEach((m, i) => {
    if (m.pinnedSlot >= 0) return;
    const usable = Array.from(m.candidates).some(
      (s) => model.slotTables[s] > 0 && (!m.needsInterpreter || Array.from(model.slotPoints[s]).every((p) => model.interpreterCap[p] > 0)),
    );
    if (usable) free.push(i);
  });
  // Every slot covers at least this many points: a meeting uses that many of
  // an organisation's seat-points and, if interpreted, of the interpreter-points.
  const pointsPerSlot = Math.max(1, Math.min(...model.slotPoints.map((pts) => pts.length)));
  // Per day: no more than the daily maximum, nor than the delegates' seat-points present.
  const pointDay = new Int32Array(pointCount);
  model.slotStart.forEach((start, s) => (pointDay[model.points.indexOf(start)] = model.slotDay[s]));
  const orgCapacity = new Int32Array(orgCount);
  for (let o = 0; o < orgCount; o++) {
    const seats = new Int32Array(model.days);
    for (let p = 0; p < pointCount; p++) {
      if (model.orgPresent[o * pointCount + p]) seats[pointDay[p]] += Math.max(0, model.orgCap[o] - pinnedLoad[o * pointCount + p]);
    }
    for (let d = 0; d < model.days; d++) {
      const room = Math.floor(seats[d] / pointsPerSlot);
      orgCapacity[o] += Math.max(0, Math.min(model.orgMaxDay[o] - pinnedDay[o * model.days + d], room));
    }
  }
  const tableSlots = model.slotTables.reduce((sum, t) => sum + Math.max(0, t), 0);
  const interpreterPoints = interpreterLeft.reduce((sum, c) => sum + Math.max(0, c), 0);
  const pointsUsed = new Int32Array(model.meetings.length);
  for (const i of free) pointsUsed[i] = Math.min(...Array.from(model.meetings[i].candidates, (s) => model.slotPoints[s].length));
  return { free, pinnedWeight, tableSlots, interpreterPoints, pointsUsed, orgCapacity };
}

function sumTop(sortedDesc: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, sortedDesc.length); i++) sum += sortedDesc[i];
  return sum;
}

/**
 * LP relaxation without time: choose meetings fractionally within each
 * organisation's capacity and the number of table-slots. On the bipartite
 * double cover (every organisation as a left and a right copy, every meeting
 * as two arcs) this is a flow whose half-weight is the LP value. The
 * interpreter pool, which a flow cannot hold, enters by a Lagrange multiplier
 * π on the interpreter-points (a meeting takes one at every point its slot
 * covers): any π ≥ 0 gives a valid bound, and we search for the best.
 */
function flowBound(model: Model, ctx: BoundContext): { value: number; share: Float64Array } {
  const interpreted = ctx.free.filter((i) => model.meetings[i].needsInterpreter);
  let best: { value: number; share: Float64Array } = { value: Infinity, share: new Float64Array(model.meetings.length) };
  let lastBound = Infinity;
  // The guide is the relaxation at the largest π that still wants more
  // interpreted meetings than the pool holds: at the best π itself, interpreted
  // meetings are indifferent and the flow drops them all.
  let guide = best.share;
  let guidePi = -1;
  const evaluate = (pi: number): number => {
    const { value, interpretedFlow, share } = halfFlow(model, ctx, pi);
    const bound = value + pi * ctx.interpreterPoints;
    lastBound = bound;
    if (bound < best.value) best = { value: bound, share: best.share };
    const slope = ctx.interpreterPoints - interpretedFlow; // a subgradient in π
    if (guidePi < 0 || (slope <= 1e-9 && pi > guidePi)) {
      guide = share;
      guidePi = pi;
    }
    return slope;
  };
  const slope0 = evaluate(0);
  if (slope0 >= -1e-9 || interpreted.length === 0) return { value: best.value, share: guide };
  // The bound is convex and piecewise linear in π. Cutting planes: the next π
  // is where the tangents at the last π below and above the minimum cross.
  let lo = { pi: 0, bound: lastBound, slope: slope0 };
  // at the heaviest interpreted weight no interpreted meeting pays: slope ≥ 0
  const top = Math.max(...interpreted.map((i) => model.meetings[i].weight / ctx.pointsUsed[i]));
  const slopeTop = evaluate(top);
  let hi = { pi: top, bound: lastBound, slope: slopeTop };
  for (let iter = 0; iter < 3 && hi.slope > lo.slope; iter++) {
    const pi = (hi.bound - lo.bound + lo.slope * lo.pi - hi.slope * hi.pi) / (lo.slope - hi.slope);
    const floor = lo.bound + lo.slope * (pi - lo.pi);
    const slope = evaluate(pi);
    if (lastBound - floor < 1e-5 * lastBound) break; // within 0.001% of the minimum
    // (three cuts bring it within a few hundredths of a percent on our tiers)
    if (slope < 0) lo = { pi, bound: lastBound, slope };
    else hi = { pi, bound: lastBound, slope };
  }
  return { value: best.value, share: guide };
}

function halfFlow(model: Model, ctx: BoundContext, pi: number): { value: number; interpretedFlow: number; share: Float64Array } {
  const orgs = model.orgIds.length;
  const source = 0;
  const gate = 1;
  const sink = 2;
  const left = (o: number) => 3 + o;
  const right = (o: number) => 3 + orgs + o;
  const graph = new MinCostFlow(3 + 2 * orgs);
  let arcs = 0;
  graph.addArc(source, gate, 2 * ctx.tableSlots, 0);
  arcs++;
  for (let o = 0; o < orgs; o++) {
    graph.addArc(gate, left(o), ctx.orgCapacity[o], 0);
    graph.addArc(right(o), sink, ctx.orgCapacity[o], 0);
    arcs += 2;
  }
  const interpretedArcs: number[] = [];
  const meetingArc = new Int32Array(model.meetings.length).fill(-1);
  for (const i of ctx.free) {
    const m = model.meetings[i];
    const gain = m.weight - (m.needsInterpreter ? pi * ctx.pointsUsed[i] : 0);
    if (gain <= 0) continue;
    graph.addArc(left(m.a), right(m.b), 1, -gain);
    graph.addArc(left(m.b), right(m.a), 1, -gain);
    if (m.needsInterpreter) interpretedArcs.push(arcs, ctx.pointsUsed[i]);
    meetingArc[i] = arcs;
    arcs += 2;
  }
  const topo = [source, gate];
  for (let o = 0; o < orgs; o++) topo.push(left(o));
  for (let o = 0; o < orgs; o++) topo.push(right(o));
  topo.push(sink);
  const cost = graph.solve(source, sink, topo);
  let interpretedFlow = 0; // interpreter-points the relaxation uses
  for (let k = 0; k < interpretedArcs.length; k += 2) {
    const arc = interpretedArcs[k];
    interpretedFlow += (interpretedArcs[k + 1] * (graph.flowOn(arc) + graph.flowOn(arc + 1))) / 2;
  }
  const share = new Float64Array(model.meetings.length);
  meetingArc.forEach((k, i) => {
    if (k >= 0) share[i] = (graph.flowOn(k) + graph.flowOn(k + 1)) / 2;
  });
  return { value: -cost / 2, interpretedFlow, share };
}
