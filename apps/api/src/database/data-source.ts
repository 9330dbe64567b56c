import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@jinan/migrations';
import { ENTITIES } from './entities';

/**
 * The one DataSource definition, used by the app (through TypeOrmModule), the db:*
 * CLI and the tests. The schema changes only through migrations.
 */
export function dataSourceOptions(url: string, poolSize = 10, applicationName = 'jinan-api'): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: {
      max: poolSize,
      // Fail fast when the server is down instead of queueing requests forever.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      // No JIT: the API's queries are short, and PostgreSQL compiles any whose estimate is large
      // (stats, search at 10×) for 100–200 ms that the query itself never wins back.
      options: '-c jit=off',
    },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}

/** Key of the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK_KEY = 7_141_954;

/**
 * Runs pending migrations once, even when several instances start together. Holds one
 * connection for the lock while the migrations take another: the pool needs two.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
