import type { MatchingFirm, MatchingOffer } from '../lib/domain';
import type { MatchingRun } from '../lib/match-result';
import type { PlantedData } from './planted-data';
import { relevanceGrade } from './planted-data';

export interface Evaluation {
  /** Mean over firms of the share of the first k offers that are relevant (grade ≥ 1). */
  precisionAtK: number;
  /** Mean over firms of DCG@k / ideal DCG@k with gain 2^grade − 1. */
  ndcgAtK: number;
  firms: number;
}

/** Scores ranked offer ids per firm against the planted truth. */
export function evaluateRankings(data: PlantedData, rankings: ReadonlyMap<string, readonly string[]>, k = 10): Evaluation {
  const offerById = new Map(data.offers.map((o) => [o.id, o]));
  const byTopic = offersByTopic(data);
  let precision = 0;
  let ndcg = 0;
  for (const firm of data.firms) {
    const ranked = (rankings.get(firm.id) ?? []).slice(0, k);
    const grades = ranked.map((id) => relevanceGrade(data.truth, firm, offerById.get(id) as MatchingOffer));
    precision += grades.filter((g) => g > 0).length / k;
    const ideal = idealGrades(data, byTopic, firm, k);
    const idealDcg = dcg(ideal);
    ndcg += idealDcg === 0 ? 0 : dcg(grades) / idealDcg;
  }
  const n = Math.max(1, data.firms.length);
  return { precisionAtK: precision / n, ndcgAtK: ndcg / n, firms: data.firms.length };
}

export function rankingsOf(run: MatchingRun): Map<string, string[]> {
  return new Map(run.firms.map((f) => [f.firmId, f.offers.map((o) => o.offerId)]));
}

/**
 * The baseline the engine must beat: offers in one of the firm's sectors first, in id
 * order (ids carry no meaning), then the rest.
 */
export function sectorOnlyRankings(firms: readonly MatchingFirm[], offers: readonly MatchingOffer[], k: number): Map<string, string[]> {
  const sorted = [...offers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = new Map<string, string[]>();
  for (const firm of firms) {
    const inSector: string[] = [];
    for (const offer of sorted) {
      if (inSector.length === k) break;
      if (firm.sectors.includes(offer.sector)) inSector.push(offer.id);
    }
    for (const offer of sorted) {
      if (inSector.length === k) break;
      if (!firm.sectors.includes(offer.sector)) inSector.push(offer.id);
    }
    result.set(firm.id, inSector);
  }
  return result;
}

function offersByTopic(data: PlantedData): Map<string, MatchingOffer[]> {
  const byTopic = new Map<string, MatchingOffer[]>();
  for (const offer of data.offers) {
    for (const topic of data.truth.offerTopics[offer.id] ?? []) {
      const list = byTopic.get(topic) ?? [];
      list.push(offer);
      byTopic.set(topic, list);
    }
  }
  return byTopic;
}

function idealGrades(data: PlantedData, byTopic: Map<string, MatchingOffer[]>, firm: MatchingFirm, k: number): number[] {
  const counts = [0, 0, 0];
  const relevant = new Set((data.truth.firmInterests[firm.id] ?? []).flatMap((topic) => byTopic.get(topic) ?? []));
  for (const offer of relevant) counts[relevanceGrade(data.truth, firm, offer)]++;
  const out: number[] = [];
  for (let g = 2; g >= 1 && out.length < k; g--) {
    for (let i = 0; i < (counts[g] as number) && out.length < k; i++) out.push(g);
  }
  return out;
}

function dcg(grades: readonly number[]): number {
  return grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}
