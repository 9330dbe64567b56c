import type { ScheduleState } from './state';

/**
 * Branch and bound over every meeting's slot (or none), for small instances:
 * it proves the heaviest schedule, starting from the heuristic's as incumbent.
 * The bound adds the heaviest remaining meetings that still fit in the free
 * tables. Returns false, leaving the incumbent in place, when the node limit
 * stops it before the proof.
 */
export function exactSearch(state: ScheduleState, nodeLimit: number): boolean {
  const model = state.model;
  const free = model.meetings
    .map((_, i) => i)
    .filter((i) => !state.pinned[i] && model.meetings[i].candidates.length > 0)
    .sort((x, y) => model.meetings[y].weight - model.meetings[x].weight || x - y);
  const n = free.length;
  const prefix = new Float64Array(n + 1);
  free.forEach((i, k) => (prefix[k + 1] = prefix[k] + model.meetings[i].weight));
  const incumbent = Int32Array.from(state.slotOf);
  let best = state.weight;
  const eps = 1e-9;

  for (const i of free) if (state.slotOf[i] >= 0) state.remove(i);
  let freeTables = 0;
  for (let s = 0; s < model.slotIds.length; s++) freeTables += Math.max(0, model.slotTables[s] - state.slotUsed[s]);

  let nodes = 0;
  let aborted = false;
  const dfs = (k: number): void => {
    if (++nodes > nodeLimit) {
      aborted = true;
      return;
    }
    const room = Math.min(n, k + freeTables);
    if (state.weight + prefix[room] - prefix[k] <= best + eps) return;
    if (k === n) {
      best = state.weight;
      incumbent.set(state.slotOf);
      return;
    }
    const i = free[k];
    for (const s of model.meetings[i].candidates) {
      if (aborted) return;
      if (!state.canPlace(i, s)) continue;
      state.place(i, s);
      freeTables--;
      dfs(k + 1);
      freeTables++;
      state.remove(i);
    }
    if (!aborted) dfs(k + 1);
  };
  dfs(0);

  for (const i of free) if (state.slotOf[i] >= 0) state.remove(i);
  for (const i of free) if (incumbent[i] >= 0) state.place(i, incumbent[i]);
  return !aborted;
}
