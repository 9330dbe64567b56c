import type { MatchingOffer } from '@jinan/matching';
import { prepareOffers } from '@jinan/matching';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { FirmIndex, scoreFirms } from '../../apps/api/src/matching/engine-adapter';
import { IncrementalMatching } from '../../apps/api/src/matching/incremental-matching';
import { loadFirms, loadOffers } from '../../apps/api/src/matching/matching-input';
import { MATCHING_SHARD_JOB, ShardedMatching, ShardJob } from '../../apps/api/src/matching/sharded-matching';
import { freshDatabase } from './support/test-database';

/** Six firms, each after something else, and offers of three Ji'nan companies. */
const FIRMS = [
  { name: 'F1', sectors: ['health'], seeks: { ja: '医療機器と画像診断装置の調達' } },
  { name: 'F2', sectors: ['health'], seeks: { en: 'elderly care and nursing homes' } },
  { name: 'F3', sectors: ['health'], seeks: { ja: 'リハビリロボットの共同開発' } },
  { name: 'F4', sectors: ['environment'], seeks: { en: 'wastewater treatment plants' } },
  { name: 'F5', sectors: ['digital'], seeks: { zh: '数据中心、云计算' } },
  { name: 'F6', sectors: ['health'], seeks: { en: 'surgical instruments and medical devices' } },
];
const OFFERS = [
  { company: 0, sector: 'health', zh: '养老院连锁运营', en: 'Chain of nursing homes for elderly care' },
  { company: 0, sector: 'health', zh: '康复机器人合作研发', en: 'Joint development of rehabilitation robots' },
  { company: 1, sector: 'environment', zh: '污水处理厂升级改造', en: 'Upgrading wastewater treatment plants' },
  { company: 1, sector: 'environment', zh: '固体废物焚烧发电', en: 'Waste incineration power plants' },
  { company: 2, sector: 'digital', zh: '数据中心建设与运营', en: 'Building and running data centres' },
  { company: 2, sector: 'digital', zh: '工业互联网平台', en: 'Industrial internet platform' },
  { company: 2, sector: 'health', zh: '智慧医院信息系统', en: 'Smart hospital information systems' },
];

async function seedFixture(db: DataSource): Promise<{ editionId: string; firms: Map<string, string>; companies: string[] }> {
  const [{ id: editionId }] = await db.query(
    `INSERT INTO editions (year, name_zh, name_ja, name_en, start_date, end_date) VALUES (2031, '测试', 'テスト', 'Test', '2031-05-01', '2031-05-03') RETURNING id`,
  );
  const firms = new Map<string, string>();
  for (const f of FIRMS) {
    const [{ id }] = await db.query(
      `INSERT INTO organizations (country, name_ja, sectors, size_band, languages, seeks_zh, seeks_ja, seeks_en, verification, verified_at)
       VALUES ('JP', $1, $2, 'medium', '{ja,en}', $3, $4, $5, 'verified', now()) RETURNING id`,
      [f.name, f.sectors, f.seeks.zh ?? null, f.seeks.ja ?? null, f.seeks.en ?? null],
    );
    firms.set(f.name, id);
  }
  const companies: string[] = [];
  for (let c = 0; c < 3; c++) {
    const [{ id }] = await db.query(
      `INSERT INTO organizations (country, name_zh, sectors, size_band, languages, verification, verified_at)
       VALUES ('CN', $1, '{health,environment,digital}', 'medium', '{zh,en}', 'verified', now()) RETURNING id`,
      [`公司${c}`],
    );
    companies.push(id);
  }
  for (const o of OFFERS) await insertOffer(db, companies[o.company]!, o.sector, o.zh, o.en);
  // The fixture is the input of the first full run, not a change.
  await db.query('DELETE FROM matching_changes');
  return { editionId, firms, companies };
}

