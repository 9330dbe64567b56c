/**
 * The exact reference: maximum weighted meetings as an integer program for
 * HiGHS (a dev-time dependency, so this lives outside the engine's index).
 * Written from the input alone, like the validator, so that it shares no
 * mistake with the engine. Tables within a slot are interchangeable, so one
 * binary per (meeting, slot) and a table count per slot describe the same
 * optimum as one binary per (meeting, slot, table).
 */
import type { SchedulingInput } from '../lib/types';

export interface IntegerProgram {
  /** CPLEX LP text. */
  lp: string;
  /** Column name → [meeting id, slot id]. */
  columns: Map<string, [string, string]>;
  /** Weight of the pinned meetings, fixed outside the program. */
  pinnedWeight: number;
  pinnedCount: number;
  binaries: number;
}

export function buildIntegerProgram(input: SchedulingInput, relax = false): IntegerProgram {
  const slots = input.sessions.flatMap((session) => session.slots.map((slot) => ({ session, slot })));
  const orgs = new Map(input.organizations.map((o) => [o.id, o]));
  const instants = [...new Set(slots.map(({ slot }) => slot.start))].sort((a, b) => a - b);
  const covers = (slot: { start: number; end: number }, t: number) => slot.start <= t && t < slot.end;
  const interpreted = (ids: [string, string]) => {
    const [a, b] = ids.map((id) => orgs.get(id)?.languages ?? []);
    return !a.some((l) => b.includes(l));
  };

  // Resources the pinned meetings already hold.
  const used = new Map<string, number>();
  const take = (key: string) => used.set(key, (used.get(key) ?? 0) + 1);
  let pinnedWeight = 0;
  let pinnedCount = 0;
  for (const m of input.meetings) {
    if (!m.pinned) continue;
    const where = slots.find(({ slot }) => slot.id === m.pinned?.slotId);
    if (!where) continue;
    pinnedWeight += m.weight;
    pinnedCount++;
    take(`table ${where.slot.id}`);
    for (const id of m.organizationIds) {
      take(`day ${id} ${where.slot.day}`);
      for (const t of instants) if (covers(where.slot, t)) take(`load ${id} ${t}`);
    }
    if (interpreted(m.organizationIds)) for (const t of instants) if (covers(where.slot, t)) take(`interp ${t}`);
  }

  const columns = new Map<string, [string, string]>();
  const objective: string[] = [];
  const rows = new Map<string, { terms: string[]; limit: number }>();
  const addTo = (key: string, limit: number, column: string) => {
    const row = rows.get(key) ?? { terms: [], limit: limit - (used.get(key) ?? 0) };
    row.terms.push(column);
    rows.set(key, row);
  };
  const once: string[][] = [];
  input.meetings.forEach((m, mi) => {
    if (m.pinned) return;
    const parties = m.organizationIds.map((id) => orgs.get(id));
    if (parties.some((p) => !p)) return;
    const mine: string[] = [];
    for (const { session, slot } of slots) {
      if (!m.sessionIds.includes(session.id)) continue;
      if (parties.some((p) => p?.absences.some((r) => r.start < slot.end && slot.start < r.end))) continue;
      const column = `x${mi}_${columns.size}`;
      columns.set(column, [m.id, slot.id]);
      mine.push(column);
      objective.push(`${m.weight} ${column}`);
      addTo(`table ${slot.id}`, session.tables, column);
      for (const p of parties) {
        if (!p) continue;
        addTo(`day ${p.id} ${slot.day}`, p.maxMeetingsPerDay, column);
        for (const t of instants) if (covers(slot, t)) addTo(`load ${p.id} ${t}`, p.delegates, column);
      }
      if (interpreted(m.organizationIds)) {
        for (const t of instants) {
          if (!covers(slot, t)) continue;
          const pool = input.interpreters.filter((r) => covers(r, t)).reduce((n, r) => n + r.count, 0);
          addTo(`interp ${t}`, pool, column);
        }
      }
    }
    if (mine.length > 1) once.push(mine);
  });

  const lines: string[] = ['Maximize', ` obj: ${objective.length ? joinTerms(objective) : '0 x_none'}`, 'Subject To'];
  let r = 0;
  for (const mine of once) lines.push(` r${r++}: ${joinTerms(mine)} <= 1`);
  for (const row of rows.values()) {
    if (row.terms.length <= Math.max(0, row.limit)) continue; // cannot bind
    lines.push(` r${r++}: ${joinTerms(row.terms)} <= ${Math.max(0, row.limit)}`);
  }
  lines.push('Bounds');
  for (const column of columns.keys()) lines.push(` 0 <= ${column} <= 1`);
  if (!relax && columns.size > 0) {
    lines.push('Binary');
    lines.push(...chunk([...columns.keys()], 20).map((c) => ` ${c.join(' ')}`));
  }
  lines.push('End');
  return { lp: lines.join('\n'), columns, pinnedWeight, pinnedCount, binaries: columns.size };
}

function joinTerms(terms: string[]): string {
  return chunk(terms, 20)
    .map((c) => c.join(' + '))
    .join('\n   + ');
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface HighsOutcome {
  status: string;
  /** Placed and weighted placed of the best solution found (pinned included). */
  placed: number;
  weightedPlaced: number;
  /** Meeting id → slot id of the non-pinned meetings placed. */
  slots: Map<string, string>;
  seconds: number;
  binaries: number;
}

type Highs = { solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> } };
let loaded: Promise<Highs> | null = null;

function loadHighs(): Promise<Highs> {
  loaded ??= (require('highs') as (options?: object) => Promise<Highs>)();
  return loaded;
}

/** Solves the integer program (or its LP relaxation) within a time limit. */
export async function solveWithHighs(
  input: SchedulingInput,
  options: { timeLimitSeconds: number; relax?: boolean; /** stop once a solution weighs this much (pinned included) */ objectiveTarget?: number },
): Promise<HighsOutcome> {
  const highs = await loadHighs();
  const program = buildIntegerProgram(input, options.relax ?? false);
  const started = performance.now();
  const weightOf = new Map(input.meetings.map((m) => [m.id, m.weight]));
  if (program.columns.size === 0) {
    return { status: 'Optimal', placed: program.pinnedCount, weightedPlaced: program.pinnedWeight, slots: new Map(), seconds: 0, binaries: 0 };
  }
  const target = options.objectiveTarget === undefined ? {} : { objective_target: options.objectiveTarget - program.pinnedWeight - 1e-6 };
  const result = highs.solve(program.lp, { time_limit: options.timeLimitSeconds, output_flag: false, mip_rel_gap: 0, ...target });
  const seconds = (performance.now() - started) / 1000;
  const slots = new Map<string, string>();
  let weightedPlaced = program.pinnedWeight;
  let placed = program.pinnedCount;
  if (options.relax) {
    return { status: result.Status, placed: NaN, weightedPlaced: program.pinnedWeight + result.ObjectiveValue, slots, seconds, binaries: program.binaries };
  }
  for (const [column, [meetingId, slotId]] of program.columns) {
    const value = result.Columns[column]?.Primal ?? 0;
    if (value > 0.5) {
      slots.set(meetingId, slotId);
      placed++;
      weightedPlaced += weightOf.get(meetingId) ?? 0;
    }
  }
  return { status: result.Status, placed, weightedPlaced, slots, seconds, binaries: program.binaries };
}
