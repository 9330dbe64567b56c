/**
 * The dense tier of bench:scheduling: forum days with a planted complete, gap-free
 * schedule (testing/generate-dense.ts), so the optimum is known: everything placed,
 * 0 gaps. Per instance, each algorithm in its own child process (honest peak memory):
 * the engine (with HiGHS for its exact repair), greedy first-fit, HiGHS maximum
 * placement, and on the small sizes HiGHS minimising gaps over the meetings the engine placed
 * (starting from the engine's schedule; its time is on top of the engine's).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { buildModel } from '../src/lib/model';
import { exactGaps } from '../src/lib/gap-lns';
import { loadMipSolver } from '../src/lib/mip';
import { scheduleMeetings } from '../src/lib/schedule';
import { ScheduleState } from '../src/lib/state';
import { validateSchedule } from '../src/lib/validate';
import { greedyFirstFit, measureSlots } from '../src/testing/baseline';
import { DENSE_SIZES, generateDense } from '../src/testing/generate-dense';
import { solveWithHighs } from '../src/testing/highs-model';

export type DenseAlgorithm = 'engine' | 'greedy' | 'highs-placement' | 'highs-gaps';

export interface DenseRow {
  algorithm: DenseAlgorithm;
  status?: string;
  placed: number;
  requested: number;
  gaps: number;
  idle: number;
  /** Proven lower bound on gaps, or null when none is known beyond 0. */
  gapLowerBound: number | null;
  seconds: number;
  /** CPU seconds of the child (user + system): less sensitive than wall time to a machine shared by many. */
  cpuSeconds: number;
  maxRssMb: number;
  violations: number;
  completeness?: string;
}

