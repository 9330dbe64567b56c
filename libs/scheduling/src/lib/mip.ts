/**
 * A small integer-program writer (CPLEX LP text) and the solver interface the
 * engine's exact phases use. The engine never loads a solver itself: callers
 * pass one (see loadMipSolver), so the engine stays synchronous and pure, and
 * without a solver it simply skips the exact phases.
 */

/** The part of HiGHS' JavaScript API the engine uses (highs-js `solve`). */
export interface MipSolver {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}

let loading: Promise<MipSolver> | null = null;

/** HiGHS compiled to WebAssembly, loaded once per process. */
export function loadMipSolver(): Promise<MipSolver> {
  // highs ships CommonJS with the factory both as module.exports and as .default; a bundler's
  // interop can hand either shape over, so take whichever is the function.
  type Factory = (options?: object) => Promise<MipSolver>;
  const highs = require('highs') as Factory | { default: Factory };
  loading ??= (typeof highs === 'function' ? highs : highs.default)();
  return loading;
}

type Term = [number, string];

/** Rows and columns of a 0–1 program; constants folded by the caller. */
export class LpBuilder {
  private readonly objective: Term[] = [];
  private readonly rows: string[] = [];
  private readonly binaries: string[] = [];
  private readonly bounds: string[] = [];

  constructor(private readonly sense: 'Maximize' | 'Minimize') {}

  binary(name: string, cost = 0): string {
    this.binaries.push(name);
    if (cost) this.objective.push([cost, name]);
    return name;
  }

  /** A continuous column in [0, upper]. */
  continuous(name: string, cost = 0, upper = 1): string {
    this.bounds.push(` 0 <= ${name} <= ${upper}`);
    if (cost) this.objective.push([cost, name]);
    return name;
  }

  /** A continuous column held at `value` (presolve removes it); keeps the rows uniform. */
  fixed(name: string, value: number): string {
    this.bounds.push(` ${name} = ${value}`);
    return name;
  }

  row(terms: Term[], sense: '<=' | '>=' | '=', rhs: number): void {
    const live = terms.filter(([c]) => c !== 0);
    if (live.length === 0) return;
    this.rows.push(` c${this.rows.length}: ${joinTerms(live)} ${sense} ${rhs}`);
  }

  get columns(): number {
    return this.binaries.length + this.bounds.length;
  }

  text(): string {
    const objective = this.objective.length ? joinTerms(this.objective) : `0 ${this.binaries[0] ?? 'none'}`;
    const lines = [this.sense, ` obj: ${objective}`, 'Subject To', ...this.rows, 'Bounds', ...this.bounds];
    for (const b of this.binaries) lines.push(` 0 <= ${b} <= 1`);
    lines.push('General');
    for (let k = 0; k < this.binaries.length; k += 20) lines.push(' ' + this.binaries.slice(k, k + 20).join(' '));
    lines.push('End');
    return lines.join('\n');
  }
}

function joinTerms(terms: Term[]): string {
  const parts: string[] = [];
  terms.forEach(([c, name], k) => {
    const sign = c < 0 ? '-' : k === 0 ? '' : '+';
    const size = Math.abs(c);
    parts.push(`${sign} ${size === 1 ? '' : size + ' '}${name}`);
    if (k % 16 === 15) parts.push('\n  ');
  });
  return parts.join(' ');
}

export interface MipOutcome {
  /** Optimal: proven; Feasible: a solution within the limit but no proof; None: nothing usable. */
  status: 'Optimal' | 'Feasible' | 'None';
  objective: number;
  value(name: string): number;
}

/** Solves within `seconds`; a limit reached with a solution in hand still returns it. */
export function solveMip(solver: MipSolver, lp: LpBuilder, seconds: number): MipOutcome {
  let result: ReturnType<MipSolver['solve']>;
  try {
    result = solver.solve(lp.text(), { time_limit: seconds, output_flag: false, mip_rel_gap: 0 });
  } catch {
    return { status: 'None', objective: NaN, value: () => 0 };
  }
  const columns = result.Columns ?? {};
  const value = (name: string) => columns[name]?.Primal ?? 0;
  if (result.Status === 'Optimal') return { status: 'Optimal', objective: result.ObjectiveValue, value };
  const hasSolution = Object.keys(columns).length > 0 && Number.isFinite(result.ObjectiveValue) && result.Status.includes('limit');
  return hasSolution ? { status: 'Feasible', objective: result.ObjectiveValue, value } : { status: 'None', objective: NaN, value };
}
