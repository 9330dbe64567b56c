import type { MatchingFirm, MatchingOffer, MatchingRun, PreparedOffers } from '@jinan/matching';
import { firmDemand, firmTerms, offerTerms, scoreAll } from '@jinan/matching';

/** Stored per firm: the top offers and the top companies (PRODUCT.md §7: only what is shown). */
export const TOP_OFFERS = 20;
export const TOP_COMPANIES = 10;

/**
 * What the distributed and incremental matching need of the pure engine, in one place.
 * Demand (how many firms have an offer in their first-pass pool) is additive over firms,
 * so a run sharded by firm sums its shards' demand and scores every shard with the total:
 * the result equals one scoreAll over every firm.
 */
export function scoreFirms(firms: readonly MatchingFirm[], prepared: PreparedOffers, demand?: Readonly<Record<string, number>>): MatchingRun {
  return scoreAll(firms, prepared, { topK: TOP_OFFERS, topCompanies: TOP_COMPANIES, feedbackTerms: true, ...(demand ? { demand } : {}) });
}

/** One shard's contribution to the run's demand: the engine's first pass only (no ranking or reasons to throw away). */
export function shardDemand(firms: readonly MatchingFirm[], prepared: PreparedOffers): Record<string, number> {
  return firmDemand(firms, prepared);
}

export function sumDemand(parts: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const part of parts) for (const [id, n] of Object.entries(part)) total[id] = (total[id] ?? 0) + n;
  return total;
}

/**
 * An inverted index term → firms over the engine's firmTerms (words and concepts of what
 * a firm seeks, lone Han characters left out): the firms an offer's terms (offerTerms)
 * reach are the ones a change of that offer can move.
 * - A term at most `commonShare` of the firms use (or 50) reaches every firm that uses it.
 * - A term more firms use reaches them only through a ranking: each firm sums the rarity
 *   (log(firms / firms using the term)) of the common terms it shares with the offer, and
 *   the `closest` firms with the largest sum are re-scored too. Boilerplate ("cooperation",
 *   "company") weighs almost nothing there; without the cut every offer change re-scored
 *   every firm (measured at 1×: 300 of 300). Dropping the common terms outright (before
 *   2026-12-02) lost the firms an offer was written for whenever their words were a popular
 *   topic's (at 10× an offer with a firm's own text reached 76 other firms, not that one).
 */
export class FirmIndex {
  private readonly firmsByTerm = new Map<string, string[]>();
  /** Each firm's terms, to take them out again when its profile changes. */
  private readonly termsByFirm = new Map<string, string[]>();
  /** Each firm's profile as last taken in: what loadFirms reads while the index follows the change feed. */
  private readonly profiles = new Map<string, MatchingFirm>();
  private common = 0;

  constructor(
    firms: readonly MatchingFirm[],
    private readonly commonShare = 0.02,
    private readonly closest = 100,
  ) {
    for (const firm of firms) this.add(firm);
    this.recount();
  }

  /** Takes changed profiles in (`changed`, a firm of the same id is replaced) and drops `removed` (ids). */
  update(changed: readonly MatchingFirm[], removed: readonly string[]): void {
    for (const id of [...removed, ...changed.map((f) => f.id)]) {
      for (const term of this.termsByFirm.get(id) ?? []) {
        const list = this.firmsByTerm.get(term) as string[];
        const kept = list.filter((x) => x !== id);
        if (kept.length) this.firmsByTerm.set(term, kept);
        else this.firmsByTerm.delete(term);
      }
      this.termsByFirm.delete(id);
      this.profiles.delete(id);
    }
    for (const firm of changed) this.add(firm);
    this.recount();
  }

  /** The firm's profile as last taken in; undefined for a firm the index does not hold (not a verified firm). */
  profile(id: string): MatchingFirm | undefined {
    return this.profiles.get(id);
  }

  /** Ids of the firms the offer's terms reach (see above), sorted. */
  firmsFor(offer: MatchingOffer): string[] {
    const found = new Set<string>();
    const shared = new Map<string, number>();
    const total = this.termsByFirm.size;
    for (const term of offerTerms(offer)) {
      const firms = this.firmsByTerm.get(term) ?? [];
      if (firms.length <= this.common) {
        for (const id of firms) found.add(id);
      } else {
        const rarity = Math.log(total / firms.length);
        for (const id of firms) shared.set(id, (shared.get(id) ?? 0) + rarity);
      }
    }
    const closest = [...shared]
      .filter(([id, weight]) => weight > 0 && !found.has(id))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, this.closest);
    for (const [id] of closest) found.add(id);
    return [...found].sort();
  }

  private add(firm: MatchingFirm): void {
    const terms = [...firmTerms(firm)];
    this.termsByFirm.set(firm.id, terms);
    this.profiles.set(firm.id, firm);
    for (const term of terms) {
      const list = this.firmsByTerm.get(term);
      if (list) list.push(firm.id);
      else this.firmsByTerm.set(term, [firm.id]);
    }
  }

  private recount(): void {
    this.common = Math.max(50, Math.floor(this.termsByFirm.size * this.commonShare));
  }
}
