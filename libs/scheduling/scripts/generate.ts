/**
 * npm run gen:schedule -- --tier S|M|L|XL --seed N [--out FILE]
 * Prints a scheduling instance as JSON (or writes it to FILE).
 */
import { writeFileSync } from 'node:fs';
import { generateInstance, TIERS, type Tier } from '../src/testing/generate-instance';

function option(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && k + 1 < process.argv.length ? process.argv[k + 1] : fallback;
}

const tier = option('tier', 'S') as Tier;
if (!(tier in TIERS)) {
  process.stderr.write(`unknown tier ${tier}; use one of ${Object.keys(TIERS).join(', ')}\n`);
  process.exit(2);
}
const seed = Number(option('seed', '1'));
const json = JSON.stringify(generateInstance(tier, seed));
const out = option('out', '');
if (out) writeFileSync(out, json);
else process.stdout.write(json + '\n');
