import { resolve } from 'node:path';
import { Environment } from '../config/environment';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export function dataDir(env: Pick<Environment, 'DATA_DIR'>): string {
  return resolve(env.DATA_DIR ?? '.data');
}

/** DATABASE_URL when set; otherwise an embedded server whose data persists under .data/. */
export async function resolveDatabase(env: Environment, log?: (line: string) => void): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const db = await startEmbeddedPostgres(dataDir(env), { log });
  const admin = db.url('postgres');
  await ensureDatabase(admin, 'jinan');
  return { url: db.url('jinan'), embedded: true, stop: db.stop };
}

/** Creates a database if it does not exist (CREATE DATABASE cannot run in a transaction). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
