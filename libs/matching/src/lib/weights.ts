import type { CooperationType, ScorePartName, Sector, SizeBand } from './domain';
import { COOPERATION_TYPES, SCORE_PARTS, SECTORS, SIZE_BANDS } from './domain';
import weightsV3 from './weights.v3.json';

/**
 * The engine's tunable numbers. They are data: a versioned JSON file
 * (`weights.v3.json`; v1 and v2 kept for the record), so a change of weights is a change of `version`, not of code.
 */
export interface MatchingWeights {
  version: string;
  /** Share of each part in the score; they sum to 1, score = 100 × Σ share × part. */
  parts: Record<ScorePartName, number>;
  sector: {
    /** related[firmSector][offerSector] in [0, 1]; the diagonal is 1. */
    related: Record<Sector, Record<Sector, number>>;
    /** When the offer's sector is unrelated but its company works in a sector the firm wants. */
    companySectorOnly: number;
  };
  cooperation: {
    /** Part value when the firm named no cooperation type. */
    unspecified: number;
    /** related[soughtType][offerType], missing pairs are 0. */
    related: Partial<Record<CooperationType, Partial<Record<CooperationType, number>>>>;
  };
  text: {
    /** BM25 term-frequency saturation and length normalisation. */
    k1: number;
    b: number;
    titleBoost: number;
    partnerSoughtBoost: number;
    /** Weight of a single CJK character relative to a character bigram or an English word. */
    cjkUnigramWeight: number;
    /** Query weight of a concept term (dictionary bridge) relative to a surface term. */
    conceptWeight: number;
    /**
     * The same for search queries: a short query's cross-language word has only its concept, while
     * a same-language word has surface and concept, so search leans on concepts more.
     */
    searchConceptWeight: number;
    /** Term frequency of a concept from a one-character headword (氢), relative to a word's. */
    conceptSingleCharWeight: number;
    /** Concept stems never indexed nor cited: platform boilerplate (~china, ~benefit, ~enterpris). */
    stopConcepts: string[];
    /** Words reasons never cite (platform boilerplate every offer and firm writes), compared after normalisation. */
    reasonStopWords: string[];
    /** Reasons cite only terms whose idf is at least this share of the largest idf (drops words most offers use). */
    reasonMinIdfShare: number;
    /** Part = 1 − exp(−coverage / saturation); coverage is the share of the query's BM25 mass matched. */
    saturation: number;
    /** Pseudo-relevance feedback: the best `documents` lend their `terms` best terms at `weight`. */
    feedback: { documents: number; terms: number; weight: number };
    /** Reason thresholds on the part value. */
    strongAbove: number;
    someAbove: number;
  };
  scale: {
    /** The investment range, in million CNY, that a firm of each size band is comfortable with. */
    bandsMillionCny: Record<SizeBand, [number, number]>;
    /** Part value when the offer states no investment range. */
    notStated: number;
    /** How many factors of ten between the ranges bring the part to 0. */
    decadesToZero: number;
  };
  language: { shared: number; none: number };
  spread: {
    /** Demand of an offer = number of firms that have it in their first-pass top `poolSize`. */
    poolSize: number;
    /** Demand up to `capacity` costs nothing; above, the part is capacity / demand. */
    capacity: number;
  };
}

export const DEFAULT_WEIGHTS: MatchingWeights = validateWeights(weightsV3 as unknown);

/** Checks a weights document (e.g. loaded from a file or the database) and returns it typed. */
export function validateWeights(input: unknown): MatchingWeights {
  const problems: string[] = [];
  const w = input as MatchingWeights;
  const isUnit = (x: unknown): boolean => typeof x === 'number' && x >= 0 && x <= 1;
  if (!w || typeof w !== 'object') throw new Error('weights: not an object');
  if (typeof w.version !== 'string' || w.version === '') problems.push('version must be a non-empty string');
  let sum = 0;
  for (const part of SCORE_PARTS) {
    const share = w.parts?.[part];
    if (!isUnit(share)) problems.push(`parts.${part} must be in [0, 1]`);
    else sum += share;
  }
  if (Math.abs(sum - 1) > 1e-9) problems.push(`parts must sum to 1 (got ${sum})`);
  for (const a of SECTORS) {
    for (const b of SECTORS) {
      if (!isUnit(w.sector?.related?.[a]?.[b])) problems.push(`sector.related.${a}.${b} must be in [0, 1]`);
    }
  }
  if (!isUnit(w.sector?.companySectorOnly)) problems.push('sector.companySectorOnly must be in [0, 1]');
  if (!isUnit(w.cooperation?.unspecified)) problems.push('cooperation.unspecified must be in [0, 1]');
  for (const [a, row] of Object.entries(w.cooperation?.related ?? {})) {
    for (const [b, v] of Object.entries(row ?? {})) {
      const known = (COOPERATION_TYPES as readonly string[]).includes(a) && (COOPERATION_TYPES as readonly string[]).includes(b);
      if (!known || !isUnit(v)) problems.push(`cooperation.related.${a}.${b} is not a known pair in [0, 1]`);
    }
  }
  const t = w.text;
  if (
    !t ||
    !(t.k1 > 0) ||
    !(t.b >= 0 && t.b <= 1) ||
    !(t.saturation > 0) ||
    !(t.titleBoost > 0) ||
    !(t.partnerSoughtBoost >= 0) ||
    !isUnit(t.cjkUnigramWeight) ||
    !(t.conceptWeight >= 0) ||
    !(t.searchConceptWeight >= 0) ||
    !isUnit(t.conceptSingleCharWeight) ||
    !isUnit(t.reasonMinIdfShare) ||
    !Array.isArray(t.stopConcepts) ||
    !t.stopConcepts.every((c) => typeof c === 'string') ||
    !Array.isArray(t.reasonStopWords) ||
    !t.reasonStopWords.every((c) => typeof c === 'string')
  ) {
    problems.push(
      'text: k1 > 0, b in [0, 1], saturation > 0, boosts ≥ 0, cjkUnigramWeight, conceptSingleCharWeight and reasonMinIdfShare in [0, 1], conceptWeight and searchConceptWeight ≥ 0, stopConcepts and reasonStopWords strings',
    );
  }
  if (!t?.feedback || !(t.feedback.documents >= 0) || !(t.feedback.terms >= 0) || !isUnit(t.feedback.weight)) {
    problems.push('text.feedback: documents ≥ 0, terms ≥ 0, weight in [0, 1]');
  }
  for (const band of SIZE_BANDS) {
    const range = w.scale?.bandsMillionCny?.[band];
    if (!Array.isArray(range) || range.length !== 2 || !(range[0] >= 0) || !(range[1] > range[0])) {
      problems.push(`scale.bandsMillionCny.${band} must be [min, max] with 0 ≤ min < max`);
    }
  }
  if (!isUnit(w.scale?.notStated) || !(w.scale?.decadesToZero > 0)) problems.push('scale: notStated in [0, 1], decadesToZero > 0');
  if (!isUnit(w.language?.shared) || !isUnit(w.language?.none)) problems.push('language: shared and none in [0, 1]');
  if (!(w.spread?.poolSize >= 1) || !(w.spread?.capacity >= 1)) problems.push('spread: poolSize ≥ 1, capacity ≥ 1');
  if (problems.length > 0) throw new Error(`weights ${String(w.version)}: ${problems.join('; ')}`);
  return w;
}
