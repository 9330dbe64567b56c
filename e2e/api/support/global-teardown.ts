import { dropTestDatabases, TestServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __jinanTestServer?: TestServer }).__jinanTestServer;
  if (!server) return;
  await dropTestDatabases(server.adminUrl, process.env['JINAN_TEST_RUN'] ?? String(process.pid));
  await server.stop();
}