async function insertOffer(db: DataSource, company: string, sector: string, zh: string, en: string): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO offers (organization_id, sector, cooperation_type, title_zh, title_en, summary_zh, summary_en, status, published_at)
     VALUES ($1, $2, 'joint_venture', $3, $4, $3, $4, 'published', now()) RETURNING id`,
    [company, sector, zh, en],
  );
  return id;
}

/** Per firm, its offers in rank order (offer rows) — what the API serves. */
async function rankings(db: DataSource, runId: string): Promise<Record<string, string[]>> {
  const rows: { firm: string; offers: string[] }[] = await db.query(
    `SELECT jp_organization_id AS firm, array_agg(offer_id::text ORDER BY rank) AS offers FROM recommendations WHERE run_id = $1 AND kind = 'offer' GROUP BY 1`,
    [runId],
  );
  return Object.fromEntries(rows.map((r) => [r.firm, r.offers]));
}

async function expectedRankings(db: DataSource): Promise<Record<string, string[]>> {
  const run = scoreFirms(await loadFirms(db.manager), prepareOffers(await loadOffers(db.manager)));
  return Object.fromEntries(run.firms.filter((f) => f.offers.length).map((f) => [f.firmId, f.offers.map((o) => o.offerId)]));
}

const newRun = async (db: DataSource, editionId: string): Promise<string> =>
  (await db.query(`INSERT INTO matching_runs (edition_id, status) VALUES ($1, 'queued') RETURNING id`, [editionId]))[0].id;

describe('matching as distributed shard jobs', () => {
  let url: string;
  let db: DataSource;
  let fixture: Awaited<ReturnType<typeof seedFixture>>;

  beforeAll(async () => {
    url = await freshDatabase('matching_shards');
    db = await new DataSource(dataSourceOptions(url, 4, 'shards-test')).initialize();
    fixture = await seedFixture(db);
  });
  afterAll(() => db?.destroy());

  it('gives, shard by shard, exactly the rankings of one run over every firm', async () => {
    const runId = await newRun(db, fixture.editionId);
    await new ShardedMatching(db, { shardSize: 2 }).execute(runId);
    const [run] = await db.query('SELECT status, shards, firms FROM matching_runs WHERE id = $1', [runId]);
    expect(run).toEqual({ status: 'succeeded', shards: 3, firms: 6 });
    expect(await rankings(db, runId)).toEqual(await expectedRankings(db));
  });

  it('survives a worker killed in the middle of writing a shard: another worker runs it again, rows complete and not duplicated', async () => {
    const runId = await newRun(db, fixture.editionId);
    let midWrite: (shard: number) => void = () => undefined;
    const aIsMidWrite = new Promise<number>((resolve) => (midWrite = resolve));
    const worker = async (name: string, duringWrite?: (job: ShardJob) => Promise<void>) => {
      const source = await new DataSource(dataSourceOptions(url, 3, `worker-${name}`)).initialize();
      const jobs = new JobsService({ databaseUrl: url, enabled: true, maintenanceIntervalSeconds: 1, applicationName: `worker-${name}-jobs` });
      const sharded = new ShardedMatching(source, {
        shardSize: 2,
        workerName: name,
        duringWrite,
        queue: async (tx, queued) => {
          await jobs.enqueueIn(
            tx,
            MATCHING_SHARD_JOB,
            queued.map((data) => ({ data })),
          );
          return true;
        },
      });
      jobs.registerWorker<ShardJob>({ name: MATCHING_SHARD_JOB, expireInSeconds: 3, retryLimit: 5, handler: (job) => sharded.executeShard(job) });
      await jobs.onApplicationBootstrap();
      return { source, jobs, sharded };
    };
    // A stalls inside the write transaction of the first phase-2 shard it takes (rows inserted, not committed).
    const a = await worker('A', async (job) => {
      if (job.phase !== 2) return;
      midWrite(job.shard);
      await new Promise(() => undefined);
    });
    await a.sharded.execute(runId);
    const b = await worker('B');
    let aStopped: Promise<void> = Promise.resolve();
    try {
      const killedShard = await aIsMidWrite;
      // Kill A: it takes no more jobs, and its connections die with their open transaction.
      aStopped = a.jobs.beforeApplicationShutdown();
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ('worker-A', 'worker-A-jobs')`);

      const deadline = Date.now() + 45_000;
      let status = '';
      while (Date.now() < deadline && status !== 'succeeded') {
        await new Promise((r) => setTimeout(r, 250));
        [{ status }] = await db.query('SELECT status FROM matching_runs WHERE id = $1', [runId]);
      }
      expect(status).toBe('succeeded');
      const [shard] = await db.query(`SELECT worker, status FROM matching_shards WHERE run_id = $1 AND phase = 2 AND shard = $2`, [runId, killedShard]);
      expect(shard).toEqual({ worker: 'B', status: 'done' });
      const [{ rows, distinct }] = await db.query(
        `SELECT count(*)::int AS rows, count(DISTINCT (jp_organization_id, kind, offer_id, cn_organization_id))::int AS distinct FROM recommendations WHERE run_id = $1`,
        [runId],
      );
      expect(rows).toBe(distinct);
      expect(await rankings(db, runId)).toEqual(await expectedRankings(db));
    } finally {
      await b.jobs.beforeApplicationShutdown();
      await b.source.destroy();
      await aStopped;
      // A's pool still counts the connection of its stalled transaction: do not wait for it.
      void a.source.destroy().catch(() => undefined);
    }
  });

  it('re-scores exactly the firms a new offer concerns, and a changed profile that firm alone', async () => {
    const runId = await newRun(db, fixture.editionId);
    await new ShardedMatching(db, { shardSize: 4 }).execute(runId);
    const before = await rankings(db, runId);
    // Turns of 1, 2, 4 … firms: results committed in turns equal those of one commit.
    const incremental = new IncrementalMatching(db, { commitFirms: 1 });
    // Warm, as a worker is: the new offer is patched into the offers it holds prepared.
    await incremental.warm();
    const id = (name: string) => fixture.firms.get(name)!;

    const offer = await insertOffer(db, fixture.companies[0]!, 'health', '医疗器械、医用影像设备', 'Medical devices and imaging equipment');
    const applied = await incremental.applyPending();
    expect(applied?.firms).toEqual([id('F1'), id('F6')].sort());
    const after = await rankings(db, runId);
    expect(after[id('F1')]).toContain(offer);
    expect(after[id('F6')]).toContain(offer);
    for (const name of ['F2', 'F3', 'F4', 'F5']) expect(after[id(name)]).toEqual(before[id(name)]);
    // The re-scored firms rank as a full scoring with the run's demand would.
    const expected = await expectedRankingsWithout(db, runId);
    expect([after[id('F1')], after[id('F6')]]).toEqual([expected[id('F1')], expected[id('F6')]]);

    await db.query(`UPDATE organizations SET seeks_en = 'data centres and cloud computing' WHERE id = $1`, [id('F2')]);
    expect((await incremental.applyPending())?.firms).toEqual([id('F2')]);
    // Another process applies the next change (F4 now seeks what F2 does): this one's state is
    // behind the feed, so for the change after it reads everything again, and the new offer
    // reaches F4 too (by F4's old words it would not).
    await db.query(`UPDATE organizations SET seeks_en = 'data centres and cloud computing' WHERE id = $1`, [id('F4')]);
    expect((await new IncrementalMatching(db).applyPending())?.firms).toEqual([id('F4')]);
    const cloud = await insertOffer(db, fixture.companies[1] as string, 'digital', '数据中心与云计算', 'Data centres and cloud computing');
    expect((await incremental.applyPending())?.firms).toEqual(expect.arrayContaining([id('F2'), id('F4')]));
    const now = await rankings(db, runId);
    expect(now[id('F2')]).toContain(cloud);
    expect(now[id('F4')]).toContain(cloud);
    // Nothing left to apply: nobody is stale.
    expect(await incremental.applyPending()).toEqual({ changes: 0, firms: [] });
    const [{ pending }] = await db.query(
      `SELECT count(*)::int AS pending FROM matching_changes WHERE id > (SELECT changes_through FROM matching_runs WHERE id = $1)`,
      [runId],
    );
    expect(pending).toBe(0);
  });
  it("re-scores a changed company's offers with the company as it is now, in a worker that prepared them before", async () => {
    const runId = await newRun(db, fixture.editionId);
    await new ShardedMatching(db, { shardSize: 4 }).execute(runId);
    const incremental = new IncrementalMatching(db);
    await incremental.warm();
    // The company stops working in English: the language part of its offers' scores falls.
    await db.query(`UPDATE organizations SET languages = '{zh}' WHERE id = $1`, [fixture.companies[0]]);
    const applied = await incremental.applyPending();
    expect(applied?.firms.length).toBeGreaterThan(0);
    const stored = await scores(db, runId);
    const expected = await expectedScoresWithout(db, runId);
    for (const firm of applied!.firms) {
      expect(Object.keys(stored[firm] ?? {})).toEqual(Object.keys(expected[firm] ?? {}));
      for (const [offer, score] of Object.entries(expected[firm] ?? {})) expect(stored[firm]![offer]).toBeCloseTo(score, 2);
    }
  });
});

