#!/usr/bin/env node
/**
 * `npm test`: every suite, in three jest invocations one after the other, because
 * `maxWorkers` in a project's config is ignored under the root multi-project run:
 *   1. unit (engines, contracts, API units, web units) and API tests: jest's worker pool;
 *   2. browser tests: --runInBand (one browser, one server, shared demo data);
 *   3. reliability tests: --runInBand (each file starts API processes of its own).
 * Every stage runs even when an earlier one failed; the last line sums them up in jest's
 * own "Tests:" format (what .ci/run reads). With arguments it is plain `jest <args>`.
 */
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const stages = args.length
  ? [{ name: 'jest ' + args.join(' '), argv: args }]
  : [
      { name: 'unit + API', argv: ['--selectProjects', 'contracts', 'matching', 'scheduling', 'api', 'web', 'e2e-api'] },
      // --forceExit: in band, a failed test that leaves a browser or an API process behind would
      // otherwise keep jest (and CI) waiting forever; passing runs close everything themselves.
      { name: 'browser (serial)', argv: ['-c', 'e2e/web/jest.config.cts', '--runInBand', '--forceExit'] },
      { name: 'reliability (serial)', argv: ['-c', 'e2e/reliability/jest.config.cts', '--runInBand', '--forceExit'] },
    ];

const totals = { failed: 0, skipped: 0, todo: 0, passed: 0, total: 0 };
let status = 0;
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n[test] ${stage.name}: jest ${stage.argv.join(' ')}`);
  const { code, output } = await run(stage.argv);
  if (code !== 0) status = 1;
  // jest prints e.g. "Tests:       2 failed, 1 skipped, 61 passed, 64 total" on stderr.
  const summary =
    output
      .split('\n')
      .filter((line) => line.startsWith('Tests:'))
      .pop() ?? '';
  for (const key of Object.keys(totals)) totals[key] += Number(summary.match(new RegExp(`(\\d+) ${key}`))?.[1] ?? 0);
  console.log(`[test] ${stage.name}: exit ${code} in ${Math.round((Date.now() - started) / 1000)} s`);
}
if (stages.length > 1) {
  const parts = ['failed', 'skipped', 'todo', 'passed'].filter((k) => totals[k] > 0).map((k) => `${totals[k]} ${k}`);
  console.log(`\nTests:       ${[...parts, `${totals.total} total`].join(', ')}`);
}
process.exit(status);

function run(argv) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [jestBin(), ...argv], { stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function jestBin() {
  return new URL('../node_modules/jest/bin/jest.js', import.meta.url).pathname;
}
