import { rmSync } from 'node:fs';
import { Client } from 'pg';
import type { WebTestServer } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __jinanWebServer?: WebTestServer }).__jinanWebServer;
  if (!server) return;
  if (server.child.exitCode === null) {
    const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
    server.child.kill('SIGTERM');
    // The API stops its embedded PostgreSQL on shutdown; give it time, then insist.
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
  if (server.databaseUrl) {
    const admin = new URL(server.databaseUrl);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
  }
}