describe('incremental matching on full result lists: the reached firms an offer cannot move are left alone', () => {
  let db: DataSource;
  let fixture: Awaited<ReturnType<typeof seedFixture>>;
  // Thirty more companies with three offers each: every firm's lists (20 offers, 10 companies) are
  // full, so the screen has a last place to compare a new offer with.
  const TOPICS = [
    ['养老护理服务', 'elderly nursing care services'],
    ['医疗器械分销', 'medical devices distribution'],
    ['康复设备研发', 'rehabilitation equipment development'],
    ['污水处理工程', 'wastewater treatment engineering'],
    ['垃圾焚烧发电', 'waste incineration power'],
    ['光伏电站建设', 'solar power plants'],
    ['数据中心运维', 'data centre operations'],
    ['工业机器人集成', 'industrial robot integration'],
    ['智能工厂改造', 'smart factory upgrades'],
    ['医院信息系统', 'hospital information systems'],
    ['大气污染治理', 'air pollution control'],
    ['云计算平台', 'cloud computing platform'],
  ];

  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(await freshDatabase('matching_screen'), 4, 'screen-test')).initialize();
    fixture = await seedFixture(db);
    // A firm after environmental work that shares one word ("devices") with the offer below.
    const [{ id: f7 }] = await db.query(
      `INSERT INTO organizations (country, name_ja, sectors, size_band, languages, seeks_en, verification, verified_at)
       VALUES ('JP', 'F7', '{environment}', 'medium', '{ja,en}', 'wastewater treatment engineering, air pollution control devices and waste incineration power', 'verified', now()) RETURNING id`,
    );
    fixture.firms.set('F7', f7);
    for (let c = 0; c < 30; c++) {
      const [{ id }] = await db.query(
        `INSERT INTO organizations (country, name_zh, sectors, size_band, languages, verification, verified_at)
         VALUES ('CN', $1, '{health,environment,digital}', 'medium', '{zh,en}', 'verified', now()) RETURNING id`,
        [`企业${c}`],
      );
      for (let k = 0; k < 3; k++) {
        const [zh, en] = TOPICS[(c + 5 * k) % TOPICS.length]!;
        await insertOffer(db, id, ['health', 'environment', 'digital'][(c + k) % 3]!, `${zh}合作`, `Cooperation in ${en}`);
      }
    }
    await db.query('DELETE FROM matching_changes');
  });
  afterAll(() => db?.destroy());

  it('re-scores the reached firms the offer can move, and a fresh scoring shows it to none of the others', async () => {
    const runId = await newRun(db, fixture.editionId);
    await new ShardedMatching(db, { shardSize: 4 }).execute(runId);
    const before = await rankings(db, runId);
    // Each firm's feedback words are kept beside its results, as one scoring over every firm gives them.
    const [{ demand }] = await db.query('SELECT demand FROM matching_runs WHERE id = $1', [runId]);
    const whole = scoreFirms(await loadFirms(db.manager), prepareOffers(await loadOffers(db.manager)), demand);
    const kept: { firm: string; terms: string[] }[] = await db.query(`SELECT jp_organization_id AS firm, terms FROM firm_feedback_terms WHERE run_id = $1`, [
      runId,
    ]);
    expect(Object.fromEntries(kept.map((k) => [k.firm, k.terms]))).toEqual(Object.fromEntries(whole.firms.map((f) => [f.firmId, f.feedbackTerms])));
    expect(kept.find((k) => k.firm === fixture.firms.get('F7'))?.terms.length).toBeGreaterThan(0);
    const incremental = new IncrementalMatching(db);
    await incremental.warm();

    // A company no firm shows yet (one a firm shows may get a new best or shown offer from it).
    const [{ id: company }] = await db.query(
      `INSERT INTO organizations (country, name_zh, sectors, size_band, languages, verification, verified_at)
       VALUES ('CN', '新公司', '{health}', 'medium', '{zh,en}', 'verified', now()) RETURNING id`,
    );
    const offer = await insertOffer(db, company, 'health', '手术器械与医疗器械', 'Surgical instruments and medical devices');
    const [row] = await loadOffers(db.manager, [offer]);
    const reached = new FirmIndex(await loadFirms(db.manager)).firmsFor(row as MatchingOffer);
    const applied = await incremental.applyPending();
    const after = await rankings(db, runId);
    const expected = await expectedRankingsWithout(db, runId);
    const left = reached.filter((id) => !applied!.firms.includes(id));
    // The firm whose words it repeats is re-scored and shows it; F7, reached by "devices", is not.
    expect(applied!.firms).toContain(fixture.firms.get('F6'));
    expect(after[fixture.firms.get('F6')!]).toContain(offer);
    expect(reached).toContain(fixture.firms.get('F7'));
    expect(left).toContain(fixture.firms.get('F7'));
    for (const id of left) {
      expect(after[id]).toEqual(before[id]);
      expect(expected[id]).not.toContain(offer);
    }
    for (const id of applied!.firms) expect(after[id]).toEqual(expected[id]);
  });
});

