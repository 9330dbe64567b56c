import type { TestServer } from '../../api/support/test-database';
import { dropDatabases } from './databases';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __jinanReliabilityServer?: TestServer }).__jinanReliabilityServer;
  if (!server) return;
  await dropDatabases(server.adminUrl);
  await server.stop();
}