export async function denseChild(algorithm: DenseAlgorithm, size: number, seed: number, highsSeconds: number): Promise<DenseRow> {
  const { input } = generateDense(size, seed);
  const solver = await loadMipSolver();
  const started = performance.now();
  const requested = input.meetings.length;
  const cpuStart = process.cpuUsage();
  let row: Omit<DenseRow, 'maxRssMb' | 'cpuSeconds'>;
  if (algorithm === 'engine') {
    const result = scheduleMeetings(input, { seed: 1, solver });
    const s = result.statistics;
    row = {
      algorithm,
      placed: s.placed,
      requested,
      gaps: s.gaps.total,
      idle: s.gaps.idleSlots,
      gapLowerBound: s.gaps.lowerBound,
      seconds: (performance.now() - started) / 1000,
      violations: validateSchedule(input, result.assignments).length,
      completeness: `${s.completeness.status} (${s.completeness.method})`,
    };
  } else if (algorithm === 'greedy') {
    const m = measureSlots(input, greedyFirstFit(input));
    row = {
      algorithm,
      placed: m.placed,
      requested,
      gaps: m.gaps,
      idle: m.holes.total,
      gapLowerBound: null,
      seconds: (performance.now() - started) / 1000,
      violations: m.violations,
    };
  } else {
    // highs-gaps: the exact gap program over the meetings the engine placed (all, on this tier), from its schedule.
    const placement =
      algorithm === 'highs-placement'
        ? await solveWithHighs(input, { timeLimitSeconds: highsSeconds })
        : { status: '', slots: new Map(scheduleMeetings(input, { seed: 1, solver }).assignments.map((a) => [a.meetingId, a.slotId])) };
    let slots = placement.slots;
    let status = placement.status;
    let lowerBound: number | null = null;
    if (algorithm === 'highs-gaps') {
      const model = buildModel(input);
      const state = new ScheduleState(model);
      const index = new Map(model.slotIds.map((id, s) => [id, s]));
      model.meetings.forEach((m, i) => {
        const slotId = slots.get(m.id);
        if (slotId !== undefined && m.pinnedSlot < 0) state.place(i, index.get(slotId) as number);
      });
      const proven = exactGaps(state, solver, highsSeconds);
      status = proven ? 'Optimal' : 'Time limit reached';
      slots = new Map(model.meetings.flatMap((m, i) => (state.slotOf[i] >= 0 && m.pinnedSlot < 0 ? [[m.id, model.slotIds[state.slotOf[i]]]] : [])));
      const measured = measureSlots(input, slots);
      lowerBound = proven ? measured.gaps : null;
    }
    const m = measureSlots(input, slots);
    row = {
      algorithm,
      status,
      placed: m.placed,
      requested,
      gaps: m.gaps,
      idle: m.holes.total,
      gapLowerBound: lowerBound,
      seconds: (performance.now() - started) / 1000,
      violations: m.violations,
    };
  }
  const cpu = process.cpuUsage(cpuStart);
  return { ...row, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function spawnDense(algorithm: DenseAlgorithm, size: number, seed: number, highsSeconds: number): DenseRow {
  const args = [
    '--expose-gc',
    '-r',
    '@swc-node/register',
    __filename.replace('bench-dense', 'bench'),
    '--dense-child',
    algorithm,
    String(size),
    String(seed),
    String(highsSeconds),
  ];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`dense ${size}/${seed}/${algorithm} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() as string) as DenseRow;
}

/** Prints the dense tier; the gap MIP runs on the sizes below `gapMipSizes`. */
export function benchDense(seeds: number[], highsSeconds: number, gapMipSizes: number): void {
  console.log(`\nDense tier: planted complete, zero-gap forum days (${DENSE_SIZES.length} sizes × seeds ${seeds.join(', ')}); optimum = all placed, 0 gaps.`);
  console.log('Gap LB: a proven lower bound on gaps (0 is always one; "–" none computed). HiGHS time limit per solve: ' + highsSeconds + ' s.\n');
  console.log(
    '| seed | size | orgs | meetings | slots | algorithm | placed | gaps | idle slots | gap LB | time (s) | CPU (s) | peak RSS (MB) | violations | complete |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const engine: DenseRow[] = [];
  let participants = 0;
  for (const seed of seeds) {
    for (let size = 0; size < DENSE_SIZES.length; size++) {
      const { input } = generateDense(size, seed);
      participants += input.organizations.length;
      const slots = input.sessions.reduce((n, s) => n + s.slots.length, 0);
      const algorithms: DenseAlgorithm[] = ['engine', 'greedy', 'highs-placement'];
      if (size < gapMipSizes) algorithms.push('highs-gaps');
      for (const algorithm of algorithms) {
        const row = spawnDense(algorithm, size, seed, highsSeconds);
        if (algorithm === 'engine') engine.push(row);
        const label = algorithm + (row.status && row.status !== 'Optimal' ? ` (${row.status})` : row.status ? ' (optimal)' : '');
        const cells = [
          seed,
          size,
          input.organizations.length,
          input.meetings.length,
          slots,
          label,
          `${row.placed}/${row.requested}`,
          row.gaps,
          row.idle,
          row.gapLowerBound ?? '–',
          row.seconds.toFixed(2),
          row.cpuSeconds.toFixed(2),
          row.maxRssMb.toFixed(0),
          row.violations,
          row.completeness ?? '',
        ];
        console.log(`| ${cells.join(' | ')} |`);
      }
    }
  }
  const allPlaced = engine.filter((r) => r.placed === r.requested).length;
  const gaps = engine.reduce((n, r) => n + r.gaps, 0);
  const slowest = Math.max(...engine.map((r) => r.seconds));
  const slowestCpu = Math.max(...engine.map((r) => r.cpuSeconds));
  console.log(
    `\nTargets (engine): 100% placed on ${allPlaced}/${engine.length} (${allPlaced === engine.length ? 'met' : 'NOT met'}); ` +
      `gaps ${gaps} ≤ ${(participants / 20).toFixed(1)} (1 per 20 of ${participants} participants): ${gaps <= participants / 20 ? 'met' : 'NOT met'}; ` +
      `slowest ${slowest.toFixed(2)} s wall (${slowestCpu.toFixed(2)} s CPU) < 5 s: ${slowest < 5 ? 'met' : 'NOT met'} (load average ${loadavg()[0].toFixed(1)}); violations ${engine.reduce((n, r) => n + r.violations, 0)}.`,
  );
}
