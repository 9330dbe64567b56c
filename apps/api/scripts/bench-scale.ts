/**
 * npm run bench:scale -- --factor N [--seconds 8] [--workers 1,2] [--skip-matching] [--reuse] [--api-heap 384]
 *   [--api-node-options '--single-threaded-gc'] [--worker-nice 10] [--skip-search-index]
 *
 * The year-round platform at N × one edition (PRODUCT.md §7; N = 1, 10, 100): seeds a
 * synthetic dataset into its own database jinan_scale_fN on the local server (or
 * BENCH_DATABASE_URL), then measures, each figure with the 1-minute load average beside it:
 * - the offer search index in PostgreSQL, every seeded offer;
 * - a full matching run as shard jobs with 1 then 2 `matching:worker` processes;
 * - incremental matching: a new offer until it shows in the firm's recommendations;
 * - offer search: each term once (a new query), then p95, recommendations p99 and agenda p99 at a
 *   fixed 200 req/s, paced one request every 5 ms (scale/load.ts: loadtest, open loop; repeated
 *   queries come from the instance's page cache); the agenda also as autocannon sends 200 req/s,
 *   in a burst at the start of each second (earlier rounds' figure);
 * - agenda throughput at saturation, ours against a bare node:http + pg server answering the
 *   same SQL for the same users (the ceiling on this machine): baselineRatio;
 * - during the agenda at 200 req/s, how late the API's event loop ran (and its GC) beside an
 *   idle Node process's: the part of the tail that is the process, and the machine's;
 * - publishing the last round's schedule in bulk; the bureau's statistics; the API's peak RSS.
 * --reuse measures again on the database an earlier run of the same factor seeded and indexed
 * (no seed, no index build); with --skip-matching too, on its recommendations: the reads alone,
 * e.g. once the machine is quiet. --skip-search-index seeds without building the search index
 * (at 100×, 300,000 offers take over an hour to index on two cores): for the matching figures;
 * the search figures are then left out.
 * Prints a table and, last, one JSON line. Load goes to 127.0.0.1 only, bounded in time.
 */
import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createDataSource, migrate } from '../src/database/data-source';
import { JobsService } from '../src/jobs/jobs.service';
import { MATCHING_SHARD_JOB, ShardedMatching } from '../src/matching/sharded-matching';
import { OfferSearchIndex } from '../src/offers/offer-search.index';
import { OfferSearchRepository } from '../src/offers/offer-search.repository';
import { freshDatabase, serverUrl, startCluster } from './bench-cluster';
import { burstRate, fixedRate, saturate } from './scale/load';
import { datasetOf, ScaleDataset, seedScale } from './scale/seed-scale';

const option = (name: string, fallback: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? (process.argv[k + 1] as string) : fallback;
};
const FACTOR = Number(option('factor', '1'));
const SECONDS = Number(option('seconds', '8'));
const WORKERS = option('workers', '1,2').split(',').map(Number);
const SKIP_MATCHING = process.argv.includes('--skip-matching');
const REUSE = process.argv.includes('--reuse');
const SKIP_SEARCH_INDEX = process.argv.includes('--skip-search-index');
const RATE = 200;
/** The API instance's old-space cap (docs/operations.md, Memory); `--api-heap 0` measures V8's default. */
const API_HEAP_MIB = Number(option('api-heap', '384'));
/** More V8 flags for the API instance, to compare a deployment's settings (recorded in the summary). */
const API_NODE_OPTIONS = option('api-node-options', '');
/**
 * The matching workers' scheduling priority (nice), as docs/operations.md deploys them beside
 * API instances: batch work that yields the cores to reads. At 0, the warm incremental worker's
 * garbage collection (a 700 MiB heap, on more than one core for ~400 ms, seconds after its last
 * pass) held the API off the cores in the middle of the agenda phase: one 300 ms stall, 76
 * answers over 50 ms. A worker alone (the full runs) is not slowed by it.
 */