/** Per firm, its stored offers (in rank order) and their scores. */
async function scores(db: DataSource, runId: string): Promise<Record<string, Record<string, number>>> {
  const rows: { firm: string; offer: string; score: string }[] = await db.query(
    `SELECT jp_organization_id AS firm, offer_id AS offer, score FROM recommendations WHERE run_id = $1 AND kind = 'offer' ORDER BY jp_organization_id, rank`,
    [runId],
  );
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.firm] ??= {})[r.offer] = Number(r.score);
  return out;
}

/** The scores a full run would give now, keeping the run's demand. */
async function expectedScoresWithout(db: DataSource, runId: string): Promise<Record<string, Record<string, number>>> {
  const [{ demand }] = await db.query('SELECT demand FROM matching_runs WHERE id = $1', [runId]);
  const run = scoreFirms(await loadFirms(db.manager), prepareOffers(await loadOffers(db.manager)), demand);
  return Object.fromEntries(run.firms.map((f) => [f.firmId, Object.fromEntries(f.offers.map((o) => [o.offerId, o.score]))]));
}

/** The rankings a full run would give now, keeping the run's demand (as incremental scoring does). */
async function expectedRankingsWithout(db: DataSource, runId: string): Promise<Record<string, string[]>> {
  const [{ demand }] = await db.query('SELECT demand FROM matching_runs WHERE id = $1', [runId]);
  const run = scoreFirms(await loadFirms(db.manager), prepareOffers(await loadOffers(db.manager)), demand);
  return Object.fromEntries(run.firms.filter((f) => f.offers.length).map((f) => [f.firmId, f.offers.map((o) => o.offerId)]));
}
