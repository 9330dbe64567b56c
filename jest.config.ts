import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

/**
 * `npm test`: every project in one run. Timeouts are global options (a project's own
 * testTimeout is ignored here), and the API and browser suites need more than 5 s on a
 * loaded 2-core machine.
 */
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  testTimeout: 60_000,
});