const WORKER_NICE = Number(option('worker-nice', '10'));
/** Preloaded into the API and an idle process: their event-loop delay and GC, per half second. */
const PROBE = resolve(__dirname, 'scale/event-loop-probe.cjs');
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';
const ROOT = resolve(__dirname, '../../..');
const log = (line: string) => process.stderr.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const load = () => Number(loadavg()[0]!.toFixed(2));

interface Row {
  figure: string;
  value: number | null;
  unit: string;
  target: string;
  load: number;
  note: string;
}
const rows: Row[] = [];
const record = (figure: string, value: number | null, unit: string, target: string, note = ''): number | null => {
  rows.push({ figure, value, unit, target, load: load(), note });
  log(`${figure}: ${value ?? '—'} ${unit} ${note}`);
  return value;
};

async function main(): Promise<void> {
  // stdout is the table and the JSON line: Nest's log lines (planner, jobs) stay out of it.
  Logger.overrideLogger(['error', 'warn']);
  if (![1, 10, 100].includes(FACTOR)) log(`factor ${FACTOR} is not one of 1, 10, 100; measuring it anyway`);
  const server = await serverUrl();
  const name = `jinan_scale_f${FACTOR}`;
  const datasetFile = join(tmpdir(), `${name}.json`);
  let url: string;
  let db: Client;
  let data: ScaleDataset;
  let seedSeconds: number | null = null;
  let searchIndexSeconds: number | null = null;
  if (REUSE) {
    // The database and the dataset a previous run of this factor left (seeded, indexed, matched):
    // the reads measured again, e.g. once the machine is quiet.
    const admin = new URL(server.admin);
    admin.pathname = `/${name}`;
    url = admin.toString();
    db = new Client({ connectionString: url });
    await db.connect();
    data = existsSync(datasetFile) ? (JSON.parse(readFileSync(datasetFile, 'utf8')) as ScaleDataset) : await datasetOf(db, FACTOR);
    log(`reusing ${name} (seeded and indexed by an earlier run)`);
  } else {
    url = await freshDatabase(server.admin, name);
    log(`database ${url.replace(/:[^:@/]*@/, ':***@')}`);

    // Seed.
    const ds = await createDataSource(url, 4).initialize();
    await migrate(ds);
    await ds.destroy();
    db = new Client({ connectionString: url });
    await db.connect();
    const t0 = performance.now();
    data = await seedScale(db, FACTOR, log);
    // The seed is the input of the first full run, not a change for the incremental job.
    await db.query('TRUNCATE matching_changes');
    seedSeconds = record('seed', round((performance.now() - t0) / 1000, 1), 's', '', JSON.stringify(data.counts));
    writeFileSync(datasetFile, JSON.stringify(data));

    // The offer search index (PostgreSQL): the seed's offers are queued by trigger; index them
    // all now, as an API instance would at boot — or not at all (the API would index them).
    if (SKIP_SEARCH_INDEX) {
      await db.query('DELETE FROM offer_search_pending');
      record('offer search index, every offer', null, 's', '', 'skipped (--skip-search-index): search figures left out');
    } else {
      const ti = performance.now();
      const indexDs = await createDataSource(url, 2).initialize();
      const indexed = await new OfferSearchIndex(new OfferSearchRepository(indexDs)).catchUp();
      await indexDs.destroy();
      // As autovacuum would soon after a bulk load: statistics, and the visibility map index-only scans need.
      await db.query('VACUUM (ANALYZE) offer_search_terms, offer_search_documents');
      searchIndexSeconds = record('offer search index, every offer', round((performance.now() - ti) / 1000, 1), 's', '', `${indexed} offers`);
    }
  }
  const editionId = data.publishedEditionIds[0] as string;

  // Full matching with 1 then 2 worker processes (the API is not running meanwhile).
  const matching: Record<number, number | null> = {};
  if (!SKIP_MATCHING) {
    for (const workers of WORKERS) matching[workers] = await fullRun(db, url, editionId, workers);
  } else {
    log('matching skipped (--skip-matching)');
  }
  const [{ n: recommendations }] = (await db.query(`SELECT count(*)::int AS n FROM recommendations`)).rows;
  await standInForAutovacuum(db);

  // The API (one instance, jobs on) and one matching worker beside it for incremental matching.
  // Deployed as docs/operations.md says for instances that serve reads (matching in workers):
  // with a cap on V8's old space, which otherwise lets garbage reach several times the live set
  // before its first full collection.
  const probeFiles = join(tmpdir(), `jinan-scale-loop-${process.pid}`);
  const cluster = await startCluster(url, 1, SECRET, {
    JOBS_ENABLED: 'true',
    MATCHING_IN_API: 'false',
    NODE_OPTIONS: [API_HEAP_MIB > 0 ? `--max-old-space-size=${API_HEAP_MIB}` : '', API_NODE_OPTIONS, `--require ${PROBE}`].join(' ').trim(),
    EVENT_LOOP_PROBE_FILE: probeFiles,
  });
  // An idle Node process beside it, watched the same way: how late the machine itself runs a
  // process that does nothing (load generator, PostgreSQL and the API share the cores).
  const idle = spawn(process.execPath, ['--require', PROBE, '-e', 'setInterval(() => {}, 1 << 30)'], {
    env: { ...process.env, EVENT_LOOP_PROBE_FILE: probeFiles },
    stdio: 'ignore',
  });
  // Incremental matching needs a run to update: without one (matching skipped) no worker, whose
  // warm-up (every offer prepared: minutes of CPU at 100×) would run beside the reads measured.
  const worker = recommendations ? await startWorker(url, true) : null;
  const apiPid = await childPid(cluster.child);
  const rss = new RssSampler(apiPid);
  const base = `http://127.0.0.1:${cluster.port}`;
  const jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: 3600 } });
  const token = (userId: string) => `Bearer ${jwt.sign({ sub: userId, tv: 0 })}`;
  const bureau = token(data.bureauUserId);

  rss.phase('incremental');
  const incrementalSeconds = recommendations ? await incremental(db, base, editionId, data, bureau) : null;
  // The pass's own account (firms reached and re-scored, where the time went) is logged when the
  // pass ends: after its last commit, while the firm sees the offer from the commit of its turn
  // (IncrementalMatching.commitFirms). The reads below start once the pass is over, as before turns.
  for (let i = 0; i < 1200 && recommendations && !lastIncrementalPass; i++) await new Promise((r) => setTimeout(r, 100));
  record(
    'matching incremental (new offer visible)',
    incrementalSeconds,
    's',
    '≤ 10 s at 10×',
    recommendations ? `the worker's pass: ${lastIncrementalPass || 'not logged'}` : 'no recommendations: matching skipped',
  );

  // One search and one recommendations read first, timed alone: in the factor-10 run no
  // response of either endpoint completed within autocannon's 2 + 6 s windows.
  const first = async (path: string, auth: string) => {
    const t1 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: auth }, signal: AbortSignal.timeout(300_000) });
    await res.arrayBuffer();
    return `first answer ${res.status} in ${Math.round(performance.now() - t1)} ms`;
  };
  // A database seeded without the search index (--skip-search-index, then --reuse) is not searched
  // at all: its figures would mean nothing, and 200 searches a second over no index overloaded the
  // machine into the next phases (a 100× reuse run, 2026-12-03: search p50 34 s, 469 answers 503,
  // its backlog drained for a minute; recommendations p99 666 ms and agenda 169 ms right after).
  const searchIndexed = !SKIP_SEARCH_INDEX && (await db.query('SELECT EXISTS (SELECT 1 FROM offer_search_documents) AS indexed')).rows[0].indexed;
  const notIndexed = 'no search index (seeded with --skip-search-index): search not loaded';
  rss.phase('search');
  const firstSearch = searchIndexed ? await first(`/api/offers?q=${encodeURIComponent(data.searchTerms[0] as string)}&pageSize=20`, bureau) : 'not searched';
  const firstRecommendations = await first(`/api/events/${editionId}/recommendations?limit=20`, token(data.firmUsers[0]!.userId));
  log(`search ${firstSearch}; recommendations ${firstRecommendations}`);

  // Each search term once, in turn: none is in an instance's page cache yet (the cost of a new query).
  const uncached: number[] = [];
  for (const term of searchIndexed ? data.searchTerms.slice(1) : []) {
    const t1 = performance.now();
    const res = await fetch(`${base}/api/offers?q=${encodeURIComponent(term)}&pageSize=20`, { headers: { authorization: bureau } });
    await res.arrayBuffer();
    uncached.push(performance.now() - t1);
  }
  const searchUncachedMs = record(
    'offer search, a new query (max)',
    searchIndexed ? round(Math.max(...uncached), 0) : null,
    'ms',
    '',
    searchIndexed ? `each of ${uncached.length} other terms once: median ${round(median(uncached), 0)} ms` : notIndexed,
  );

  // Reads at a fixed 200 req/s.
  const terms = data.searchTerms;
  let k = 0;
  const search = searchIndexed
    ? await fixedRate(
        base,
        () => ({ path: `/api/offers?q=${encodeURIComponent(terms[k++ % terms.length] as string)}&pageSize=20`, auth: bureau }),
        RATE,
        SECONDS,
      )
    : null;
  const searchP95Ms = record(
    'offer search p95 @200 req/s',
    search?.p95 ?? null,
    'ms',
    '≤ 150 ms at 10×',
    search ? `${search.note}; ${firstSearch}` : notIndexed,
  );
  rss.phase('recommendations');
  const firms = data.firmUsers.map((u) => token(u.userId));
  const recs = await fixedRate(
    base,
    () => ({ path: `/api/events/${editionId}/recommendations?limit=20`, auth: firms[k++ % firms.length] as string }),
    RATE,
    SECONDS,
  );
  const recommendationsP99Ms = record('recommendations p99 @200 req/s', recs.p99, 'ms', '', `${recs.note}; ${firstRecommendations}`);
  rss.phase('agenda');
  const agendaTokens = data.agendaUsers.map((u) => token(u.userId));
  const agendaPath = `/api/events/${editionId}/agenda`;
  const agendaFrom = Date.now();
  const agenda = await fixedRate(base, () => ({ path: agendaPath, auth: agendaTokens[k++ % agendaTokens.length] as string }), RATE, SECONDS);
  const agendaP99Ms = record('agenda p99 @200 req/s', agenda.p99, 'ms', '≤ 50 ms at 10×', agenda.note);
  // Where the tail comes from: the API's own event loop and GC, against an idle process's.
  const apiLoop = eventLoopDuring(`${probeFiles}-${apiPid}.jsonl`, agendaFrom, Date.now());
  const idleLoop = eventLoopDuring(`${probeFiles}-${idle.pid}.jsonl`, agendaFrom, Date.now());
  const agendaEventLoopP99Ms = record(
    'agenda @200 req/s: API event-loop delay (median half-second p99)',
    apiLoop.p99,
    'ms',
    '',
    `max ${apiLoop.max} ms; GC ${apiLoop.gcShare} % of the time, its longest pause ${apiLoop.gcMax} ms`,
  );
  const idleEventLoopP99Ms = record('agenda @200 req/s: an idle process\u2019s event-loop delay (the same)', idleLoop.p99, 'ms', '', `max ${idleLoop.max} ms`);

  // The earlier rounds' figure: the same 200 req/s as autocannon sends it, in a burst each second.
  const agendaBurst = await burstRate(base, () => ({ path: agendaPath, auth: agendaTokens[k++ % agendaTokens.length] as string }), RATE, SECONDS);
  const agendaBurstP99Ms = record('agenda p99, 200 req/s sent as a burst each second (autocannon)', agendaBurst.p99, 'ms', '', agendaBurst.note);

  // Agenda at saturation: ours, then the bare baseline on the same users.
  const ours = await saturate(base, () => ({ path: agendaPath, auth: agendaTokens[k++ % agendaTokens.length] as string }), SECONDS);
  const agendaRateRps = record('agenda at saturation (API)', ours.rps, 'req/s', '', ours.note);
  const baseline = await startBaseline(url);
  const barePath = () => ({
    path: `/agenda/${editionId}/${data.agendaUsers[k++ % data.agendaUsers.length]!.organizationId}`,
    auth: '',
  });
  // The same fixed rate on the bare server: the floor this machine (load generator included) sets for p99.
  const bareFixed = await fixedRate(`http://127.0.0.1:${baseline.port}`, barePath, RATE, SECONDS);
  const baselineAgendaP99Ms = record('agenda p99 @200 req/s (node:http + pg baseline)', bareFixed.p99, 'ms', '', bareFixed.note);
  const bare = await saturate(`http://127.0.0.1:${baseline.port}`, barePath, SECONDS);
  record('agenda at saturation (node:http + pg baseline)', bare.rps, 'req/s', '', bare.note);
  baseline.child.kill('SIGTERM');
  const baselineRatio = record('agenda throughput ratio API / baseline', ours.rps && bare.rps ? round(ours.rps / bare.rps, 2) : null, '', '');

  // Statistics of the largest published round (each round has the same size).
  rss.phase('stats');
  const statsTimes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/events/${editionId}/stats`, { headers: { authorization: bureau } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`stats answered ${res.status}`);
    if (i > 0) statsTimes.push(performance.now() - t);
  }
  const statsMs = record('stats (median of 3 after a warm-up)', round(median(statsTimes), 0), 'ms', '≤ 1000 ms at 10×');
  // What the last computation took in the database and API: above STATS_LIVE_LIMIT_MS the reads
  // after the first are served from it (edition_stats_snapshots), so the two figures differ.
  const [kept] = (await db.query(`SELECT compute_ms FROM edition_stats_snapshots WHERE edition_id = $1`, [editionId])).rows;
  const statsComputeMs = record(
    'stats computed live (the last computation)',
    kept ? Number(kept.compute_ms) : null,
    'ms',
    '',
    kept && Number(kept.compute_ms) >= 1000 ? 'over STATS_LIVE_LIMIT_MS: reads served from it' : 'under STATS_LIVE_LIMIT_MS: every read live',
  );

  // Publishing one session of the last round (bounded: one session, not the whole round).
  const {
    rows: [session],
  } = await db.query(
    `SELECT s.id FROM programme_sessions s WHERE s.edition_id = $1
        AND EXISTS (SELECT 1 FROM bookings b JOIN meetings m ON m.id = b.meeting_id WHERE b.session_id = s.id AND m.slot_published_at IS NULL)
      ORDER BY s.starts_at LIMIT 1`,
    [data.unpublishedEditionId],
  );
  let publishSeconds: number | null = null;
  rss.phase('publish');
  if (session) {
    const tp = performance.now();
    const published = await fetch(`${base}/api/events/${data.unpublishedEditionId}/schedule/publish`, {
      method: 'POST',
      headers: { authorization: bureau, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionIds: [session.id] }),
    });
    const publishBody = await published.json();
    publishSeconds = record(
      'publish one session of the last round',
      published.status === 200 ? round((performance.now() - tp) / 1000, 2) : null,
      's',
      '',
      published.status === 200 ? `${publishBody.published} meetings` : `HTTP ${published.status}`,
    );
    // Unpublished again (their history keeps the publish rows), so that the next --reuse run
    // publishes the same session: the same size, measured again.
    await db.query(
      `UPDATE meetings m SET slot_published_at = NULL FROM bookings b
        WHERE b.meeting_id = m.id AND b.session_id = $1 AND m.status = 'scheduled'`,
      [session.id],
    );
  } else {
    // --reuse after every session of the last round was published by runs before they were unpublished again.
    record('publish one session of the last round', null, 's', '', 'no unpublished session left');
  }

  const apiPeakRssMiB = record('API peak RSS (VmHWM)', peakRssMiB(apiPid), 'MiB', '≤ 512 MiB at 10×', `highest per phase: ${rss.stop()}`);
  // The worker that applied the incremental change holds every published offer prepared.
  record(
    'matching worker peak RSS (VmHWM)',
    worker?.pid ? peakRssMiB(worker.pid) : null,
    'MiB',
    '',
    worker ? 'incremental matching: every offer prepared' : 'no worker: matching skipped',
  );
  if (recommendations) await removeIncrementalOffers(db);
  cluster.child.kill('SIGTERM');
  worker?.kill('SIGTERM');
  idle.kill('SIGTERM');
  await new Promise((r) => cluster.child.once('exit', r));
  await db.end();

  const summary = {
    factor: FACTOR,
    seedSeconds,
    searchIndexSeconds,
    matchingFullSeconds: matching[Math.max(...WORKERS)] ?? null,
    matchingWorkers: Object.fromEntries(Object.entries(matching)),
    matchingIncrementalSeconds: incrementalSeconds,
    searchP95Ms,
    searchUncachedMs,
    recommendationsP99Ms,
    agendaP99Ms,
    agendaBurstP99Ms,
    agendaEventLoopP99Ms,
    idleEventLoopP99Ms,
    baselineAgendaP99Ms,
    agendaRateRps,
    baselineRatio,
    publishSeconds,
    statsMs,
    statsComputeMs,
    apiPeakRssMiB,
    workerNice: WORKER_NICE,
    apiNodeOptions: [API_HEAP_MIB > 0 ? `--max-old-space-size=${API_HEAP_MIB}` : '', API_NODE_OPTIONS].join(' ').trim(),
    load: Object.fromEntries(rows.map((r) => [r.figure, r.load])),
  };
  process.stdout.write(
    [
      `bench:scale --factor ${FACTOR}: ${JSON.stringify(data.counts)}; fixed rate ${RATE} req/s paced × ${SECONDS} s; saturation 50 connections × ${SECONDS} s; ${new Date().toISOString()}`,
      '| figure | value | unit | target | load avg (1 min) | note |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.figure} | ${r.value ?? '—'} | ${r.unit} | ${r.target} | ${r.load} | ${r.note} |`),
      JSON.stringify(summary),
      '',
    ].join('\n'),
  );
  await server.stop();
}

