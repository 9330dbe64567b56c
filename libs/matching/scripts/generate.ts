/**
 * Planted-truth data for the matching engine, as JSON (firms, offers, truth, config).
 *   npm run gen:matching -- --firms 300 --offers 3000 --seed 1 [--held-out] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { DEVELOPMENT_CONFIG, HELD_OUT_CONFIG, generatePlantedData } from '../src/testing/planted-data';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

const firms = Number(option('firms', '300'));
const offers = Number(option('offers', '3000'));
const seed = Number(option('seed', '1'));
if (![firms, offers, seed].every((x) => Number.isInteger(x) && x >= 0)) {
  process.stderr.write('usage: gen:matching -- --firms N --offers M --seed S [--held-out] [--out FILE]\n');
  process.exit(2);
}
const base = process.argv.includes('--held-out') ? HELD_OUT_CONFIG : DEVELOPMENT_CONFIG;
const json = JSON.stringify(generatePlantedData({ ...base, firms, offers, seed }));
const out = option('out', '');
if (out) writeFileSync(out, json);
else process.stdout.write(json + '\n');
