/**
 * Vocabulary shared by the API, the web app and (as plain strings) the engines.
 * Values are stable wire identifiers: never rename one without a migration.
 */

/** The three parallel negotiation sessions of the "1 + 3" programme. */
export const SECTORS = ['health', 'environment', 'digital'] as const;
export type Sector = (typeof SECTORS)[number];

export const COOPERATION_TYPES = ['investment', 'joint_venture', 'technology_licensing', 'procurement', 'distribution', 'joint_rnd'] as const;
export type CooperationType = (typeof COOPERATION_TYPES)[number];

/** Head-count bands; scale fit compares these with an offer's investment range. */
export const SIZE_BANDS = ['small', 'medium', 'large', 'very_large'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** Working languages of organisations and content languages of offers. */
export const LANGUAGES = ['zh', 'ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** UI locales. */
export const LOCALES = ['zh-CN', 'ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['jp', 'cn', 'bureau'] as const;
export type Role = (typeof ROLES)[number];

export const COUNTRIES = ['JP', 'CN'] as const;
export type Country = (typeof COUNTRIES)[number];
