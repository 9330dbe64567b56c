import type { MatchingOffer, PreparedOffers } from '@jinan/matching';
import { prepareOffers } from '@jinan/matching';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOCK_SPACE, withTryAdvisoryLock } from '../jobs/advisory-lock';
import { FirmIndex, scoreFirms } from './engine-adapter';
import { loadFirms, loadOffers } from './matching-input';
import { insertRecommendations } from './recommendation-writer';

/** Changes taken per pass: bounds one pass's transaction. */
const BATCH = 500;

export interface IncrementalResult {
  changes: number;
  /** The firms re-scored, by id (sorted). */
  firms: string[];
}

interface PreparedState {
  key: string;
  firmKey: string;
  offers: PreparedOffers;
  byId: Map<string, MatchingOffer>;
  firms: FirmIndex;
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

  constructor(private readonly db: DataSource) {}

  /**
   * Prepares the state a pass needs (the dictionaries, every published offer, the firm index)
   * before the first change does: a worker's first pass otherwise pays for all of it.
   */
  async warm(): Promise<void> {
    await this.prepared();
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
    const runs: CurrentRun[] = await this.db.query(
      `SELECT DISTINCT ON (edition_id) id, edition_id, changes_through, demand FROM matching_runs WHERE status = 'succeeded' ORDER BY edition_id, finished_at DESC`,
    );
    if (!runs.length) return { changes: 0, firms: [] };
    const from = runs.reduce((m, r) => (BigInt(r.changes_through) < m ? BigInt(r.changes_through) : m), BigInt(runs[0]!.changes_through));
    const changes: { id: string; kind: 'offer' | 'company' | 'firm'; entity_id: string }[] = await this.db.query(
      `SELECT id, kind, entity_id FROM matching_changes WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [from.toString()],
    );
    if (!changes.length) return { changes: 0, firms: [] };
    const t0 = performance.now();
    const upTo = changes[changes.length - 1]!.id;

    const affected = new Set(changes.filter((c) => c.kind === 'firm').map((c) => c.entity_id));
    const companies = changes.filter((c) => c.kind === 'company').map((c) => c.entity_id);
    const offerIds = new Set(changes.filter((c) => c.kind === 'offer').map((c) => c.entity_id));
    if (companies.length) {
      for (const r of await this.db.query(`SELECT id FROM offers WHERE organization_id = ANY($1::uuid[])`, [companies])) offerIds.add(r.id);
    }
    let prepared: PreparedOffers | undefined;
    if (offerIds.size) {
      // Offers or companies changed: prepared again whatever the stamps say (a change made in
      // SQL need not move updated_at; matching_changes saw it through its triggers).
      const state = await this.prepared(true);
      prepared = state.offers;
      for (const id of offerIds) {
        const offer = state.byId.get(id);
        if (offer) for (const firm of state.firms.firmsFor(offer)) affected.add(firm);
      }
      // Firms that show the offer or company now: a withdrawn or changed offer may leave their top.
      const showing = await this.db.query(
        `SELECT DISTINCT jp_organization_id AS id FROM recommendations
          WHERE run_id = ANY($1::uuid[]) AND (offer_id = ANY($2::uuid[]) OR cn_organization_id = ANY($3::uuid[]))`,
        [runs.map((r) => r.id), [...offerIds], companies],
      );
      for (const r of showing) affected.add(r.id);
    }
    const firmIds = [...affected].sort();
    if (firmIds.length) prepared ??= (await this.prepared()).offers;
    const firms = firmIds.length ? await loadFirms(this.db.manager, firmIds) : [];
    const t1 = performance.now();

    await this.db.transaction(async (tx) => {
      for (const run of runs) {
        if (BigInt(run.changes_through) >= BigInt(upTo)) continue;
        if (firmIds.length) {
          const scored = scoreFirms(firms, prepared as PreparedOffers, run.demand ?? {});
          await tx.query(`DELETE FROM recommendations WHERE run_id = $1 AND jp_organization_id = ANY($2::uuid[])`, [run.id, firmIds]);
          await insertRecommendations(tx, run.edition_id, run.id, scored);
        }
        await tx.query(`UPDATE matching_runs SET changes_through = $2 WHERE id = $1`, [run.id, upTo]);
      }
      // Changes every current run has taken are done with.
      await tx.query(`DELETE FROM matching_changes WHERE id <= (SELECT min(changes_through) FROM matching_runs WHERE id = ANY($1::uuid[]))`, [
        runs.map((r) => r.id),
      ]);
    });
    this.logger.log(
      `${changes.length} change(s): ${firmIds.length} firm(s) re-scored in ${Math.round(performance.now() - t0)} ms (read ${Math.round(t1 - t0)} ms)`,
    );
    return { changes: changes.length, firms: firmIds };
  }

  /**
   * Every published offer prepared, and the firm index; rebuilt when an offer or a firm
   * changed since (the keys are their count and latest update), and the offers always when
   * `offersChanged`: the pending changes name offers or companies, which the stamp misses when
   * the change was a company's (an offer is prepared with its company's sectors and
   * languages) or made in SQL without touching updated_at.
   */
  private async prepared(offersChanged = false): Promise<PreparedState> {
    const [{ key, firm_key }] = await this.db.query(
      `SELECT (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM offers) AS key,
              (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM organizations WHERE country = 'JP') AS firm_key`,
    );
    const cached = this.cache;
    if (cached && !offersChanged && cached.key === key && cached.firmKey === firm_key) return cached;
    const offers = await loadOffers(this.db.manager);
    const firms = cached && cached.firmKey === firm_key ? cached.firms : new FirmIndex(await loadFirms(this.db.manager));
    this.cache = { key, firmKey: firm_key, offers: prepareOffers(offers), byId: new Map(offers.map((o) => [o.id, o])), firms };
    return this.cache;
  }
}
