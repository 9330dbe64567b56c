import { dropTestDatabases, TestServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __jinanTestServer?: TestServer }).__jinanTestServer;
  if (!server) return;
  await dropTestDatabases(server.adminUrl);
  await server.stop();
}
