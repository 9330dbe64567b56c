import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScorePartView } from '@jinan/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { OfferMatch, PreparedOffers } from '@jinan/matching';
import { prepareOffers, scorePair } from '@jinan/matching';
import { loadFirms, loadOffers } from './matching-input';
import { corpusStamp, runParts, runScores } from './matching.queries';

/** A Japanese firm × Ji'nan company pair, optionally about one offer. */
export interface MatchPair {
  jpOrganizationId: string;
  cnOrganizationId: string;
  /** null: the company's best offer for the firm. */
  offerId: string | null;
}

/**
 * Scores for other modules (the Ji'nan side's view of incoming requests, the scheduler's
 * meeting weights): the edition's current matching run's where it has the pair (stale or not),
 * otherwise scored on demand with the engine (scorePair over the offers matching scores now),
 * so a request's score exists from the moment it is made, for every pair of a verified firm
 * and a company with a published offer. On demand has no run's demand, so its spread part is
 * full (what a run gives an uncrowded offer). null only when there is nothing to score.
 */
@Injectable()
export class MatchScoreService {
  private corpus?: { stamp: string; prepared: PreparedOffers };

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
    return this.fillFromEngine(pairs, await runScores(manager, editionId, pairs), (m) => m.score, manager);
  }

  /**
   * The parts (with their reasons) of the row scoreFor reads, strongest first, at most
   * `top` of them; [] where the run has no row for the pair. In the order of `pairs`.
   */
  async partsFor(editionId: string, pairs: readonly MatchPair[], top = 3, manager: EntityManager = this.db.manager): Promise<ScorePartView[][]> {
    if (!pairs.length) return [];
    const parts = await this.fillFromEngine(pairs, await runParts(manager, editionId, pairs), (m) => m.parts as ScorePartView[], manager);
    return parts.map((p) =>
      (p ?? [])
        .filter((part) => part.points > 0)
        .sort((a, b) => b.points - a.points)
        .slice(0, top),
    );
  }

  /** Fills the pairs the run has nothing for (null) with the engine's score of the pair now. */
  private async fillFromEngine<T>(
    pairs: readonly MatchPair[],
    values: (T | null)[],
    pick: (match: OfferMatch) => T,
    manager: EntityManager,
  ): Promise<(T | null)[]> {
    const missing = pairs.map((_, i) => i).filter((i) => values[i] === null);
    if (missing.length === 0) return values;
    const scored = await this.onDemand(
      missing.map((i) => pairs[i] as MatchPair),
      manager,
    );
    missing.forEach((i, k) => {
      const match = scored[k];
      values[i] = match ? pick(match) : null;
    });
    return values;
  }

  /** The engine's score of each pair now (the company's best offer when offerId is null); undefined when nothing to score. */
  private async onDemand(pairs: readonly MatchPair[], manager: EntityManager): Promise<(OfferMatch | undefined)[]> {
    const prepared = await this.preparedOffers(manager);
    const ids = [...new Set(pairs.map((p) => p.jpOrganizationId))];
    const firms = new Map((await loadFirms(manager, ids)).map((f) => [f.id, f]));
    return pairs.map((pair) => {
      const firm = firms.get(pair.jpOrganizationId);
      if (!firm) return undefined;
      const offerIds = prepared.offers
        .filter((o) => o.organizationId === pair.cnOrganizationId && (pair.offerId === null || o.id === pair.offerId))
        .map((o) => o.id);
      let best: OfferMatch | undefined;
      for (const id of offerIds) {
        const match = scorePair(firm, id, prepared);
        if (!best || match.score > best.score) best = match;
      }
      return best;
    });
  }

  /** The offers matching scores, prepared once and again only when an offer or company changes. */
  private async preparedOffers(manager: EntityManager): Promise<PreparedOffers> {
    const stamp = await corpusStamp(manager);
    if (this.corpus?.stamp !== stamp) {
      this.corpus = { stamp, prepared: prepareOffers(await loadOffers(manager)) };
    }
    return this.corpus.prepared;
  }
}
