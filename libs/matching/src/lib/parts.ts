import type { CooperationType, Language, Locale, MatchingOffer, Sector, SizeBand } from './domain';
import { LOCALES } from './domain';
import type { Reason } from './reasons';
import type { MatchingWeights } from './weights';

/** A part's value in [0, 1] with the line that explains it. */
export interface PartValue {
  value: number;
  reason: Reason;
}

/**
 * Sector fit: the best related[firmSector][offerSector]; if that is below what the
 * company's own sectors give (companySectorOnly when it works in one of the firm's
 * sectors), the latter.
 */
export function sectorFit(firmSectors: readonly Sector[], offerSector: Sector, companySectors: readonly Sector[], weights: MatchingWeights): PartValue {
  let value = 0;
  let firmSector: Sector | undefined;
  for (const s of firmSectors) {
    const v = weights.sector.related[s][offerSector];
    if (v > value) {
      value = v;
      firmSector = s;
    }
  }
  if (value === 1) return { value, reason: { key: 'matching.reason.sector.same', params: { sector: offerSector } } };
  const shared = firmSectors.find((s) => companySectors.includes(s));
  if (shared !== undefined && weights.sector.companySectorOnly > value) {
    return { value: weights.sector.companySectorOnly, reason: { key: 'matching.reason.sector.company', params: { sector: shared } } };
  }
  if (value > 0 && firmSector !== undefined) {
    return { value, reason: { key: 'matching.reason.sector.related', params: { firmSector, offerSector } } };
  }
  return { value: 0, reason: { key: 'matching.reason.sector.none', params: { sector: offerSector } } };
}

/** Cooperation-type fit: 1 for a type sought, related[sought][type] for a near one. */
export function cooperationFit(sought: readonly CooperationType[], type: CooperationType, weights: MatchingWeights): PartValue {
  if (sought.length === 0) return { value: weights.cooperation.unspecified, reason: { key: 'matching.reason.cooperation.open', params: { type } } };
  if (sought.includes(type)) return { value: 1, reason: { key: 'matching.reason.cooperation.match', params: { type } } };
  let value = 0;
  const near: CooperationType[] = [];
  for (const s of sought) {
    const v = weights.cooperation.related[s]?.[type] ?? 0;
    if (v > 0) near.push(s);
    if (v > value) value = v;
  }
  if (value > 0) return { value, reason: { key: 'matching.reason.cooperation.related', params: { type, sought: near.join(',') } } };
  return { value: 0, reason: { key: 'matching.reason.cooperation.none', params: { type } } };
}

/**
 * Scale fit: 1 when the offer's investment range overlaps the range a firm of this
 * size band is comfortable with; otherwise it falls linearly with the distance in
 * factors of ten, reaching 0 at decadesToZero. A single stated bound is a point.
 */
export function scaleFit(
  band: SizeBand,
  offer: Pick<MatchingOffer, 'investmentMinMillionCny' | 'investmentMaxMillionCny'>,
  weights: MatchingWeights,
): PartValue {
  const min = offer.investmentMinMillionCny ?? offer.investmentMaxMillionCny;
  const max = offer.investmentMaxMillionCny ?? offer.investmentMinMillionCny;
  if (min === undefined || min === null || max === undefined || max === null) {
    return { value: weights.scale.notStated, reason: { key: 'matching.reason.scale.notStated', params: {} } };
  }
  const [lo, hi] = weights.scale.bandsMillionCny[band];
  const params = { min, max };
  const fall = (decades: number): number => Math.max(0, 1 - decades / weights.scale.decadesToZero);
  if (min > hi) return { value: fall(Math.log10(min / hi)), reason: { key: 'matching.reason.scale.larger', params } };
  if (max < lo) return { value: fall(Math.log10(lo / Math.max(max, 1e-6))), reason: { key: 'matching.reason.scale.smaller', params } };
  return { value: 1, reason: { key: 'matching.reason.scale.fits', params } };
}

/** Shared working language: `shared` if the firm and the company have one, else `none`. */
export function languageFit(firmLanguages: readonly Language[], companyLanguages: readonly Language[], weights: MatchingWeights): PartValue {
  const shared = firmLanguages.find((l) => companyLanguages.includes(l));
  if (shared !== undefined) return { value: weights.language.shared, reason: { key: 'matching.reason.language.shared', params: { language: shared } } };
  return { value: weights.language.none, reason: { key: 'matching.reason.language.none', params: {} } };
}

/** Spread: no cost up to `capacity` matched firms, then capacity / demand. */
export function spreadFit(demand: number, weights: MatchingWeights): PartValue {
  const { capacity } = weights.spread;
  if (demand <= capacity) return { value: 1, reason: { key: 'matching.reason.spread.open', params: {} } };
  return { value: capacity / demand, reason: { key: 'matching.reason.spread.crowded', params: { demand } } };
}

/**
 * Text relevance part from the coverage of the firm's query (see text-relevance.ts).
 * `terms` are the matched words per viewer locale; the reason carries them as `terms`
 * (the firm's own words) and `terms@<locale>`, one word per line, so each viewer reads
 * them in their own script, joined as their language joins lists.
 */
export function textFit(coverage: number, matched: LocalisedTerms | readonly string[], weights: MatchingWeights): PartValue {
  const value = textValue(coverage, weights);
  const terms: LocalisedTerms = isLocalised(matched) ? matched : { own: matched, en: matched, ja: matched, 'zh-CN': matched };
  const params: Record<string, string> = { terms: terms.own.join('\n') };
  if (isLocalised(matched)) for (const locale of LOCALES) params[TERMS_PARAM[locale]] = terms[locale].join('\n');
  if (value === 0 || terms.own.length === 0) return { value, reason: { key: 'matching.reason.text.none', params: {} } };
  if (value > weights.text.strongAbove) return { value, reason: { key: 'matching.reason.text.strong', params } };
  if (value > weights.text.someAbove) return { value, reason: { key: 'matching.reason.text.some', params } };
  return { value, reason: { key: 'matching.reason.text.weak', params } };
}

/** The parameter of each locale's words, named once (not a new string per explained match). */
const TERMS_PARAM = Object.fromEntries(LOCALES.map((locale) => [locale, `terms@${locale}`])) as Readonly<Record<Locale, string>>;

/** Matched words as the firm wrote them (`own`) and in each viewer locale. */
export type LocalisedTerms = Readonly<Record<Locale, readonly string[]>> & { own: readonly string[] };

function isLocalised(terms: LocalisedTerms | readonly string[]): terms is LocalisedTerms {
  return !Array.isArray(terms);
}

/** Text part = 1 − exp(−coverage / saturation): rises steeply, never ties two coverages. */
export function textValue(coverage: number, weights: MatchingWeights): number {
  return coverage > 0 ? 1 - Math.exp(-coverage / weights.text.saturation) : 0;
}
