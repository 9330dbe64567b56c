import type { Locale, Sector } from './enums';

/**
 * One name per sector in each language, wherever a sector is named: tags and filters
 * in the web app (its `sector.*` translations are checked against this), the matching
 * reasons, calendar texts and exports. Two words for one sector confuse readers
 * ("ヘルスケア" on a tag, "健康・医療" in a reason).
 */
export const SECTOR_NAMES: Readonly<Record<Sector, Readonly<Record<Locale, string>>>> = {
  health: { 'zh-CN': '医疗健康', ja: 'ヘルスケア', en: 'Health' },
  environment: { 'zh-CN': '环保与减碳', ja: '環境保護・脱炭素', en: 'Environmental protection & carbon reduction' },
  digital: { 'zh-CN': '数字经济与智能制造', ja: 'デジタル・スマート製造', en: 'Digital & smart manufacturing' },
};