/**
 * A production server's autovacuum keeps the statistics current and the dead rows reclaimed after
 * bulk writes (the seed, a full run replacing 900,000 recommendations, the passes and publishing
 * of earlier bench runs on a --reuse). This machine's PostgreSQL runs without it (CI's
 * configuration, `autovacuum = off`): there, its work is done once here, before the figures, so
 * they are measured on the state a production server is in. Without it, a reused 100× database
 * had recommendations without statistics and 187,000 dead rows.
 */
async function standInForAutovacuum(db: Client): Promise<void> {
  const [{ autovacuum }] = (await db.query('SHOW autovacuum')).rows as { autovacuum: string }[];
  if (autovacuum === 'on') return;
  const started = performance.now();
  await db.query('VACUUM (ANALYZE)');
  log(`autovacuum is off on this server: VACUUM (ANALYZE) in its place, ${round((performance.now() - started) / 1000, 1)} s`);
}

/** The last incremental pass a worker logged (what it re-scored, where its time went): the incremental figure's note. */
let lastIncrementalPass = '';
// eslint-disable-next-line no-control-regex
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

/** A full matching run with `workers` worker processes: seconds from queued to succeeded. */
async function fullRun(db: Client, url: string, editionId: string, workers: number): Promise<number | null> {
  await db.query(`DELETE FROM pgboss.job WHERE name = 'matching-shard'`).catch(() => undefined);
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url)));
  const {
    rows: [{ id: runId }],
  } = await db.query(`INSERT INTO matching_runs (edition_id, status) VALUES ($1, 'queued') RETURNING id`, [editionId]);
  const t = performance.now();
  // Planned here, as the API's matching-run job would: the shards go to pg-boss for the workers.
  const ds = await createDataSource(url, 2).initialize();
  const jobs = new JobsService({ databaseUrl: url, enabled: true, applicationName: 'bench-planner' });
  await jobs.onApplicationBootstrap();
  await new ShardedMatching(ds, {
    queue: async (tx, queued) => {
      await jobs.enqueueIn(
        tx,
        MATCHING_SHARD_JOB,
        queued.map((data) => ({ data })),
      );
      return true;
    },
  }).execute(runId);
  await jobs.beforeApplicationShutdown();
  await ds.destroy();
  const limit = Date.now() + 60 * 60_000;
  let status = 'queued';
  while (Date.now() < limit) {
    await new Promise((r) => setTimeout(r, 500));
    status = (await db.query(`SELECT status FROM matching_runs WHERE id = $1`, [runId])).rows[0].status;
    if (status === 'succeeded' || status === 'failed') break;
  }
  const seconds = round((performance.now() - t) / 1000, 1);
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  const [{ shards, firms, offers }] = (await db.query(`SELECT shards, firms, offers FROM matching_runs WHERE id = $1`, [runId])).rows;
  return record(
    `matching full run, ${workers} worker(s)`,
    status === 'succeeded' ? seconds : null,
    's',
    '2 workers faster than 1 at 100×',
    `${status}: ${firms} firms × ${offers} offers, ${shards} shards`,
  );
}

