/** Shared by the bench:* scripts: a database server, a fresh database on it, an API cluster on it. */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres } from '../src/database/embedded-postgres';

export async function serverUrl(): Promise<{ admin: string; stop: () => Promise<void> }> {
  if (process.env['BENCH_DATABASE_URL']) return { admin: process.env['BENCH_DATABASE_URL'], stop: async () => undefined };
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  const probe = new Client({ connectionString: local, connectionTimeoutMillis: 1000 });
  try {
    await probe.connect();
    await probe.end();
    return { admin: local, stop: async () => undefined };
  } catch {
    const embedded = await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'jinan-bench-pg-')));
    return { admin: embedded.url('postgres'), stop: embedded.stop };
  }
}

export async function freshDatabase(admin: string, name: string): Promise<string> {
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startCluster(
  databaseUrl: string,
  instances: number,
  secret: string,
  extraEnv: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', './apps/api/scripts/ts-register.cjs', 'apps/api/scripts/start-cluster.ts', '--instances', String(instances)], {
    cwd: resolve(__dirname, '../../..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: secret,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      WEB_ROOT: join(tmpdir(), 'jinan-no-web'),
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      // Every instance answers before the clock starts.
      const statuses = await Promise.all(Array.from({ length: instances * 4 }, () => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status)));
      if (statuses.every((s) => s === 200)) return { port, child };
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error('the cluster did not become healthy');
    await new Promise((r) => setTimeout(r, 500));
  }
}
