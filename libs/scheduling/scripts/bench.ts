/**
 * npm run bench:scheduling [-- --seed N --tiers S,M,L,XL,D --highs-seconds 120 --dense-seeds 1,2 --dense-highs-seconds 10]
 *
 * --weights 1-10 redraws the meeting weights from 1–10 (the engine's own are 100–175).
 * D is the dense tier (bench-dense.ts): planted forum days, twenty instances by default.
 *
 * Per tier, on one generated instance: the engine, a greedy first-fit
 * baseline and (on S and M) HiGHS solving the exact integer program, once to
 * its optimum (time-limited) and once only until it reaches the engine's
 * weight. Each run is a child process, so its peak memory (maxRSS) is its own.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { createRandom } from '../src/lib/prng';
import { scheduleMeetings } from '../src/lib/schedule';
import { validateSchedule } from '../src/lib/validate';
import { greedyFirstFit, measureSlots, type Measured } from '../src/testing/baseline';
import { generateInstance, type Tier } from '../src/testing/generate-instance';
import { solveWithHighs } from '../src/testing/highs-model';
import { benchDense, denseChild, type DenseAlgorithm } from './bench-dense';

type Algorithm = 'engine' | 'greedy' | 'highs' | 'highs-to-engine' | 'nothing';

interface Row extends Partial<Measured> {
  algorithm: Algorithm;
  status?: string;
  bound?: number;
  seconds: number;
  /** CPU seconds of the child during the run (user + system, all threads): less sensitive to a busy machine. */
  cpuSeconds?: number;
  maxRssMb: number;
}

function option(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && k + 1 < process.argv.length ? process.argv[k + 1] : fallback;
}

/** `--weights 1-10` (passed to the children as BENCH_WEIGHTS): meeting weights redrawn uniformly from 1–10. */
function instance(tier: Tier, seed: number) {
  const input = generateInstance(tier, seed);
  if (process.env['BENCH_WEIGHTS'] === '1-10') {
    const random = createRandom(seed * 31);
    for (const m of input.meetings) m.weight = 1 + Math.floor(random() * 10);
  }
  return input;
}