/**
 * A matching worker process, once it answers `ready` — or, `warm`, once its incremental state is
 * prepared as a long-running worker's is (the incremental figure is the steady state, not a cold
 * start); the full-run workers skip the warm-up, which would compete with their shards.
 */
function startWorker(url: string, warm = false): Promise<ChildProcess> {
  const node = [process.execPath, '-r', './apps/api/scripts/ts-register.cjs', 'apps/api/scripts/matching-worker.ts'];
  // nice(1) execs node: the same pid, and every thread (V8's GC helpers too) at that priority.
  const [command, ...args] = WORKER_NICE ? ['nice', '-n', String(WORKER_NICE), ...node] : node;
  const child = spawn(command as string, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, JWT_SECRET: SECRET, JOBS_MAINTENANCE_SECONDS: '5', MATCHING_WORKER_WARM: String(warm) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveReady, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      // An incremental pass's own account (what it re-scored, where its time went), beside the figure.
      for (const line of text.split('\n')) {
        if (!line.includes('[IncrementalMatching]')) continue;
        lastIncrementalPass = line.replace(/^.*\[IncrementalMatching\]\s*/, '').replace(ANSI_COLOUR, '');
        log(`worker: ${lastIncrementalPass}`);
      }
      if (text.includes(warm ? 'warm' : 'ready')) resolveReady(child);
    });
    child.once('exit', (code) => reject(new Error(`matching worker exited (${code})`)));
  });
}

