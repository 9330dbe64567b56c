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
export const TEMPLATE_DB = 'jinan_test_template';
export const DB_PREFIX = 'jinan_test_';

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

/** Drops every database this suite may have left behind (names start with DB_PREFIX). */
export async function dropTestDatabases(adminUrl: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${DB_PREFIX}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** Creates the template database and runs every migration on it. */
export async function createTemplate(adminUrl: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${TEMPLATE_DB}"`));
  const dataSource = await createDataSource(databaseUrl(adminUrl, TEMPLATE_DB), 2).initialize();
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
  const database = `${DB_PREFIX}${name}`;
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}" TEMPLATE "${TEMPLATE_DB}"`);
  });
  return databaseUrl(adminUrl, database);
}
