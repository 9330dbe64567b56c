import { rmSync } from 'node:fs';
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
}
