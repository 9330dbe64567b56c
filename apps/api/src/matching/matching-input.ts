import type { CooperationType, Language, MatchingFirm, MatchingOffer, MultilingualText, Sector, SizeBand } from '@jinan/matching';
import { EntityManager } from 'typeorm';

/** What one run scores, read in one snapshot. */
export interface MatchingInput {
  firms: MatchingFirm[];
  offers: MatchingOffer[];
  /**
   * The latest updated_at among the profiles and offers read, as PostgreSQL text: kept
   * at full (microsecond) precision so the stale check compares like with like.
   */
  inputAt: string | null;
}

/** One verified Japanese firm as read for scoring. */
export interface FirmRow {
  id: string;
  sectors: Sector[];
  cooperation_types: CooperationType[];
  seeks_zh: string | null;
  seeks_ja: string | null;
  seeks_en: string | null;
  size_band: SizeBand;
  languages: Language[];
}

/** One published offer as read for scoring (and for the offer search index). */
export interface OfferRow {
  id: string;
  organization_id: string;
  sector: Sector;
  cooperation_type: CooperationType;
  title_zh: string;
  title_ja: string | null;
  title_en: string | null;
  summary_zh: string;
  summary_ja: string | null;
  summary_en: string | null;
  partner_sought: string | null;
  investment_min_mcny: string | null;
  investment_max_mcny: string | null;
  company_sectors: Sector[];
  company_languages: Language[];
}

/** The Japanese firms a run scores: every verified one. */
export const FIRMS_SQL = `country = 'JP' AND verification = 'verified'`;
/** The offers a run scores: published, of a verified Ji'nan company. */
export const OFFERS_FROM = `offers o JOIN organizations c ON c.id = o.organization_id
  WHERE o.status = 'published' AND c.country = 'CN' AND c.verification = 'verified'`;

/**
 * A value that changes whenever an offer or an organization is added, edited or changes state
 * (count and latest change of both tables): in-memory indexes of the offers rebuild on it.
 */
export const CORPUS_STAMP_SQL = `SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM offers) || '|' ||
  (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM organizations) AS stamp`;

/** The columns of a FirmRow, from organizations. */
export const FIRM_COLUMNS = `id, sectors, cooperation_types, seeks_zh, seeks_ja, seeks_en, size_band, languages`;

/** The columns of an OfferRow, from offers o and their company c. */
export const OFFER_COLUMNS = `o.id, o.organization_id, o.sector, o.cooperation_type, o.title_zh, o.title_ja, o.title_en, o.summary_zh, o.summary_ja, o.summary_en,
  o.partner_sought, o.investment_min_mcny, o.investment_max_mcny, c.sectors AS company_sectors, c.languages AS company_languages`;

/**
 * Reads every verified Japanese firm and every published offer of a verified Ji'nan
 * company in one REPEATABLE READ snapshot (the caller's transaction), so the input time
 * is the time of exactly what was read.
 */
export async function loadMatchingInput(tx: EntityManager): Promise<MatchingInput> {
  const firms = await loadFirms(tx);
  const offers = await loadOffers(tx);
  return { firms, offers, inputAt: await inputTime(tx) };
}

/** The verified Japanese firms (those of `ids` only, when given). */
export async function loadFirms(tx: EntityManager, ids?: readonly string[]): Promise<MatchingFirm[]> {
  const firms: FirmRow[] = await tx.query(`SELECT ${FIRM_COLUMNS} FROM organizations WHERE ${FIRMS_SQL} AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))`, [
    ids ?? null,
  ]);
  return firms.map(firmFromRow);
}

/** Every published offer of a verified Ji'nan company (of those of `ids` only, when given). */
export async function loadOffers(tx: EntityManager, ids?: readonly string[]): Promise<MatchingOffer[]> {
  const offers: OfferRow[] = ids
    ? await tx.query(`SELECT ${OFFER_COLUMNS} FROM ${OFFERS_FROM} AND o.id = ANY($1::uuid[])`, [ids])
    : await tx.query(`SELECT ${OFFER_COLUMNS} FROM ${OFFERS_FROM}`);
  return offers.map(offerFromRow);
}

/** The latest updated_at among what a run reads, as PostgreSQL text (full precision). */
export async function inputTime(tx: EntityManager): Promise<string | null> {
  const [{ input_at }] = await tx.query(
    `SELECT greatest((SELECT max(updated_at) FROM organizations WHERE ${FIRMS_SQL}),
                     (SELECT max(greatest(o.updated_at, c.updated_at)) FROM ${OFFERS_FROM}))::text AS input_at`,
  );
  return input_at;
}

/** The engine's view of a firm row. */
export function firmFromRow(f: FirmRow): MatchingFirm {
  return {
    id: f.id,
    sectors: f.sectors,
    cooperationTypes: f.cooperation_types,
    seeks: text({ zh: f.seeks_zh, ja: f.seeks_ja, en: f.seeks_en }),
    sizeBand: f.size_band,
    languages: f.languages,
  };
}

/** The engine's view of an offer row. */
export function offerFromRow(o: OfferRow): MatchingOffer {
  return {
    id: o.id,
    organizationId: o.organization_id,
    sector: o.sector,
    cooperationType: o.cooperation_type,
    title: text({ zh: o.title_zh, ja: o.title_ja, en: o.title_en }),
    summary: text({ zh: o.summary_zh, ja: o.summary_ja, en: o.summary_en }),
    partnerSought: partnerSoughtText(o.partner_sought),
    investmentMinMillionCny: o.investment_min_mcny === null ? null : Number(o.investment_min_mcny),
    investmentMaxMillionCny: o.investment_max_mcny === null ? null : Number(o.investment_max_mcny),
    company: { sectors: o.company_sectors, languages: o.company_languages },
  };
}

export function text(values: Record<Language, string | null>): MultilingualText {
  const out: MultilingualText = {};
  for (const [language, value] of Object.entries(values) as [Language, string | null][]) if (value) out[language] = value;
  return out;
}

/** partner_sought is one free-text column: filed under the language it is written in. */
export function partnerSoughtText(value: string | null): MultilingualText {
  return value ? { [languageOf(value)]: value } : {};
}

function languageOf(value: string): Language {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(value)) return 'ja';
  return /\p{Script=Han}/u.test(value) ? 'zh' : 'en';
}
