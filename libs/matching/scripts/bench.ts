/**
 * npm run bench:matching [-- --tier 1000x10000] [--config development|held-out]
 *
 * For each tier (firms × offers) a child process generates held-out planted data, then
 * times prepareOffers + scoreAll (top 20 offers and companies for every firm) and
 * samples its RSS; each tier runs in its own process so tiers do not share a heap.
 * Reports precision@10 and nDCG@10 of the engine and of a sector-only baseline.
 * Generation and evaluation are not timed; peak memory covers the whole child
 * (including the generated data), so it overstates what the engine alone needs.
 */
import { execFileSync } from 'node:child_process';
import { prepareOffers } from '../src/lib/prepare-offers';
import { scoreAll } from '../src/lib/rank';
import { evaluateRankings, rankingsOf, sectorOnlyRankings } from '../src/testing/evaluate';
import { DEVELOPMENT_CONFIG, HELD_OUT_CONFIG, generatePlantedData } from '../src/testing/planted-data';

const TIERS: [number, number][] = [
  [300, 3000],
  [1000, 10000],
  [3000, 30000],
];
const SEED = 20260528;

interface TierResult {
  firms: number;
  offers: number;
  prepareMs: number;
  scoreMs: number;
  peakRssMiB: number;
  engine: { p: number; ndcg: number };
  baseline: { p: number; ndcg: number };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function runTier(firms: number, offers: number, configName: string): TierResult {
  const config = configName === 'development' ? DEVELOPMENT_CONFIG : HELD_OUT_CONFIG;
  const data = generatePlantedData({ ...config, firms, offers, seed: SEED });
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  // The work is synchronous, so the interval only fires between phases; sample there too.
  const t0 = process.hrtime.bigint();
  const prepared = prepareOffers(data.offers);
  sample();
  const t1 = process.hrtime.bigint();
  const run = scoreAll(data.firms, prepared, { topK: 20 });
  const t2 = process.hrtime.bigint();
  sample();
  clearInterval(sampler);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const engine = evaluateRankings(data, rankingsOf(run), 10);
  const baseline = evaluateRankings(data, sectorOnlyRankings(data.firms, data.offers, 10), 10);
  return {
    firms,
    offers,
    prepareMs: Number(t1 - t0) / 1e6,
    scoreMs: Number(t2 - t1) / 1e6,
    peakRssMiB: Math.max(peak, maxRss) / 2 ** 20,
    engine: { p: engine.precisionAtK, ndcg: engine.ndcgAtK },
    baseline: { p: baseline.precisionAtK, ndcg: baseline.ndcgAtK },
  };
}

const tierOption = option('tier');
const configName = option('config') ?? 'held-out';
if (process.argv.includes('--child')) {
  const [firms, offers] = (tierOption as string).split('x').map(Number) as [number, number];
  process.stdout.write(JSON.stringify(runTier(firms, offers, configName)) + '\n');
} else {
  const tiers = tierOption ? [tierOption.split('x').map(Number) as [number, number]] : TIERS;
  const rows: TierResult[] = [];
  console.log(`matching benchmark: planted data "${configName}", seed ${SEED}, top 20 per firm, ${process.version}`);
  for (const [firms, offers] of tiers) {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', '--tier', `${firms}x${offers}`, '--config', configName], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const row = JSON.parse(out.trim().split('\n').pop() as string) as TierResult;
    rows.push(row);
    console.log(`  done ${firms}×${offers}`);
  }
  const f = (x: number, d = 3): string => x.toFixed(d);
  console.log('\n| firms × offers | prepare s | score s | total s | peak RSS MiB | p@10 | nDCG@10 | baseline p@10 | baseline nDCG@10 | p@10 ratio |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.firms} × ${r.offers} | ${f(r.prepareMs / 1000, 2)} | ${f(r.scoreMs / 1000, 2)} | ${f((r.prepareMs + r.scoreMs) / 1000, 2)} | ${f(r.peakRssMiB, 0)} | ` +
        `${f(r.engine.p)} | ${f(r.engine.ndcg)} | ${f(r.baseline.p)} | ${f(r.baseline.ndcg)} | ${f(r.engine.p / r.baseline.p, 2)}× |`,
    );
  }
}
