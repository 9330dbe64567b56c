import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScorePartView } from '@jinan/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CURRENT_RUN_SQL } from './matching.service';

/** A Japanese firm × Ji'nan company pair, optionally about one offer. */
export interface MatchPair {
  jpOrganizationId: string;
  cnOrganizationId: string;
  /** null: the company's best offer for the firm. */
  offerId: string | null;
}

/**
 * Scores from the edition's current matching run, for other modules (the Ji'nan side's
 * view of incoming requests, the scheduler's meeting weights). Only each firm's top
 * offers and companies are stored, so null means "not among the firm's recommendations"
 * (or no run yet), not zero. The scores are those of the run, stale or not.
 */
@Injectable()
export class MatchScoreService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The pair's score 0–100: the offer's, or the company's best offer's when offerId is null. */
  async scoreFor(editionId: string, jpOrganizationId: string, cnOrganizationId: string, offerId: string | null): Promise<number | null> {
    const [score] = await this.scoresFor(editionId, [{ jpOrganizationId, cnOrganizationId, offerId }]);
    return score ?? null;
  }

  /**
   * scoreFor for many pairs in one query; the result is in the order of `pairs`. Inside a
   * transaction pass its manager: a second pool connection taken while the transaction
   * holds locks starves the pool under load (every connection waiting on the others).
   */
  async scoresFor(editionId: string, pairs: readonly MatchPair[], manager: EntityManager = this.db.manager): Promise<(number | null)[]> {
    if (!pairs.length) return [];
    // An offer row, or the company row whose best offer it is; without an offer, the
    // company's best score among its offer and company rows (the company row's, if any).
    const rows: { score: number | null }[] = await manager.query(
      `SELECT (SELECT max(r.score)::float8 FROM recommendations r
                WHERE r.run_id = (${CURRENT_RUN_SQL}) AND r.jp_organization_id = p.jp AND r.cn_organization_id = p.cn
                  AND (p.offer IS NULL OR r.offer_id = p.offer)) AS score
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS p(jp, cn, offer, i)
        ORDER BY p.i`,
      [editionId, pairs.map((p) => p.jpOrganizationId), pairs.map((p) => p.cnOrganizationId), pairs.map((p) => p.offerId)],
    );
    return rows.map((r) => r.score);
  }

  /**
   * The parts (with their reasons) of the row scoreFor reads, strongest first, at most
   * `top` of them; [] where the run has no row for the pair. In the order of `pairs`.
   */
  async partsFor(editionId: string, pairs: readonly MatchPair[], top = 3, manager: EntityManager = this.db.manager): Promise<ScorePartView[][]> {
    if (!pairs.length) return [];
    const rows: { parts: ScorePartView[] | null }[] = await manager.query(
      `SELECT (SELECT r.parts FROM recommendations r
                WHERE r.run_id = (${CURRENT_RUN_SQL}) AND r.jp_organization_id = p.jp AND r.cn_organization_id = p.cn
                  AND (p.offer IS NULL OR r.offer_id = p.offer)
                ORDER BY r.score DESC LIMIT 1) AS parts
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS p(jp, cn, offer, i)
        ORDER BY p.i`,
      [editionId, pairs.map((p) => p.jpOrganizationId), pairs.map((p) => p.cnOrganizationId), pairs.map((p) => p.offerId)],
    );
    return rows.map((r) =>
      (r.parts ?? [])
        .filter((part) => part.points > 0)
        .sort((a, b) => b.points - a.points)
        .slice(0, top),
    );
  }
}
