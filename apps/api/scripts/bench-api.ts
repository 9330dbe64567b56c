/**
 * npm run bench:api [-- --seconds 10 --connections 50 --instances 1,3]
 *
 * Seeds an L-tier edition into a fresh database (BENCH_DATABASE_URL, else the local
 * server on 127.0.0.1:5432 when it answers, else an embedded one), then for 1 and 3
 * instances (npm run start:cluster) drives three endpoints with autocannon: agenda reads,
 * recommendation reads and meeting responses. Prints req/s and p50/p99 per endpoint.
 * Nothing here asserts: run it alone, on an otherwise idle machine.
 */
import { JwtService } from '@nestjs/jwt';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createDataSource, migrate } from '../src/database/data-source';
import { freePort, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { seedDemoIfEmpty } from '../src/database/seed/demo-seed';
import { seedBenchEdition } from './bench-seed';

const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}

const option = (name: string, fallback: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? process.argv[k + 1] : fallback;
};
const SECONDS = Number(option('seconds', '10'));
const CONNECTIONS = Number(option('connections', '50'));
const INSTANCES = option('instances', '1,3').split(',').map(Number);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';
const log = (line: string) => process.stderr.write(`[bench:api] ${line}\n`);

async function serverUrl(): Promise<{ admin: string; stop: () => Promise<void> }> {
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

async function freshDatabase(admin: string, name: string): Promise<string> {
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

async function startCluster(databaseUrl: string, instances: number): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', './apps/api/scripts/ts-register.cjs', 'apps/api/scripts/start-cluster.ts', '--instances', String(instances)], {
    cwd: resolve(__dirname, '../../..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      WEB_ROOT: join(tmpdir(), 'jinan-no-web'),
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

async function main(): Promise<void> {
  const server = await serverUrl();
  const url = await freshDatabase(server.admin, 'jinan_bench');
  log(`database ${url.replace(/:[^:@/]*@/, ':***@')}`);
  const db = await createDataSource(url, 4).initialize();
  await migrate(db);
  await seedDemoIfEmpty(db);
  const started = Date.now();
  const perPhase = Math.max(20_000, SECONDS * 3000);
  const edition = await seedBenchEdition(db, 1, perPhase * INSTANCES.length);
  // Fresh statistics, as autovacuum would have them after a bulk load.
  await db.query('ANALYZE');
  const [{ orgs }] = await db.query(`SELECT count(*)::int AS orgs FROM organizations`);
  log(
    `seeded L tier in ${((Date.now() - started) / 1000).toFixed(1)} s: ${orgs} organizations, ${edition.scheduled} scheduled meetings, ${edition.pending.length} pending requests`,
  );
  await db.destroy();

  const jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: 3600 } });
  const token = (userId: string) => jwt.sign({ sub: userId, tv: 0 });
  const agendaTokens = edition.agendaUsers.map(token);
  const jpTokens = edition.jpUsers.map(token);
  const rows: string[] = [];
  for (const [phase, instances] of INSTANCES.entries()) {
    const cluster = await startCluster(url, instances);
    log(`${instances} instance(s) on port ${cluster.port}`);
    const pending = edition.pending.slice(phase * perPhase, (phase + 1) * perPhase).map((p) => ({ ...p, token: token(p.userId) }));
    const rotate = <T>(items: T[]) => {
      let k = 0;
      return () => items[k++ % items.length];
    };
    const nextAgenda = rotate(agendaTokens);
    const nextJp = rotate(jpTokens);
    let nextPending = 0;
    const endpoints: Array<{ name: string; request: Record<string, unknown> }> = [
      {
        name: 'GET agenda',
        request: {
          method: 'GET',
          path: `/api/events/${edition.eventId}/agenda`,
          setupRequest: (req: { headers?: Record<string, string> }) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${nextAgenda()}` } }),
        },
      },
      {
        name: 'GET recommendations',
        request: {
          method: 'GET',
          path: `/api/events/${edition.eventId}/recommendations?limit=20`,
          setupRequest: (req: { headers?: Record<string, string> }) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${nextJp()}` } }),
        },
      },
      {
        name: 'POST respond',
        request: {
          method: 'POST',
          setupRequest: (req: { headers?: Record<string, string> }) => {
            const p = pending[nextPending++ % pending.length];
            return {
              ...req,
              path: `/api/meetings/${p.meetingId}/respond`,
              headers: { ...req.headers, authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ decision: 'accept' }),
            };
          },
        },
      },
    ];
    for (const endpoint of endpoints) {
      // A short warm-up (JIT, pool connections), then the measured run.
      await autocannon({ url: `http://127.0.0.1:${cluster.port}`, connections: 10, duration: 2, requests: [endpoint.request] });
      if (endpoint.name === 'POST respond') nextPending = Math.min(nextPending, pending.length);
      const r = await autocannon({ url: `http://127.0.0.1:${cluster.port}`, connections: CONNECTIONS, duration: SECONDS, requests: [endpoint.request] });
      const codes = Object.entries(r.statusCodeStats)
        .map(([code, s]) => `${code}×${s.count}`)
        .join(' ');
      rows.push(
        `| ${endpoint.name} | ${instances} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${codes}${r.errors ? ` errors×${r.errors}` : ''} |`,
      );
      log(rows[rows.length - 1]);
    }
    cluster.child.kill('SIGTERM');
    await new Promise((r) => cluster.child.once('exit', r));
  }
  process.stdout.write(
    [
      `bench:api — ${CONNECTIONS} connections, ${SECONDS} s per endpoint, L-tier edition (${orgs} organizations, ${edition.scheduled} scheduled meetings)`,
      '| endpoint | instances | req/s | p50 ms | p99 ms | answers |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
  await server.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
