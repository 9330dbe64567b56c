/**
 * node -r @swc-node/register libs/matching/scripts/output-hash.ts [--seeds 1,2,…,8] [--sets standard,zh-only,en-firms]
 *
 * A fingerprint of the engine's whole output, to show a speed change leaves every score and
 * reason as it was: run it in two checkouts (before and after) and compare the lines. Per
 * development seed and benchmark set (1,000 firms × 10,000 offers, the held-out configuration's
 * mix as bench.ts builds it): sha256 of the JSON of scoreAll over every firm (top 20), of a shard
 * of 250 firms scored with that run's demand and the API's options (top 20 offers, 10 companies),
 * and of that shard's own demand (a sharded run's phase 1).
 */
import { createHash } from 'node:crypto';
import { prepareOffers } from '../src/lib/prepare-offers';
import { firmDemand, scoreAll } from '../src/lib/rank';
import { HELD_OUT_CONFIG, generatePlantedData } from '../src/testing/planted-data';

function option(name: string, fallback: string): string[] {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? (process.argv[i + 1] as string) : fallback).split(',');
}

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
const zhOnly = { ...HELD_OUT_CONFIG, offerJapaneseRate: 0, offerEnglishRate: 0, offerWithoutChineseRate: 0 };
const configs: Record<string, typeof HELD_OUT_CONFIG> = {
  standard: HELD_OUT_CONFIG,
  'zh-only': zhOnly,
  'en-firms': { ...zhOnly, firmWriting: { ja: 0, jaEn: 0, en: 1, zh: 0 } },
};

for (const seed of option('seeds', '1,2,3,4,5,6,7,8').map(Number)) {
  for (const set of option('sets', 'standard,zh-only,en-firms')) {
    const config = configs[set];
    if (!config) throw new Error(`unknown set ${set}`);
    const data = generatePlantedData({ ...config, firms: 1000, offers: 10000, seed });
    const prepared = prepareOffers(data.offers);
    const whole = scoreAll(data.firms, prepared, { topK: 20 });
    const shard = data.firms.slice(250, 500);
    const scored = scoreAll(shard, prepared, { topK: 20, topCompanies: 10, demand: whole.demand });
    console.log(`${seed} ${set} whole=${hash(whole)} shard=${hash(scored)} phase1=${hash(firmDemand(shard, prepared))}`);
  }
}