/**
 * A new offer written for a firm, until the firm's recommendations show it: its own words, its
 * sector and first cooperation type, from a company that works in one of its languages. (Until
 * 2026-12-02 the offer was a joint venture from the first company by id: for a firm whose top
 * offers all score 97 or more — which firm comes first by id changes with each seed's random
 * ids — the offer could not reach its top 20 and the figure was missing.)
 */
async function incremental(db: Client, base: string, editionId: string, data: ScaleDataset, bureau: string): Promise<number | null> {
  const {
    rows: [firm],
  } = await db.query(
    `SELECT o.id, coalesce(o.seeks_zh, o.seeks_ja, o.seeks_en) AS seeks, o.sectors[1] AS sector, o.cooperation_types[1] AS type, o.languages FROM organizations o
      WHERE o.country = 'JP' AND EXISTS (SELECT 1 FROM recommendations r WHERE r.jp_organization_id = o.id) ORDER BY o.id LIMIT 1`,
  );
  const {
    rows: [company],
  } = await db.query(`SELECT id FROM organizations WHERE country = 'CN' AND languages && $1::text[] ORDER BY id LIMIT 1`, [firm.languages]);
  const text = String(firm.seeks).slice(0, 200);
  const t = performance.now();
  const {
    rows: [{ id: offerId }],
  } = await db.query(
    `INSERT INTO offers (organization_id, sector, cooperation_type, title_zh, title_en, summary_zh, summary_en, partner_sought, status, published_at, search_text)
     VALUES ($1, $2, $4, $3, $3, $3, $3, $3, 'published', now(), lower($3)) RETURNING id`,
    [company.id, firm.sector, text, firm.type ?? 'joint_venture'],
  );
  const deadline = Date.now() + 120_000;
  let seconds: number | null = null;
  while (seconds === null && Date.now() < deadline) {
    const res = await fetch(`${base}/api/events/${editionId}/recommendations?organizationId=${firm.id}&limit=50`, { headers: { authorization: bureau } });
    const body = await res.json();
    if ((body.offers ?? []).some((o: { offer: { id: string } }) => o.offer.id === offerId)) seconds = round((performance.now() - t) / 1000, 1);
    else await new Promise((r) => setTimeout(r, 200));
  }
  void data;
  return seconds;
}

