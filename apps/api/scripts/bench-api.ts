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
import { createDataSource, migrate } from '../src/database/data-source';
import { seedDemoIfEmpty } from '../src/database/seed/demo-seed';
import { freshDatabase, serverUrl, startCluster } from './bench-cluster';
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
    const cluster = await startCluster(url, instances, SECRET);
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
          path: `/api/events/${edition.editionId}/agenda`,
          setupRequest: (req: { headers?: Record<string, string> }) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${nextAgenda()}` } }),
        },
      },
      {
        name: 'GET recommendations',
        request: {
          method: 'GET',
          path: `/api/events/${edition.editionId}/recommendations?limit=20`,
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
