/**
 * npm run db:backup -- [FILE] [--format dump|export]
 * npm run db:restore -- FILE
 *
 * The database named by DATABASE_URL, or the embedded one under DATA_DIR (stop
 * `npm start` first: its server holds the data directory).
 * - dump: pg_dump's custom format, restored with pg_restore --clean. Used when this
 *   machine's pg_dump is at least as new as the server (pg_dump refuses newer servers).
 * - export: every table of the public schema as JSON lines, gzipped; restored in one
 *   transaction (tables emptied, rows loaded with triggers off, identities reset). Used
 *   for the embedded PostgreSQL 18, whose package ships no pg_dump.
 * The migrations table is part of the backup: a restore brings the schema version back
 * with the data. pg-boss's queue (schema pgboss) is not: jobs are re-created on start.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { loadEnvironment } from '../src/config/environment';
import { resolveDatabase } from '../src/database/resolve-database';

const EXPORT_MAGIC = 'jinan-export-1';

function pgDumpMajor(): number | null {
  try {
    const version = execFileSync('pg_dump', ['--version'], { encoding: 'utf8' });
    return Number(/(\d+)\.\d+/.exec(version)?.[1] ?? NaN) || null;
  } catch {
    return null;
  }
}

async function serverMajor(client: Client): Promise<number> {
  const { rows } = await client.query(`SELECT current_setting('server_version_num')::int / 10000 AS major`);
  return Number(rows[0].major);
}

/** Tables of the public schema, parents before children (foreign keys), with their loadable columns. */
async function tables(client: Client): Promise<{ name: string; columns: string[]; identity: string | null }[]> {
  const { rows } = await client.query(
    `SELECT c.relname AS name,
            to_json(array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '')) AS columns,
            max(a.attname::text) FILTER (WHERE a.attidentity <> '') AS identity
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r'
      GROUP BY c.relname ORDER BY c.relname`,
  );
  return rows;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function exportTo(client: Client, file: string): Promise<string> {
  const lines: string[] = [JSON.stringify({ magic: EXPORT_MAGIC, at: new Date().toISOString() })];
  let rowsOut = 0;
  // One snapshot for every table.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  for (const table of await tables(client)) {
    const { rows } = await client.query(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)}`);
    lines.push(JSON.stringify({ table: table.name, rows: rows.length }));
    for (const row of rows) lines.push(JSON.stringify(row));
    rowsOut += rows.length;
  }
  await client.query('COMMIT');
  writeFileSync(file, gzipSync(lines.join('\n')));
  return `exported ${rowsOut} rows`;
}

async function importFrom(client: Client, file: string): Promise<string> {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  if (JSON.parse(lines[0]).magic !== EXPORT_MAGIC) throw new Error(`${file} is not a backup of this platform`);
  const known = new Map((await tables(client)).map((t) => [t.name, t]));
  await client.query('BEGIN');
  try {
    // Triggers (and so foreign-key checks) off while the tables fill in any order.
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`TRUNCATE ${[...known.keys()].map(quote).join(', ')}`);
    let k = 1;
    let rowsIn = 0;
    while (k < lines.length) {
      const { table: name, rows } = JSON.parse(lines[k++]) as { table: string; rows: number };
      const table = known.get(name);
      if (!table) throw new Error(`the backup has a table ${name} that this schema does not`);
      const batch = lines.slice(k, k + rows).map((l) => JSON.parse(l));
      k += rows;
      for (let from = 0; from < batch.length; from += 1000) {
        const cols = table.columns.map(quote).join(', ');
        await client.query(
          `INSERT INTO ${quote(name)} (${cols}) ${table.identity ? 'OVERRIDING SYSTEM VALUE' : ''}
           SELECT ${cols} FROM jsonb_populate_recordset(NULL::${quote(name)}, $1::jsonb)`,
          [JSON.stringify(batch.slice(from, from + 1000))],
        );
      }
      if (table.identity) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(table.identity)}) FROM ${quote(name)}), 0) + 1, false)`,
          [quote(name), table.identity],
        );
      }
      rowsIn += rows;
    }
    await client.query('COMMIT');
    return `restored ${rowsIn} rows`;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function isDump(file: string): boolean {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(5);
  readSync(fd, head, 0, 5, 0);
  closeSync(fd);
  return head.toString() === 'PGDMP';
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const formatAt = args.indexOf('--format');
  const format = formatAt >= 0 ? args.splice(formatAt, 2)[1] : undefined;
  if (command !== 'backup' && command !== 'restore') throw new Error('usage: db-backup.ts backup [FILE] [--format dump|export] | restore FILE');
  const file = resolve(args[0] ?? `jinan-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`);
  const database = await resolveDatabase(loadEnvironment());
  // Values as PostgreSQL's own text (no JavaScript Date: it would drop the microseconds),
  // except JSON, which the restore must see as JSON values.
  const json = new Set([114, 3802]);
  const client = new Client({
    connectionString: database.url,
    types: { getTypeParser: (oid: number) => (json.has(oid) ? JSON.parse : (value: string) => value) } as never,
  });
  await client.connect();
  try {
    const dumpUsable = (pgDumpMajor() ?? 0) >= (await serverMajor(client));
    if (command === 'backup') {
      const useDump = format ? format === 'dump' : dumpUsable;
      if (useDump && !dumpUsable) throw new Error('pg_dump is missing or older than the server: use --format export');
      const summary = useDump
        ? (execFileSync('pg_dump', ['--format=custom', '--no-owner', '--exclude-schema=pgboss', `--file=${file}`, `--dbname=${database.url}`], {
            stdio: 'inherit',
          }),
          'pg_dump custom format')
        : await exportTo(client, file);
      console.log(`backup written to ${file} (${summary})`);
    } else {
      if (isDump(file)) {
        execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${database.url}`, file], {
          stdio: 'inherit',
        });
        console.log(`restored ${file} with pg_restore`);
      } else {
        console.log(`${await importFrom(client, file)} from ${file}`);
      }
    }
  } finally {
    await client.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