/**
 * Removes the offers incremental() added, this run's and those of runs before this was done
 * (the same company and text: they tie with the next one, and the firm's recommendations show
 * only one of them), once the reads are measured: the next --reuse run finds the seeded data.
 */
async function removeIncrementalOffers(db: Client): Promise<void> {
  await db.query(
    `DELETE FROM offers o USING organizations f
      WHERE f.country = 'JP' AND f.id = (SELECT r.jp_organization_id FROM recommendations r ORDER BY r.jp_organization_id LIMIT 1)
        AND o.organization_id IN ((SELECT id FROM organizations WHERE country = 'CN' ORDER BY id LIMIT 1)
                                  UNION ALL (SELECT id FROM organizations WHERE country = 'CN' AND languages && f.languages ORDER BY id LIMIT 1))
        AND o.title_en = left(coalesce(f.seeks_zh, f.seeks_ja, f.seeks_en), 200)`,
  );
}

async function startBaseline(url: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-r', './apps/api/scripts/ts-register.cjs', 'apps/api/scripts/scale/baseline-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((done) => child.stdout?.once('data', (chunk: Buffer) => done(Number(chunk.toString().trim()))));
  return { port, child };
}

/** The cluster's one instance (the primary's child). */
async function childPid(primary: ChildProcess): Promise<number> {
  for (let i = 0; i < 50; i++) {
    try {
      const children = readFileSync(`/proc/${primary.pid}/task/${primary.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      if (children.length) return Number(children[0]);
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no API instance found');
}

/** The API's resident memory sampled 5 times a second, the highest per phase: which read makes the peak. */
class RssSampler {
  private current = 'start';
  private readonly highest = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(pid: number) {
    this.timer = setInterval(() => {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const mib = match ? Math.round(Number(match[1]) / 1024) : 0;
      this.highest.set(this.current, Math.max(this.highest.get(this.current) ?? 0, mib));
    }, 200);
  }

  phase(name: string): void {
    this.current = name;
  }

  stop(): string {
    clearInterval(this.timer);
    return [...this.highest].map(([name, mib]) => `${name} ${mib}`).join(', ');
  }
}

/**
 * A watched process's event loop between two instants (event-loop-probe.cjs): the median of
 * its half-second p99s, the largest delay, and the share of the time spent in GC.
 */
function eventLoopDuring(file: string, from: number, to: number): { p99: number | null; max: number | null; gcShare: number | null; gcMax: number | null } {
  if (!existsSync(file)) return { p99: null, max: null, gcShare: null, gcMax: null };
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { t: number; p99: number; max: number; gcMs: number; gcMaxMs?: number })
    .filter((l) => l.t > from + 500 && l.t <= to);
  if (!lines.length) return { p99: null, max: null, gcShare: null, gcMax: null };
  const gcMs = lines.reduce((n, l) => n + l.gcMs, 0);
  return {
    p99: round(median(lines.map((l) => l.p99)), 1),
    max: round(Math.max(...lines.map((l) => l.max)), 1),
    gcShare: round((100 * gcMs) / (lines.length * 500), 1),
    gcMax: round(Math.max(...lines.map((l) => l.gcMaxMs ?? 0)), 1),
  };
}

function peakRssMiB(pid: number): number | null {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? round(Number(match[1]) / 1024, 0) : null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
