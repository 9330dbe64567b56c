/**
 * npm run start:cluster -- --instances N
 *
 * N API instances (Node's cluster module: one port, connections spread over the
 * workers) against one PostgreSQL. The primary resolves the database once (starting the
 * embedded server when DATABASE_URL is unset), runs the migrations, then forks the
 * workers with the same DATABASE_URL and JWT secret. A worker that dies is replaced;
 * SIGTERM drains every worker (each exits 0 once its requests finished) and then stops.
 * Background work needs no leader: pg-boss hands each job to one worker, and a scheduler
 * run executes under a PostgreSQL advisory lock.
 */
import 'reflect-metadata';
import cluster, { Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { jwtSecret } from '../src/bootstrap/jwt-secret';
import { prepareDatabase } from '../src/bootstrap/prepare-database';
import { loadEnvironment } from '../src/config/environment';
import { dataDir, resolveDatabase } from '../src/database/resolve-database';

function instancesOption(): number {
  const k = process.argv.indexOf('--instances');
  const n = k >= 0 ? Number(process.argv[k + 1]) : availableParallelism();
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error('--instances must be an integer from 1 to 64');
  return n;
}

async function main(): Promise<void> {
  const instances = instancesOption();
  const env = loadEnvironment();
  const database = await resolveDatabase(env);
  await prepareDatabase(env, database.url, database.embedded);
  const workerEnv = {
    DATABASE_URL: database.url,
    JWT_SECRET: jwtSecret(env.JWT_SECRET, dataDir(env)),
    // Migrated and seeded above, once.
    SEED_DEMO: 'false',
    DEMO: '0',
  };
  // The workers run the built JavaScript: no TypeScript hook (execArgv) for them.
  cluster.setupPrimary({ exec: resolve('dist/apps/api/main.js'), execArgv: [] });

  let stopping = false;
  const fork = (index: number): Worker => {
    const worker = cluster.fork({ ...workerEnv, INSTANCE_INDEX: String(index) });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`[cluster] instance ${index} (pid ${worker.process.pid}) exited (${signal ?? code}); starting a new one`);
      setTimeout(() => workers.set(index, fork(index)), 1000);
    });
    return worker;
  };
  const workers = new Map<number, Worker>();
  for (let i = 0; i < instances; i++) workers.set(i, fork(i));
  console.log(`[cluster] ${instances} instances on port ${env.PORT} (pid ${process.pid})`);

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[cluster] ${signal}: draining ${workers.size} instances`);
    const exits = [...workers.values()].map(
      (w) => new Promise<number>((done) => (w.isDead() ? done(w.process.exitCode ?? 0) : w.once('exit', (code) => done(code ?? 1)))),
    );
    for (const w of workers.values()) w.process.kill('SIGTERM');
    const codes = await Promise.all(exits);
    await database.stop();
    process.exit(codes.every((c) => c === 0) ? 0 : 1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
