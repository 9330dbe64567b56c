import { Client } from 'pg';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, migrate } from '../../../apps/api/src/database/data-source';
import { startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';

/**
 * Test databases: TEST_DATABASE_URL (or DATABASE_URL) names a server to use;
 * otherwise an embedded PostgreSQL is started in a temporary directory. A template
 * database is migrated once per run; each test file gets a fresh copy of it.
 */
/**
 * Databases of one run are named jinan_test_<pid of its global setup>_…, so runs of
 * several developers (or CI) on one server never touch each other's databases.
 */
export const DB_PREFIX = 'jinan_test_';

export function runPrefix(runId = process.env['JINAN_TEST_RUN']): string {
  if (!runId) throw new Error('the e2e global setup did not run (JINAN_TEST_RUN unset)');
  return `${DB_PREFIX}${runId}_`;
}

export const templateDb = (runId?: string) => `${runPrefix(runId)}template`;

export interface TestServer {
  /** URL of the server's maintenance database, used to create and drop test databases. */
  adminUrl: string;
  stop: () => Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const configured = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (configured) {
    const url = new URL(configured);
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), stop: async () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'jinan-test-pg-'));
  // As root the server runs as `postgres`, which must be able to enter the directory.
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres(dir);
  return {
    adminUrl: server.url('postgres'),
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops this run's databases, and those of earlier runs whose process is gone. */
export async function dropTestDatabases(adminUrl: string, runId: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${DB_PREFIX}%`]);
    for (const { datname } of rows) {
      const owner = /^jinan_test_(\d+)_/.exec(datname)?.[1];
      if (owner === runId || !owner || !processAlive(Number(owner))) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the template database and runs every migration on it. */
export async function createTemplate(adminUrl: string, runId: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${templateDb(runId)}"`));
  const dataSource = await createDataSource(databaseUrl(adminUrl, templateDb(runId)), 2).initialize();
  try {
    await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** A fresh, migrated, empty database for one test file. */
export async function freshDatabase(name: string): Promise<string> {
  const adminUrl = process.env['JINAN_TEST_ADMIN_URL'];
  if (!adminUrl) throw new Error('the e2e global setup did not run (JINAN_TEST_ADMIN_URL unset)');
  const database = `${runPrefix()}${name}`;
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}" TEMPLATE "${templateDb()}"`);
  });
  return databaseUrl(adminUrl, database);
}
