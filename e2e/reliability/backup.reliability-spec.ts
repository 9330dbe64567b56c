import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { emptyDatabase } from './support/databases';
import { startInstance } from './support/instances';

const ROOT = resolve(__dirname, '../..');

/** Row count and checksum of every public table: equal fingerprints, equal data. */
async function fingerprint(db: Client): Promise<Record<string, string>> {
  const { rows: tables } = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const {
      rows: [r],
    } = await db.query(`SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${tablename}" t`);
    out[tablename] = `${r.n}:${r.sum}`;
  }
  return out;
}

function script(command: 'backup' | 'restore', databaseUrl: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['-r', './apps/api/scripts/ts-register.cjs', 'apps/api/scripts/db-backup.ts', command, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
}

describe('db:backup and db:restore', () => {
  let url: string;
  let db: Client;

  beforeAll(async () => {
    url = await emptyDatabase('backup');
    // An instance migrates and seeds the demo edition, then goes away.
    await (await startInstance(url)).stop();
    db = new Client({ connectionString: url });
    await db.connect();
    // A meeting with its history: an identity column and foreign keys in both directions.
    await db.query(
      `WITH m AS (
         INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, answer_deadline, message)
         SELECT (SELECT id FROM editions LIMIT 1), (SELECT organization_id FROM users WHERE email = 'jp1@demo.test'),
                (SELECT organization_id FROM users WHERE email = 'cn1@demo.test'), 'request', 'health', 'requested', now() + interval '2 days', 'よろしく 你好 \u{1F91D}'
         RETURNING id)
       INSERT INTO meeting_transitions (meeting_id, actor_role, action, to_status) SELECT id, 'jp', 'request', 'requested' FROM m`,
    );
  }, 120_000);
  afterAll(() => db?.end());

  it.each(['export', 'dump'])('round-trips every table (%s format)', async (format) => {
    const dumpWorks =
      format === 'export' ||
      Number(/(\d+)\./.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1]) >=
        Number((await db.query(`SELECT current_setting('server_version_num')::int / 10000 AS v`)).rows[0].v);
    if (!dumpWorks) return; // pg_dump older than this server: the export is what db:backup uses here
    const before = await fingerprint(db);
    const file = join(mkdtempSync(join(tmpdir(), 'jinan-backup-')), `demo.${format}`);
    expect(script('backup', url, file, '--format', format)).toContain('backup written');

    // Damage: lose the meetings, change an organization, add one.
    await db.query(`DELETE FROM meetings`);
    await db.query(`UPDATE organizations SET name_en = 'changed' WHERE country = 'JP'`);
    await db.query(`INSERT INTO organizations (country, name_zh, sectors, size_band, languages) VALUES ('CN', '新公司', '{health}', 'small', '{zh}')`);
    expect(await fingerprint(db)).not.toEqual(before);

    script('restore', url, file);
    expect(await fingerprint(db)).toEqual(before);
    // Identities continue after the restored rows.
    const {
      rows: [next],
    } = await db.query(
      `INSERT INTO meeting_transitions (meeting_id, actor_role, action, to_status) SELECT id, 'system', 'expire', 'expired' FROM meetings LIMIT 1 RETURNING id`,
    );
    const {
      rows: [max],
    } = await db.query(`SELECT max(id) AS id FROM meeting_transitions WHERE action <> 'expire'`);
    expect(Number(next.id)).toBeGreaterThan(Number(max.id));
    await db.query(`DELETE FROM meeting_transitions WHERE action = 'expire'`);
  });
});
