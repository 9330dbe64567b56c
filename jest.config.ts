/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every folder of apps/, libs/ and e2e/ with a jest config: found on disk, no Nx project graph to compute (~20 s on a loaded machine). */
const projects = ['apps', 'libs', 'e2e'].flatMap((group) =>
  readdirSync(join(__dirname, group))
    .map((name) => join(__dirname, group, name))
    .filter((dir) => existsSync(join(dir, 'jest.config.cts')) || existsSync(join(dir, 'jest.config.ts'))),
);

/**
 * The root of every jest run (`npm test` runs it in stages: see tools/test-all.mjs).
 * Timeouts are global options (a project's own testTimeout is ignored here), and the API
 * and browser suites need more than 5 s on a loaded 2-core machine.
 */
export default (): Config => ({
  projects,
  testTimeout: 60_000,
});
