import type { MatchingFirm, MatchingOffer, PreparedOffers, ShownResults } from '@jinan/matching';
import { offerCanMoveFirm, offerFitEstimate, oldOfferCanMoveFirm, patchPreparedOffers, prepareOffers } from '@jinan/matching';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOCK_SPACE, withTryAdvisoryLock } from '../jobs/advisory-lock';
import { FirmIndex, TOP_COMPANIES, TOP_OFFERS, scoreFirms } from './engine-adapter';
import { loadFirms, loadOffers } from './matching-input';
import { commitTurns } from './incremental-turns';
import { insertRecommendations } from './recommendation-writer';

/** Changes taken per pass: bounds one pass's transaction. */
const BATCH = 500;
/** Firms the first commit of a pass holds (IncrementalMatching.commitFirms): ~1 s of scoring at 100×, ~0.2 s at 10×. */
const COMMIT_FIRMS = 50;

export interface IncrementalResult {
  changes: number;
  /** The firms re-scored, by id (sorted). */
  firms: string[];
}

/**
 * Every published offer prepared (patchable) and the firm index, as of every change of the feed
 * up to `through` (and maybe some later: a change is applied again from the rows as they are now,
 * which gives the same state).
 */
interface PreparedState {
  through: bigint;
  offers: PreparedOffers;
  /** The offers `offers` was patched from: the next patch writes over their arrays. */
  retired?: PreparedOffers;
  firms: FirmIndex;
  /**
   * The offers before this pass's patch (`retired`, intact until the next patch), or undefined when
   * this pass read everything afresh: then the offers' old versions are unknown.
   */
  before?: PreparedOffers;
}

interface CurrentRun {
  id: string;
  edition_id: string;
  changes_through: string;
  demand: Record<string, number> | null;
}

/**
 * Applies offer, company and firm-profile changes (matching_changes, filled by triggers)
 * to the current results of every edition without a full run:
 * - a changed offer re-scores the firms whose words or concepts it shares (the firm
 *   index) and the firms that have it among their results now (it may drop out);
 * - a changed company counts as a change of each of its offers;
 * - a changed firm profile re-scores that firm alone.
 * The re-scored firms keep the run's demand (the spread part): a full run recounts it.
 * Then changes_through moves on, so those firms are no longer stale. One pass at a time
 * across instances (advisory lock).
 */
export class IncrementalMatching {
  private readonly logger = new Logger('IncrementalMatching');
  private cache?: PreparedState;

  /**
   * Firms whose new results the first turn commits (each next turn twice as many). A pass that
   * re-scores many firms (at 100× an offer with a word no other offer has moved 1,245, 25 s of
   * scoring) commits them in turns, the firms the offer matches best first, so they see it within
   * the first turn's time; the runs move past the change only after the last turn.
   */
  private readonly commitFirms: number;

  constructor(
    private readonly db: DataSource,
    options: { commitFirms?: number } = {},
  ) {
    this.commitFirms = Math.max(1, options.commitFirms ?? COMMIT_FIRMS);
  }

  /**
   * Prepares the state a pass needs (the dictionaries, every published offer, the firm index)
   * before the first change does: a worker's first pass otherwise pays for all of it.
   */
  async warm(): Promise<void> {
    const runs = await this.currentRuns();
    if (runs.length) await this.stateAt(feedPosition(runs), [], []);
  }

  /** One pass; null when another process holds the pass. */
  async applyPending(): Promise<IncrementalResult | null> {
    let result: IncrementalResult | null = null;
    await withTryAdvisoryLock(this.db, LOCK_SPACE.incrementalMatching, 'incremental', async () => {
      result = await this.apply();
    });
    return result;
  }

