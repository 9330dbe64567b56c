import type { Bm25Index } from './bm25-index';
import { buildBm25Index } from './bm25-index';
import type { Language, MatchingOffer, Sector } from './domain';
import { COOPERATION_TYPES, LANGUAGES, SECTORS, SIZE_BANDS } from './domain';
import { checkOffer } from './input-error';
import { scaleFit } from './parts';
import type { MatchingWeights } from './weights';
import { DEFAULT_WEIGHTS } from './weights';

/**
 * Offers normalised, tokenised and indexed once, for any number of firms. Offers are
 * held in id order, so the position of an offer is also its tie-break rank.
 */
export interface PreparedOffers {
  weights: MatchingWeights;
  offers: readonly MatchingOffer[];
  positionById: ReadonlyMap<string, number>;
  sector: Uint8Array;
  cooperationType: Uint8Array;
  /** Bit i set when the company works in LANGUAGES[i]. */
  companyLanguages: Uint8Array;
  /** Bit i set when the company works in SECTORS[i]. */
  companySectors: Uint8Array;
  /** scale[band × n + offer]: the scale part for a firm of SIZE_BANDS[band]. */
  scale: Float64Array;
  /** Companies in organizationId order; company[offer] is the position of the offer's company. */
  organizationIds: readonly string[];
  company: Int32Array;
  text: Bm25Index;
}

/** The index's field number of each text of an offer (text.conceptWords reads a field by it). */
export const OFFER_FIELD = { title: 0, summary: 1, partnerSought: 2, companyName: 3 } as const;

export function prepareOffers(offers: readonly MatchingOffer[], weights: MatchingWeights = DEFAULT_WEIGHTS): PreparedOffers {
  const sorted = [...offers].sort((a, b) => compareIds(a.id, b.id));
  const n = sorted.length;
  const positionById = new Map<string, number>();
  const sector = new Uint8Array(n);
  const cooperationType = new Uint8Array(n);
  const companyLanguages = new Uint8Array(n);
  const companySectors = new Uint8Array(n);
  const scale = new Float64Array(SIZE_BANDS.length * n);
  const organizationIds = [...new Set(sorted.map((o) => o.organizationId))].sort(compareIds);
  const companyPosition = new Map(organizationIds.map((id, i) => [id, i]));
  const company = new Int32Array(n);
  sorted.forEach((offer, i) => {
    if (positionById.has(offer.id)) throw new Error(`offer ${offer.id} appears twice`);
    checkOffer(offer);
    positionById.set(offer.id, i);
    sector[i] = SECTORS.indexOf(offer.sector);
    cooperationType[i] = COOPERATION_TYPES.indexOf(offer.cooperationType);
    companyLanguages[i] = languageMask(offer.company.languages);
    companySectors[i] = sectorMask(offer.company.sectors);
    company[i] = companyPosition.get(offer.organizationId) as number;
    SIZE_BANDS.forEach((band, b) => {
      scale[b * n + i] = scaleFit(band, offer, weights).value;
    });
  });
  const text = buildBm25Index(
    // In OFFER_FIELD order.
    sorted.map((o) => [
      { text: o.title, boost: weights.text.titleBoost },
      { text: o.summary, boost: 1 },
      { text: o.partnerSought, boost: weights.text.partnerSoughtBoost },
      ...(o.companyName ? [{ text: o.companyName, boost: 1 }] : []),
    ]),
    weights.text,
  );
  return { weights, offers: sorted, positionById, sector, cooperationType, companyLanguages, companySectors, scale, organizationIds, company, text };
}

/** Code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function languageMask(languages: readonly Language[]): number {
  let mask = 0;
  for (const l of languages) mask |= 1 << LANGUAGES.indexOf(l);
  return mask;
}

export function sectorMask(sectors: readonly Sector[]): number {
  let mask = 0;
  for (const s of sectors) mask |= 1 << SECTORS.indexOf(s);
  return mask;
}
