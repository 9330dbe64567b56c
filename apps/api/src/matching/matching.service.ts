import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MatchingRunView, RecommendationQueryDto, RecommendationsView, RECOMMENDATIONS_LIMIT_DEFAULT } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { LOCK_SPACE } from '../jobs/advisory-lock';
import { RunLifecycle } from '../jobs/run-lifecycle';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { ChangeAwareCache } from '../common/change-feed/change-aware-cache';
import { ChangeFeed } from '../common/change-feed/change-feed';
import { HotReads } from '../common/hot-reads/hot-reads';
import { EditionCache } from '../editions/edition-cache';
import { loadEdition } from '../editions/editions';
import { MatchingShardWorker } from './matching-shard-worker';
import { currentRun, CurrentRunRow, recommendationsOf } from './matching.queries';
import { ShardedMatching } from './sharded-matching';
export { TOP_COMPANIES, TOP_OFFERS } from './engine-adapter';

interface RunRow {
  id: string;
  edition_id: string;
  status: MatchingRunView['status'];
  progress: number;
  algorithm_version: string | null;
  weights_version: string | null;
  input_at: Date | null;
  firms: number | null;
  offers: number | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

@Injectable()
export class MatchingService {
  private readonly runs: RunLifecycle<RunRow>;
  private readonly sharded: ShardedMatching;
  /** Each edition's current run (id, versions, changes_through), per instance while the change feed is live. */
  private readonly currentRuns?: ChangeAwareCache<CurrentRunRow | undefined>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    // Optional for callers outside Nest (seeds, benches): they execute runs in-process.
    @Optional() worker?: MatchingShardWorker,
    // Optional likewise: outside Nest, every read goes to the database.
    @Optional() private readonly editions?: EditionCache,
    @Optional() feed?: ChangeFeed,
    // The API's prepared reads; outside it (the worker, seeds, benches) recommendations are read on `db`.
    @Optional() private readonly hot?: HotReads,
  ) {
    // The current run changes when a run finishes or an incremental pass moves on (`matching:<edition>`).
    this.currentRuns = feed && new ChangeAwareCache(feed, { kind: 'matching', maxEntries: 1000, ttlMs: 5 * 60_000 });
    this.sharded = worker?.sharded ?? new ShardedMatching(db);
    this.runs = new RunLifecycle<RunRow>(db, { table: 'matching_runs', lockSpace: LOCK_SPACE.matchingRun, label: 'matching run', claimProgress: 5 });
  }

  /** Queues a run; the database refuses a second one while one is queued or running. */
  async createRun(caller: AuthUser, editionId: string): Promise<MatchingRunView> {
    await this.assertEdition(editionId);
    const id = await this.db.transaction(async (tx) => {
      const runId = await this.runs.queue(tx, { edition_id: editionId, requested_by: caller.id });
      await this.audit.record(tx, { actorId: caller.id, action: 'matching.run', entity: 'matching_run', entityId: runId, editionId });
      return runId;
    });
    return this.getRun(editionId, id);
  }

  async getRun(editionId: string, runId: string): Promise<MatchingRunView> {
    const row = await this.runs.find(editionId, runId);
    if (!row) throw new DomainError('MATCHING_RUN_NOT_FOUND', `no matching run ${runId} in edition ${editionId}`);
    return runView(row);
  }

  /** Runs queued, or left running by an instance that died (nobody holds their lock). */
  unfinishedRuns(): Promise<string[]> {
    return this.runs.unfinished();
  }

  /**
   * Executes a queued run as shard jobs (see ShardedMatching): queued through pg-boss when
   * it runs here, else executed in this process. Idempotent: a finished run is left alone,
   * an interrupted one has its unfinished shards queued again.
   */
  executeRun(runId: string): Promise<void> {
    return this.sharded.execute(runId);
  }

  /**
   * A firm's ranked offers and companies from the edition's current run, as a serialised
   * RecommendationsView. A Japanese firm sees its own only; the bureau names the firm. Offers
   * withdrawn since the run are left out, and `stale` says the run no longer reflects the
   * profiles and offers. The lists are PostgreSQL's JSON text, sent as they are (RECOMMENDATIONS_SQL).
   */
  async recommendations(caller: AuthUser, editionId: string, query: RecommendationQueryDto): Promise<RecommendationsJson> {
    await this.assertEdition(editionId);
    const organizationId = recommendationsFirm(caller, query.organizationId);
    const limit = query.limit ?? RECOMMENDATIONS_LIMIT_DEFAULT;
    const readRun = () => currentRun(this.db.manager, editionId);
    const run = await (this.currentRuns ? this.currentRuns.get(editionId, '', readRun) : readRun());
    if (!run) {
      return recommendationsJson(
        { editionId, organizationId, runId: null, computedAt: null, inputAt: null, algorithmVersion: null, weightsVersion: null, stale: false },
        '[]',
        '[]',
      );
    }
    // The incremental job applies changes within seconds and moves changes_through on.
    const { offers, companies, stale } = await recommendationsOf(
      this.db.manager,
      this.hot,
      { id: run.id, changesThrough: run.changes_through },
      organizationId,
      limit,
    );
    const head = {
      editionId,
      organizationId,
      runId: run.id,
      computedAt: run.finished_at.toISOString(),
      inputAt: run.input_at?.toISOString() ?? null,
      algorithmVersion: run.algorithm_version,
      weightsVersion: run.weights_version,
      stale,
    };
    return recommendationsJson(head, offers, companies);
  }

  private async assertEdition(editionId: string): Promise<void> {
    await (this.editions ? this.editions.get(editionId) : loadEdition(this.db, editionId));
  }
}

/** A RecommendationsView as JSON text (what the endpoint sends). */
export type RecommendationsJson = string & { readonly view?: RecommendationsView };

/** The view's JSON: `head` serialised, the lists (JSON text of RecommendedOfferView[] and RecommendedCompanyView[]) as they are. */
export function recommendationsJson(head: Omit<RecommendationsView, 'offers' | 'companies'>, offers: string, companies: string): RecommendationsJson {
  return `${JSON.stringify(head).slice(0, -1)},"offers":${offers},"companies":${companies}}`;
}

/** Whose recommendations the caller reads: a Japanese firm its own only; the bureau names the firm. */
export function recommendationsFirm(caller: AuthUser, requested: string | undefined): string {
  if (caller.role === 'bureau') {
    if (requested) return requested;
    throw new DomainError('MATCHING_ORGANIZATION_REQUIRED', 'organizationId is required for the bureau', [
      { field: 'organizationId', messages: ['organizationId is required'] },
    ]);
  }
  if (caller.role !== 'jp' || !caller.organizationId || (requested && requested !== caller.organizationId)) {
    throw new DomainError('MATCHING_NOT_YOUR_FIRM', 'a firm sees its own recommendations only');
  }
  return caller.organizationId;
}

function runView(r: RunRow): MatchingRunView {
  return {
    id: r.id,
    editionId: r.edition_id,
    status: r.status,
    progress: r.progress,
    algorithmVersion: r.algorithm_version,
    weightsVersion: r.weights_version,
    inputAt: r.input_at?.toISOString() ?? null,
    firms: r.firms,
    offers: r.offers,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
