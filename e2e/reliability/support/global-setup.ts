import '../../support/register-paths';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startTestServer } from '../../api/support/test-database';
import { dropDatabases } from './databases';

/** Once per run: the API built to dist/ (the processes under test) and a PostgreSQL server. */
export default async function globalSetup(): Promise<void> {
  execFileSync('npx', ['nx', 'build', 'api', '--output-style=static'], {
    cwd: resolve(__dirname, '../../..'),
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const server = await startTestServer();
  await dropDatabases(server.adminUrl);
  process.env['JINAN_RELIABILITY_ADMIN_URL'] = server.adminUrl;
  (globalThis as { __jinanReliabilityServer?: typeof server }).__jinanReliabilityServer = server;
}