async function child(tier: Tier, algorithm: Algorithm, seed: number, highsSeconds: number, target: number): Promise<Row> {
  const input = instance(tier, seed);
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let row: Omit<Row, 'maxRssMb'>;
  if (algorithm === 'engine') {
    const result = scheduleMeetings(input, { seed: 1 });
    const s = result.statistics;
    row = {
      algorithm,
      seconds: s.runtimeMs / 1000,
      placed: s.placed,
      weightedPlaced: s.weightedPlaced,
      bound: s.upperBound,
      holes: s.holes,
      tableChanges: s.tableChanges,
      violations: validateSchedule(input, result.assignments).length,
    };
  } else if (algorithm === 'greedy') {
    const slots = greedyFirstFit(input);
    const seconds = (performance.now() - started) / 1000;
    row = { algorithm, seconds, ...measureSlots(input, slots) };
  } else if (algorithm === 'highs' || algorithm === 'highs-to-engine') {
    const outcome = await solveWithHighs(input, {
      timeLimitSeconds: highsSeconds,
      objectiveTarget: algorithm === 'highs-to-engine' ? target : undefined,
    });
    row = { algorithm, status: outcome.status, seconds: outcome.seconds, ...measureSlots(input, outcome.slots) };
  } else {
    row = { algorithm, seconds: 0 };
  }
  const cpu = process.cpuUsage(cpuStart);
  return { ...row, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function spawnChild(tier: Tier, algorithm: Algorithm, seed: number, highsSeconds: number, target = 0): Row {
  const args = ['--expose-gc', '-r', '@swc-node/register', __filename, '--child', tier, algorithm, String(seed), String(highsSeconds), String(target)];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`${tier}/${algorithm} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() as string) as Row;
}

function format(tier: Tier, row: Row, bound: number): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  const cells = [
    tier,
    row.algorithm + (row.status && row.status !== 'Optimal' ? ` (${row.status})` : row.status ? ' (optimal)' : ''),
    row.placed ?? '',
    row.weightedPlaced ?? '',
    bound.toFixed(0),
    row.weightedPlaced !== undefined ? pct((bound - row.weightedPlaced) / bound) : '',
    row.holes ? `${row.holes.total} / ${row.holes.mean.toFixed(2)} / ${row.holes.max}` : '',
    row.holes ? pct(row.holes.shareWithNone) : '',
    row.tableChanges ?? '',
    row.seconds.toFixed(2),
    row.cpuSeconds !== undefined && row.algorithm !== 'nothing' ? row.cpuSeconds.toFixed(2) : '',
    row.maxRssMb.toFixed(0),
    row.violations ?? '',
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--dense-child') {
    const [algorithm, size, seed, highsSeconds] = process.argv.slice(3);
    process.stdout.write(JSON.stringify(await denseChild(algorithm as DenseAlgorithm, Number(size), Number(seed), Number(highsSeconds))) + '\n');
    return;
  }
  if (process.argv[2] === '--child') {
    const [tier, algorithm, seed, highsSeconds, target] = process.argv.slice(3);
    const row = await child(tier as Tier, algorithm as Algorithm, Number(seed), Number(highsSeconds), Number(target));
    process.stdout.write(JSON.stringify(row) + '\n');
    return;
  }
  const seed = Number(option('seed', '1'));
  process.env['BENCH_WEIGHTS'] = option('weights', 'own');
  const requested = option('tiers', 'S,M,L,XL,D').split(',');
  const tiers = requested.filter((t) => t !== 'D') as Tier[];
  const highsSeconds = Number(option('highs-seconds', '120'));
  console.log(
    `Scheduling benchmark, seed ${seed}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}, weights ${process.env['BENCH_WEIGHTS']}. Bound = the engine's upper bound; gap = (bound − weighted) / bound.`,
  );
  console.log('Holes: total / mean / max per organisation with meetings; zero holes: share of those with none.');
  console.log('Peak RSS (MB) is the child process, including Node and the generated instance (see "nothing").\n');
  console.log('Time is wall-clock; CPU adds every thread of the child (GC, compiler) and shows how busy the machine was.\n');
  if (tiers.length) {
    console.log('| tier | algorithm | placed | weighted | bound | gap | holes | zero holes | table changes | time (s) | CPU (s) | peak RSS | violations |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  }
  for (const tier of tiers) {
    const nothing = spawnChild(tier, 'nothing', seed, highsSeconds);
    const engine = spawnChild(tier, 'engine', seed, highsSeconds);
    const bound = engine.bound ?? NaN;
    const rows = [engine, spawnChild(tier, 'greedy', seed, highsSeconds)];
    if (tier === 'S' || tier === 'M') {
      rows.push(spawnChild(tier, 'highs', seed, highsSeconds));
      rows.push(spawnChild(tier, 'highs-to-engine', seed, highsSeconds, engine.weightedPlaced));
    }
    rows.push(nothing);
    for (const row of rows) console.log(format(tier, row, bound));
    const checks: string[] = [];
    const ratio = (engine.weightedPlaced ?? 0) / bound;
    if (tier === 'M' || tier === 'L') {
      checks.push(`time ${engine.seconds.toFixed(2)} s < ${tier === 'M' ? 1 : 5} s: ${engine.seconds < (tier === 'M' ? 1 : 5) ? 'met' : 'NOT met'}`);
      checks.push(`weighted ≥ 99.5% of bound (${(100 * ratio).toFixed(2)}%): ${ratio >= 0.995 ? 'met' : 'NOT met'}`);
    }
    if (tier === 'M') {
      const share = engine.holes?.shareWithNone ?? 0;
      checks.push(`zero holes ≥ 90% (${(100 * share).toFixed(1)}%): ${share >= 0.9 ? 'met' : 'NOT met'}`);
      const toEngine = rows.find((r) => r.algorithm === 'highs-to-engine');
      if (toEngine) {
        const speedup = toEngine.seconds / engine.seconds;
        checks.push(`≥ 10× faster than HiGHS reaching the same weight (${speedup.toFixed(1)}×): ${speedup >= 10 ? 'met' : 'NOT met'}`);
      }
    }
    if (checks.length) console.log(`|  | targets ${tier}: ${checks.join('; ')} ||||||||||||`);
  }
  if (requested.includes('D')) {
    const seeds = option('dense-seeds', '1,2').split(',').map(Number);
    benchDense(seeds, Number(option('dense-highs-seconds', '10')), Number(option('dense-gap-mip-sizes', '3')));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
