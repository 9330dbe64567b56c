/**
 * node -r @swc-node/register libs/matching/scripts/tune.ts '<weights patch JSON>' [firms x offers]
 *
 * Tuning aid: P@10 / nDCG@10 of weights (DEFAULT_WEIGHTS deep-merged with the patch) on the
 * DEVELOPMENT configuration with the development seeds only: standard, zh-only offers and
 * English-writing firms on them. Never pass the held-out configuration here.
 */
import { prepareOffers } from '../src/lib/prepare-offers';
import { scoreAll } from '../src/lib/rank';
import { DEFAULT_WEIGHTS, validateWeights } from '../src/lib/weights';
import { evaluateRankings, rankingsOf } from '../src/testing/evaluate';
import { DEVELOPMENT_CONFIG, generatePlantedData } from '../src/testing/planted-data';

function merge(a: unknown, b: unknown): unknown {
  if (b === null || typeof b !== 'object' || Array.isArray(b)) return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
  return out;
}

const patch = JSON.parse(process.argv[2] ?? '{}') as unknown;
const [firms, offers] = (process.argv[3] ?? '300x3000').split('x').map(Number) as [number, number];
const weights = validateWeights(merge(DEFAULT_WEIGHTS, { version: 'tuning', ...(patch as object) }));
const zhOnly = { ...DEVELOPMENT_CONFIG, offerJapaneseRate: 0, offerEnglishRate: 0, offerWithoutChineseRate: 0 };
const sets = {
  standard: DEVELOPMENT_CONFIG,
  'zh-only': zhOnly,
  'en-firms': { ...zhOnly, firmWriting: { ja: 0, jaEn: 0, en: 1, zh: 0 } },
};
const out: string[] = [];
for (const [name, config] of Object.entries(sets)) {
  let p = 0;
  let ndcg = 0;
  for (const seed of [7, 8]) {
    const data = generatePlantedData({ ...config, firms, offers, seed });
    const q = evaluateRankings(data, rankingsOf(scoreAll(data.firms, prepareOffers(data.offers, weights), { topK: 10 })), 10);
    p += q.precisionAtK / 2;
    ndcg += q.ndcgAtK / 2;
  }
  out.push(`${name} P@10 ${p.toFixed(3)} nDCG ${ndcg.toFixed(3)}`);
}
console.log(JSON.stringify(patch), '|', out.join(' | '));