  private async apply(): Promise<IncrementalResult> {
    const runs = await this.currentRuns();
    if (!runs.length) return { changes: 0, firms: [] };
    const from = feedPosition(runs);
    const changes: { id: string; kind: 'offer' | 'company' | 'firm'; entity_id: string }[] = await this.db.query(
      `SELECT id, kind, entity_id FROM matching_changes WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [from.toString()],
    );
    if (!changes.length) return { changes: 0, firms: [] };
    const t0 = performance.now();
    const upTo = changes[changes.length - 1]!.id;

    const changedFirms = [...new Set(changes.filter((c) => c.kind === 'firm').map((c) => c.entity_id))];
    const companies = changes.filter((c) => c.kind === 'company').map((c) => c.entity_id);
    const offerIds = new Set(changes.filter((c) => c.kind === 'offer').map((c) => c.entity_id));
    if (companies.length) {
      for (const r of await this.db.query(`SELECT id FROM offers WHERE organization_id = ANY($1::uuid[])`, [companies])) offerIds.add(r.id);
    }
    const state = await this.stateAt(from, [...offerIds], changedFirms);
    const prepared = state.offers;
    const tState = performance.now();
    // Re-scored in every run: changed profiles, and the firms that show a changed offer or company
    // now (a withdrawn or changed offer may leave their top).
    const always = new Set(changedFirms);
    // Reached by a changed offer's words (the firm index): re-scored in a run only where the offer
    // can move the firm's results there (screenReached).
    const reached = new Set<string>();
    if (offerIds.size) {
      for (const id of offerIds) {
        for (const offers of [prepared, state.before]) {
          const position = offers?.positionById.get(id);
          if (offers && position !== undefined) for (const firm of state.firms.firmsFor(offers.offers[position] as MatchingOffer)) reached.add(firm);
        }
      }
      const showing = await this.db.query(
        `SELECT DISTINCT jp_organization_id AS id FROM recommendations
          WHERE run_id = ANY($1::uuid[]) AND (offer_id = ANY($2::uuid[]) OR cn_organization_id = ANY($3::uuid[]))`,
        [runs.map((r) => r.id), [...offerIds], companies],
      );
      for (const r of showing) always.add(r.id);
    }
    for (const id of always) reached.delete(id);
    // The profiles as the firm index holds them: what loadFirms would read now (the index takes
    // every firm change of the feed up to this pass's last), without reading 2,000 rows again.
    const firms = new Map<string, MatchingFirm>();
    for (const id of new Set([...always, ...reached])) {
      const profile = state.firms.profile(id);
      if (profile) firms.set(id, profile);
    }
    // The reached firms in the order their results are committed: those the changed offers match best first.
    const candidates = byFitEstimate(
      [...reached].filter((id) => firms.has(id)),
      firms,
      prepared,
      [...offerIds],
    );
    const t1 = performance.now();
    const timing = { screening: 0, scoring: 0, writing: 0 };
    const scoredFirms = new Set<string>();

    // Per run, in turns (commitTurns): the firms showing a changed offer or company, then the
    // reached ones the screen keeps, screened as the turns need them.
    const plan = runs.filter((run) => BigInt(run.changes_through) < BigInt(upTo));
    for (const run of plan) {
      const screen = (slice: readonly string[]) => this.screenReached(state, run, [...offerIds], slice, firms);
      for await (const chunk of commitTurns([...always].sort(), candidates, screen, { first: this.commitFirms, timing })) {
        const tScore = performance.now();
        const scored = scoreFirms(
          chunk.map((id) => firms.get(id)).filter((f): f is MatchingFirm => f !== undefined),
          prepared,
          run.demand ?? {},
        );
        timing.scoring += performance.now() - tScore;
        const tWrite = performance.now();
        // Each firm's rows are replaced in one transaction: a reader sees its old list or its new one.
        await this.db.transaction(async (tx) => {
          await tx.query(`DELETE FROM recommendations WHERE run_id = $1 AND jp_organization_id = ANY($2::uuid[])`, [run.id, chunk]);
          await insertRecommendations(tx, run.edition_id, run.id, scored);
        });
        timing.writing += performance.now() - tWrite;
        for (const id of chunk) scoredFirms.add(id);
      }
    }
    // Only once every firm is written do the runs move on (a pass cut short is made again whole).
    await this.db.transaction(async (tx) => {
      for (const run of plan) await tx.query(`UPDATE matching_runs SET changes_through = $2 WHERE id = $1`, [run.id, upTo]);
      // Changes every current run has taken are done with.
      await tx.query(`DELETE FROM matching_changes WHERE id <= (SELECT min(changes_through) FROM matching_runs WHERE id = ANY($1::uuid[]))`, [
        runs.map((r) => r.id),
      ]);
    });
    state.through = BigInt(upTo);
    const firmIds = [...scoredFirms].sort();
    this.logger.log(
      `${changes.length} change(s): ${firmIds.length} firm(s) re-scored (${reached.size} reached by words, screened) in ${Math.round(performance.now() - t0)} ms ` +
        `(offers and firms patched ${Math.round(tState - t0)} ms, firms found and read ${Math.round(t1 - tState)} ms, screening ${Math.round(timing.screening)} ms, ` +
        `scoring ${Math.round(timing.scoring)} ms, writing ${Math.round(timing.writing)} ms)`,
    );
    return { changes: changes.length, firms: firmIds };
  }

  /**
   * Of `reached`, the firms some changed offer can move in the run, in their order
   * (offerCanMoveFirm against what the run shows the firm, and for an offer changed or
   * withdrawn, oldOfferCanMoveFirm as it was). The rest keep their results, as every firm the
   * change does not reach does: scoring them again would change their scores only by the drift
   * of term rarity. Measured at 100×: an offer with a firm's own words reached 763 firms, each
   * 25–38 ms to score over 300,000 offers. When the offers' old versions are unknown (this pass
   * read everything afresh), every reached firm is re-scored.
   */
  private async screenReached(
    state: PreparedState,
    run: CurrentRun,
    offerIds: readonly string[],
    reached: readonly string[],
    firms: ReadonlyMap<string, MatchingFirm>,
  ): Promise<string[]> {
    const { before, offers: now } = state;
    if (!before || !reached.length) return [...reached];
    const shown = await shownResults(this.db, [run], reached);
    return reached.filter((id) => {
      const firm = firms.get(id) as MatchingFirm;
      const results = shown.get(`${run.id}|${id}`) ?? NOTHING_SHOWN;
      return offerIds.some((offerId) => {
        const d = now.positionById.get(offerId);
        const old = before.positionById.get(offerId);
        return (
          (d !== undefined && offerCanMoveFirm(firm, now, d, results, run.demand?.[offerId] ?? 0)) ||
          (old !== undefined && oldOfferCanMoveFirm(firm, before, old, results))
        );
      });
    });
  }

  private currentRuns(): Promise<CurrentRun[]> {
    return this.db.query(
      `SELECT DISTINCT ON (edition_id) id, edition_id, changes_through, demand FROM matching_runs WHERE status = 'succeeded' ORDER BY edition_id, finished_at DESC`,
    );
  }

  /**
   * The prepared state with the pending changes from `from` on applied: the offers and firms
   * they name read again and patched in (only those: at 100× preparing every offer again took
   * half a minute a pass) — when the state this process holds is at `from`. Otherwise (the first
   * pass, a pass another process made meanwhile, a new run that took changes this state did not
   * see) everything is read and prepared afresh: the rows as they are now include every change.
   */
  private async stateAt(from: bigint, offerIds: readonly string[], firmIds: readonly string[]): Promise<PreparedState> {
    const cached = this.cache;
    if (cached && cached.through === from) {
      if (offerIds.length) {
        const rows = await loadOffers(this.db.manager, offerIds);
        const current = new Set(rows.map((o) => o.id));
        const removed = offerIds.filter((id) => !current.has(id) && cached.offers.positionById.has(id));
        const patched = patchPreparedOffers(cached.offers, rows, removed, cached.retired);
        cached.retired = cached.offers;
        cached.before = cached.offers;
        cached.offers = patched;
      } else {
        cached.before = undefined;
      }
      if (firmIds.length) {
        const rows = await loadFirms(this.db.manager, firmIds);
        const current = new Set(rows.map((f) => f.id));
        cached.firms.update(
          rows,
          firmIds.filter((id) => !current.has(id)),
        );
      }
      return cached;
    }
    this.cache = undefined;
    const fresh = prepareOffers(await loadOffers(this.db.manager), undefined, true);
    // Two patches that change nothing (their result is the fresh one's, see patchPreparedOffers):
    // the state and the retired arrays the next patch writes over are then both patch outputs,
    // with room to grow (the fresh arrays have none). Without, the first change after a (re)load
    // allocated its arrays afresh: at 300,000 offers 11 s instead of 3–4 (kernel zeroing pages,
    // full collections).
    const spare = patchPreparedOffers(fresh, [], []);
    const offers = patchPreparedOffers(spare, [], []);
    const firms = new FirmIndex(await loadFirms(this.db.manager));
    this.cache = { through: from, offers, retired: spare, firms, before: undefined };
    return this.cache;
  }
}

/** `firmIds` by the changed offers' estimated score for them (offerFitEstimate, the best of them), highest first; ties by id. */
function byFitEstimate(firmIds: readonly string[], firms: ReadonlyMap<string, MatchingFirm>, prepared: PreparedOffers, offerIds: readonly string[]): string[] {
  const positions = offerIds.map((id) => prepared.positionById.get(id)).filter((d): d is number => d !== undefined);
  const estimate = new Map(
    firmIds.map((id) => {
      const firm = firms.get(id);
      return [id, firm ? Math.max(0, ...positions.map((d) => offerFitEstimate(firm, prepared, d))) : 0];
    }),
  );
  return [...firmIds].sort((a, b) => (estimate.get(b) as number) - (estimate.get(a) as number) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The feed position every current run has taken changes through (the least). */
function feedPosition(runs: readonly CurrentRun[]): bigint {
  return runs.reduce((m, r) => (BigInt(r.changes_through) < m ? BigInt(r.changes_through) : m), BigInt(runs[0]!.changes_through));
}

/** A firm with no stored results: its lists are not full, so every offer may move it. */
const NOTHING_SHOWN: ShownResults = { offerIds: [], companyIds: [], lastOfferCents: -1, lastCompanyCents: -1 };

/** What each run shows each of these firms now, with their feedback words where kept, keyed `run|firm`. */
async function shownResults(db: DataSource, runs: readonly CurrentRun[], firmIds: readonly string[]): Promise<Map<string, ShownResults>> {
  const rows: {
    run: string;
    firm: string;
    kind: 'offer' | 'company';
    company: string;
    offer: string;
    offer_ids: string[] | null;
    cents: number;
    full: boolean;
  }[] = await db.query(
    `SELECT run_id AS run, jp_organization_id AS firm, kind, cn_organization_id AS company, offer_id AS offer, offer_ids,
              (score * 100)::int AS cents,
              count(*) OVER (PARTITION BY run_id, jp_organization_id, kind) >= CASE kind WHEN 'offer' THEN $3::int ELSE $4::int END AS full
         FROM recommendations WHERE run_id = ANY($1::uuid[]) AND jp_organization_id = ANY($2::uuid[])
        ORDER BY run_id, jp_organization_id, kind, rank`,
    [runs.map((r) => r.id), firmIds, TOP_OFFERS, TOP_COMPANIES],
  );
  const shown = new Map<string, { offerIds: string[]; companyIds: string[]; lastOfferCents: number; lastCompanyCents: number; feedbackTerms?: string[] }>();
  for (const r of rows) {
    const key = `${r.run}|${r.firm}`;
    let s = shown.get(key);
    if (!s) {
      s = { offerIds: [], companyIds: [], lastOfferCents: -1, lastCompanyCents: -1 };
      shown.set(key, s);
    }
    s.offerIds.push(r.offer, ...(r.offer_ids ?? []));
    // Rows come in rank order: the last one of a full list is its last place.
    if (r.kind === 'offer') s.lastOfferCents = r.full ? r.cents : -1;
    else {
      s.companyIds.push(r.company);
      s.lastCompanyCents = r.full ? r.cents : -1;
    }
  }
  const kept: { run: string; firm: string; terms: string[] }[] = await db.query(
    `SELECT run_id AS run, jp_organization_id AS firm, terms FROM firm_feedback_terms WHERE run_id = ANY($1::uuid[]) AND jp_organization_id = ANY($2::uuid[])`,
    [runs.map((r) => r.id), firmIds],
  );
  for (const k of kept) {
    const s = shown.get(`${k.run}|${k.firm}`);
    if (s) s.feedbackTerms = k.terms;
  }
  return shown;
}
