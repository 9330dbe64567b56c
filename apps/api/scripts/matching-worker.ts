/**
 * npm run matching:worker — one more matching worker against DATABASE_URL: takes shard jobs
 * of any matching run from pg-boss and applies offer and profile changes (incremental
 * matching), like an API instance with jobs enabled, without serving HTTP. Start as many
 * as there are cores to spare; SIGTERM finishes the shard in hand and exits.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadEnvironment } from '../src/config/environment';
import { MatchingShardWorker } from '../src/matching/matching-shard-worker';
import { MatchingWorkerModule } from '../src/matching-worker.module';

async function main(): Promise<void> {
  const env = loadEnvironment();
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required for a matching worker');
  const app = await NestFactory.createApplicationContext(
    MatchingWorkerModule.register({
      databaseUrl: env.DATABASE_URL,
      shardSize: env.MATCHING_SHARD_SIZE,
      shardExpireSeconds: env.MATCHING_SHARD_EXPIRE_SECONDS,
      maintenanceIntervalSeconds: env.JOBS_MAINTENANCE_SECONDS,
    }),
    { logger: ['error', 'warn', 'log'] },
  );
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write(`matching worker ${process.pid} ready\n`);
  // A long-running worker has its incremental state prepared before the first change arrives
  // (MATCHING_WORKER_WARM=false: not, e.g. for workers started only for one full run).
  if (process.env['MATCHING_WORKER_WARM'] !== 'false') {
    await app.get(MatchingShardWorker).warm();
    process.stdout.write(`matching worker ${process.pid} warm\n`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
