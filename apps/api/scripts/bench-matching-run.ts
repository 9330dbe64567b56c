/**
 * What a matching run costs end to end on a real PostgreSQL (read, score, write), and
 * what reading its results costs afterwards:
 *
 *   npm run bench:matching-run -- [demo | FIRMSxOFFERS …]
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the
 * server; each tier gets a fresh, migrated database `jinan_bench_matching`, then the demo
 * seed or held-out planted data (`generatePlantedData`). Not part of the test suite.
 */
import { HELD_OUT_CONFIG, generatePlantedData } from '@jinan/matching/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service';
import { createDataSource, migrate } from '../src/database/data-source';
import { seedDemoIfEmpty } from '../src/database/seed/demo-seed';
import { EditionsService } from '../src/editions/editions.service';
import { MatchScoreService } from '../src/matching/match-score.service';
import { MatchingService } from '../src/matching/matching.service';

const ADMIN_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'jinan_bench_matching';

async function freshDatabase(): Promise<DataSource> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${NAME}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${NAME}`;
  const db = await createDataSource(url.toString(), 4).initialize();
  await migrate(db);
  return db;
}

async function seedPlanted(db: DataSource, firms: number, offers: number): Promise<void> {
  const data = generatePlantedData({ ...HELD_OUT_CONFIG, firms, offers, seed: 20260528 });
  await new EditionsService(db, new AuditService()).create(null, { year: 2030 });
  await db.query(
    `INSERT INTO organizations (id, country, name_ja, sectors, size_band, languages, cooperation_types, seeks_zh, seeks_ja, seeks_en, verification, verified_at)
     SELECT id, 'JP', 'firm', string_to_array(sectors, ','), size_band, string_to_array(languages, ','), string_to_array(types, ','), zh, ja, en, 'verified', now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS f(id, sectors, size_band, languages, types, zh, ja, en)`,
    [
      data.firms.map(() => randomUUID()),
      data.firms.map((f) => f.sectors.join(',')),
      data.firms.map((f) => f.sizeBand),
      data.firms.map((f) => f.languages.join(',')),
      data.firms.map((f) => f.cooperationTypes.join(',')),
      data.firms.map((f) => f.seeks.zh ?? null),
      data.firms.map((f) => f.seeks.ja ?? null),
      data.firms.map((f) => f.seeks.en ?? null),
    ],
  );
  const companies = new Map<string, { id: string; sectors: string; languages: string }>();
  for (const o of data.offers) {
    if (!companies.has(o.organizationId))
      companies.set(o.organizationId, { id: randomUUID(), sectors: o.company.sectors.join(','), languages: o.company.languages.join(',') });
  }
  const cs = [...companies.values()];
  await db.query(
    `INSERT INTO organizations (id, country, name_zh, sectors, size_band, languages, verification, verified_at)
     SELECT id, 'CN', '公司', string_to_array(sectors, ','), 'medium', string_to_array(languages, ','), 'verified', now()
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS c(id, sectors, languages)`,
    [cs.map((c) => c.id), cs.map((c) => c.sectors), cs.map((c) => c.languages)],
  );
  for (let i = 0; i < data.offers.length; i += 5000) {
    const chunk = data.offers.slice(i, i + 5000);
    // A published offer needs Chinese plus Japanese or English; '' stands in for a missing one.
    await db.query(
      `INSERT INTO offers (organization_id, sector, cooperation_type, title_zh, title_ja, title_en, summary_zh, summary_ja, summary_en, partner_sought,
                           investment_min_mcny, investment_max_mcny, status, published_at)
       SELECT * , 'published', now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::numeric[], $12::numeric[])`,
      [
        chunk.map((o) => companies.get(o.organizationId)!.id),
        chunk.map((o) => o.sector),
        chunk.map((o) => o.cooperationType),
        chunk.map((o) => o.title.zh ?? o.title.ja ?? o.title.en ?? ''),
        chunk.map((o) => o.title.ja ?? null),
        chunk.map((o) => o.title.en ?? (o.title.ja ? null : '')),
        chunk.map((o) => o.summary.zh ?? o.summary.ja ?? o.summary.en ?? ''),
        chunk.map((o) => o.summary.ja ?? null),
        chunk.map((o) => o.summary.en ?? (o.summary.ja ? null : '')),
        chunk.map((o) => Object.values(o.partnerSought).join(' ') || null),
        chunk.map((o) => o.investmentMinMillionCny ?? null),
        chunk.map((o) => o.investmentMaxMillionCny ?? null),
      ],
    );
  }
}

async function tier(label: string): Promise<void> {
  const db = await freshDatabase();
  try {
    if (label === 'demo') await seedDemoIfEmpty(db);
    else {
      const [firms, offers] = label.split('x').map(Number);
      await seedPlanted(db, firms, offers);
    }
    await db.query('ANALYZE');
    const [{ id: editionId }] = await db.query('SELECT id FROM editions LIMIT 1');
    const matching = new MatchingService(db, new AuditService());
    const [{ id: runId }] = await db.query(`INSERT INTO matching_runs (edition_id, status) VALUES ($1, 'queued') RETURNING id`, [editionId]);
    const t0 = performance.now();
    await matching.executeRun(runId);
    const runMs = performance.now() - t0;
    const run = await matching.getRun(editionId, runId);
    if (run.status !== 'succeeded') throw new Error(`run failed: ${run.error}`);
    const [{ rows, bytes }] = await db.query(
      `SELECT count(*)::int AS rows, pg_size_pretty(pg_total_relation_size('recommendations')) AS bytes FROM recommendations`,
    );

    // Reading: one firm's page (as the API does), and a scheduler-sized batch of pair scores.
    const firm = (await db.query(`SELECT jp_organization_id AS id FROM recommendations LIMIT 1`))[0].id;
    const t1 = performance.now();
    for (let i = 0; i < 20; i++)
      await matching.recommendations({ id: randomUUID(), role: 'bureau', organizationId: null, timeZone: 'Asia/Shanghai' }, editionId, {
        organizationId: firm,
        limit: 20,
      });
    const readMs = (performance.now() - t1) / 20;
    const pairs = (
      await db.query(`SELECT jp_organization_id, cn_organization_id, offer_id FROM recommendations WHERE kind = 'offer' ORDER BY random() LIMIT 6000`)
    ).map((r: Record<string, string>, i: number) => ({
      jpOrganizationId: r['jp_organization_id'],
      cnOrganizationId: r['cn_organization_id'],
      offerId: i % 2 ? r['offer_id'] : null,
    }));
    const t2 = performance.now();
    await new MatchScoreService(db).scoresFor(editionId, pairs);
    const pairsMs = performance.now() - t2;
    console.log(
      `${label}: ${run.firms} firms × ${run.offers} offers: run ${Math.round(runMs)} ms end to end, ${rows} rows (${bytes}); ` +
        `recommendations read ${readMs.toFixed(1)} ms; scoresFor ${pairs.length} pairs ${Math.round(pairsMs)} ms; peak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`,
    );
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const tiers = process.argv.slice(2);
  for (const label of tiers.length ? tiers : ['demo', '300x3000', '1000x10000']) await tier(label);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
