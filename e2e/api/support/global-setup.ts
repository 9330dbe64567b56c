import '../../support/register-paths';
import { createTemplate, dropTestDatabases, startTestServer } from './test-database';

/** Once per run: a server (or the embedded one) and a migrated template database. */
export default async function globalSetup(): Promise<void> {
  const server = await startTestServer();
  await dropTestDatabases(server.adminUrl);
  await createTemplate(server.adminUrl);
  process.env['JINAN_TEST_ADMIN_URL'] = server.adminUrl;
  (globalThis as { __jinanTestServer?: typeof server }).__jinanTestServer = server;
}
