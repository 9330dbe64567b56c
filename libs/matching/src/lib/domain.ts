/**
 * The product's vocabulary as the engine sees it. Mirrored (not imported) from
 * `@jinan/contracts`: an engine imports no other project.
 */
export const SECTORS = ['health', 'environment', 'digital'] as const;
export type Sector = (typeof SECTORS)[number];

export const COOPERATION_TYPES = ['investment', 'joint_venture', 'technology_licensing', 'procurement', 'distribution', 'joint_rnd'] as const;
export type CooperationType = (typeof COOPERATION_TYPES)[number];

export const SIZE_BANDS = ['small', 'medium', 'large', 'very_large'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export const LANGUAGES = ['zh', 'ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** UI locales of the reason catalogue. */
export const LOCALES = ['en', 'ja', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Free text an author may give in any of the three languages. */
export type MultilingualText = Partial<Record<Language, string>>;

/** A Japanese firm looking for partners. */
export interface MatchingFirm {
  id: string;
  sectors: readonly Sector[];
  /** Cooperation types the firm seeks; empty means "open to any". */
  cooperationTypes: readonly CooperationType[];
  /** What the firm seeks, in any of zh / ja / en (simplified, traditional or shinjitai). */
  seeks: MultilingualText;
  sizeBand: SizeBand;
  /** Working languages of the firm's delegates. */
  languages: readonly Language[];
}

/** The publishing Ji'nan company, as far as scoring needs it. */
export interface MatchingOfferCompany {
  sectors: readonly Sector[];
  languages: readonly Language[];
}

/** A published cooperation offer of a Ji'nan company. */
export interface MatchingOffer {
  id: string;
  /** The publishing company; offers are grouped per company by this id. */
  organizationId: string;
  sector: Sector;
  cooperationType: CooperationType;
  title: MultilingualText;
  summary: MultilingualText;
  partnerSought: MultilingualText;
  /** The publishing company's name, indexed like the title's words when given (search by company name in any script). */
  companyName?: MultilingualText;
  /** Investment range in million CNY; either bound may be absent. */
  investmentMinMillionCny?: number | null;
  investmentMaxMillionCny?: number | null;
  company: MatchingOfferCompany;
}

export const SCORE_PARTS = ['sector', 'cooperation', 'text', 'scale', 'language', 'spread'] as const;
export type ScorePartName = (typeof SCORE_PARTS)[number];
