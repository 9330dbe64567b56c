import type { Bm25Index, IndexedField } from './bm25-index';
import { buildBm25Index } from './bm25-index';
import { patchBm25Index } from './bm25-patch';
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

/**
 * `patchable`: keep what patchPreparedOffers needs (each posting's term frequency and each
 * offer's lengths, about a fifth more memory) — for a process that keeps the offers prepared
 * and applies changes to them (incremental matching).
 */
export function prepareOffers(offers: readonly MatchingOffer[], weights: MatchingWeights = DEFAULT_WEIGHTS, patchable = false): PreparedOffers {
  const sorted = [...offers].sort((a, b) => compareIds(a.id, b.id));
  const n = sorted.length;
  const columns = offerColumns(n);
  const positionById = new Map<string, number>();
  sorted.forEach((offer, i) => {
    if (positionById.has(offer.id)) throw new Error(`offer ${offer.id} appears twice`);
    checkOffer(offer);
    positionById.set(offer.id, i);
    fillColumns(columns, n, i, offer, weights);
  });
  const text = buildBm25Index(
    sorted.map((o) => offerFields(o, weights)),
    weights.text,
    patchable,
  );
  return { weights, offers: sorted, positionById, ...columns, ...companies(sorted), text };
}

/**
 * The offers prepared as prepareOffers(offers now) would prepare them, from `base` (prepared
 * patchable): `changed` are added or replace the offer of the same id, `removed` (ids) leave.
 * Only the changed offers' texts are read; scores from the result equal a fresh preparation's
 * (see patchBm25Index). `base` is left as it was. `retired`: prepared offers nobody reads any
 * more (those the base was patched from), whose large arrays are written over.
 */
export function patchPreparedOffers(
  base: PreparedOffers,
  changed: readonly MatchingOffer[],
  removed: readonly string[],
  retired?: PreparedOffers,
): PreparedOffers {
  if (retired === base) throw new Error('the base cannot be retired: the patch reads it');
  const { weights } = base;
  const gone = new Set([...removed, ...changed.map((o) => o.id)]);
  const added = [...changed].sort((a, b) => compareIds(a.id, b.id));
  added.forEach((offer, k) => {
    if (k > 0 && (added[k - 1] as MatchingOffer).id === offer.id) throw new Error(`offer ${offer.id} appears twice`);
    checkOffer(offer);
  });
  // Merge the kept offers (in id order already) with the added ones.
  const offers: MatchingOffer[] = [];
  const fromList: number[] = [];
  const old = base.offers;
  let i = 0;
  let k = 0;
  while (i < old.length || k < added.length) {
    if (i < old.length && gone.has((old[i] as MatchingOffer).id)) {
      i++;
    } else if (k < added.length && (i === old.length || compareIds((added[k] as MatchingOffer).id, (old[i] as MatchingOffer).id) < 0)) {
      fromList.push(-1 - k);
      offers.push(added[k++] as MatchingOffer);
    } else {
      fromList.push(i);
      offers.push(old[i++] as MatchingOffer);
    }
  }
  const n = offers.length;
  const from = Int32Array.from(fromList);
  const columns = offerColumns(n);
  const positionById = new Map<string, number>();
  for (let d = 0; d < n; d++) {
    const offer = offers[d] as MatchingOffer;
    positionById.set(offer.id, d);
    const f = from[d] as number;
    if (f < 0) {
      fillColumns(columns, n, d, offer, weights);
      continue;
    }
    columns.sector[d] = base.sector[f] as number;
    columns.cooperationType[d] = base.cooperationType[f] as number;
    columns.companyLanguages[d] = base.companyLanguages[f] as number;
    columns.companySectors[d] = base.companySectors[f] as number;
    for (let b = 0; b < SIZE_BANDS.length; b++) columns.scale[b * n + d] = base.scale[b * old.length + f] as number;
  }
  const text = patchBm25Index(base.text, { documentCount: n, from, added: added.map((o) => offerFields(o, weights)) }, retired?.text);
  return { weights, offers, positionById, ...columns, ...patchedCompanies(base, offers, from, added), text };
}

/** The per-offer columns of PreparedOffers (see there). */
interface OfferColumns {
  sector: Uint8Array;
  cooperationType: Uint8Array;
  companyLanguages: Uint8Array;
  companySectors: Uint8Array;
  scale: Float64Array;
}

function offerColumns(n: number): OfferColumns {
  return {
    sector: new Uint8Array(n),
    cooperationType: new Uint8Array(n),
    companyLanguages: new Uint8Array(n),
    companySectors: new Uint8Array(n),
    scale: new Float64Array(SIZE_BANDS.length * n),
  };
}

function fillColumns(columns: OfferColumns, n: number, i: number, offer: MatchingOffer, weights: MatchingWeights): void {
  columns.sector[i] = SECTORS.indexOf(offer.sector);
  columns.cooperationType[i] = COOPERATION_TYPES.indexOf(offer.cooperationType);
  columns.companyLanguages[i] = languageMask(offer.company.languages);
  columns.companySectors[i] = sectorMask(offer.company.sectors);
  SIZE_BANDS.forEach((band, b) => {
    columns.scale[b * n + i] = scaleFit(band, offer, weights).value;
  });
}

/** An offer's texts as the index reads them, in OFFER_FIELD order. */
function offerFields(o: MatchingOffer, weights: MatchingWeights): IndexedField[] {
  return [
    { text: o.title, boost: weights.text.titleBoost },
    { text: o.summary, boost: 1 },
    { text: o.partnerSought, boost: weights.text.partnerSoughtBoost },
    ...(o.companyName ? [{ text: o.companyName, boost: 1 }] : []),
  ];
}

/**
 * The companies as companies(offers) gives them, read from the base's when the patch neither
 * brings a company in nor leaves one without offers (sorting every company id again is most of
 * a patch's time otherwise).
 */
function patchedCompanies(
  base: PreparedOffers,
  offers: readonly MatchingOffer[],
  from: Int32Array,
  added: readonly MatchingOffer[],
): Pick<PreparedOffers, 'organizationIds' | 'company'> {
  const ids = base.organizationIds;
  const addedCompany = added.map((o) => binarySearch(ids, o.organizationId));
  if (addedCompany.some((c) => c < 0)) return companies(offers);
  const count = new Int32Array(ids.length);
  const company = new Int32Array(offers.length);
  for (let d = 0; d < offers.length; d++) {
    const f = from[d] as number;
    const c = f >= 0 ? (base.company[f] as number) : (addedCompany[-1 - f] as number);
    company[d] = c;
    count[c] = (count[c] as number) + 1;
  }
  return count.includes(0) ? companies(offers) : { organizationIds: ids, company };
}

/** The position of `id` in the sorted `ids`, or −1. */
function binarySearch(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareIds(ids[mid] as string, id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The companies of offers in id order, and each offer's company by its position among them. */
function companies(sorted: readonly MatchingOffer[]): Pick<PreparedOffers, 'organizationIds' | 'company'> {
  const organizationIds = [...new Set(sorted.map((o) => o.organizationId))].sort(compareIds);
  const companyPosition = new Map(organizationIds.map((id, i) => [id, i]));
  return { organizationIds, company: Int32Array.from(sorted, (o) => companyPosition.get(o.organizationId) as number) };
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
