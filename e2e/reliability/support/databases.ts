import { databaseUrl, withAdmin } from '../../api/support/test-database';

/** Databases of this project; distinct from the API tests' (jinan_test_*), which run alongside. */
const PREFIX = 'jinan_rel_';

export function adminUrl(): string {
  const url = process.env['JINAN_RELIABILITY_ADMIN_URL'];
  if (!url) throw new Error('the reliability global setup did not run (JINAN_RELIABILITY_ADMIN_URL unset)');
  return url;
}

/** An empty database; the first API instance to start migrates and seeds it. */
export async function emptyDatabase(name: string, admin = adminUrl()): Promise<string> {
  const database = `${PREFIX}${name}`;
  await withAdmin(admin, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
  return databaseUrl(admin, database);
}

export async function dropDatabases(admin: string): Promise<void> {
  await withAdmin(admin, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
