import '../../support/register-paths';
import { createTemplate, dropTestDatabases, startTestServer } from './test-database';

/** Once per run: a server (or the embedded one) and a migrated template database. */
export default async function globalSetup(): Promise<void> {
  const server = await startTestServer();
  const runId = String(process.pid);
  await dropTestDatabases(server.adminUrl, runId);
  await createTemplate(server.adminUrl, runId);
  process.env['JINAN_TEST_ADMIN_URL'] = server.adminUrl;
  process.env['JINAN_TEST_RUN'] = runId;
  (globalThis as { __jinanTestServer?: typeof server }).__jinanTestServer = server;
}
