import type { Locale, ScorePartName } from './domain';

/**
 * One line explaining one part of a score: a message key and its parameters, never
 * prose, so each viewer reads it in their own language. Parameters named in
 * REASON_PARAM_LABELS hold enum values (e.g. sector 'health') whose label is itself
 * in the catalogue under `<prefix><value>`.
 */
export interface Reason {
  key: ReasonKey;
  params: Record<string, string | number>;
}

export const REASON_MESSAGES = {
  en: {
    'matching.reason.sector.same': 'Same sector: {sector}',
    'matching.reason.sector.related': 'Related sector: you seek {firmSector}, this is {offerSector}',
    'matching.reason.sector.company': 'The company also works in {sector}',
    'matching.reason.sector.none': 'Outside your sectors ({sector})',
    'matching.reason.cooperation.match': 'Cooperation type you seek: {type}',
    'matching.reason.cooperation.related': '{type} is close to what you seek ({sought})',
    'matching.reason.cooperation.none': 'Cooperation type you did not ask for: {type}',
    'matching.reason.cooperation.open': 'You are open to any cooperation type ({type} offered)',
    'matching.reason.text.strong': 'Closely matches what you seek: {terms}',
    'matching.reason.text.some': 'Partly matches what you seek: {terms}',
    'matching.reason.text.weak': 'Only loosely related to what you seek: {terms}',
    'matching.reason.text.none': 'What you seek does not appear in this offer',
    'matching.reason.scale.fits': 'Investment of {min}–{max} million CNY suits a firm of your size',
    'matching.reason.scale.larger': 'Investment of {min}–{max} million CNY is large for a firm of your size',
    'matching.reason.scale.smaller': 'Investment of {min}–{max} million CNY is small for a firm of your size',
    'matching.reason.scale.notStated': 'No investment amount stated',
    'matching.reason.language.shared': 'You both work in {language}',
    'matching.reason.language.none': 'No shared working language: an interpreter is needed',
    'matching.reason.spread.open': 'Few firms are competing for this offer',
    'matching.reason.spread.crowded': 'Many firms are competing for this offer',
    'matching.label.sector.health': 'health',
    'matching.label.sector.environment': 'environmental protection & carbon reduction',
    'matching.label.sector.digital': 'digital & smart manufacturing',
    'matching.label.cooperation.investment': 'investment',
    'matching.label.cooperation.joint_venture': 'joint venture',
    'matching.label.cooperation.technology_licensing': 'technology licensing',
    'matching.label.cooperation.procurement': 'procurement',
    'matching.label.cooperation.distribution': 'distribution',
    'matching.label.cooperation.joint_rnd': 'joint R&D',
    'matching.label.language.zh': 'Chinese',
    'matching.label.language.ja': 'Japanese',
    'matching.label.language.en': 'English',
  },
  ja: {
    'matching.reason.sector.same': '同じ分野：{sector}',
    'matching.reason.sector.related': '関連分野：ご希望は{firmSector}、本案件は{offerSector}',
    'matching.reason.sector.company': 'この企業は{sector}分野でも事業を行っています',
    'matching.reason.sector.none': 'ご希望の分野外です（{sector}）',
    'matching.reason.cooperation.match': 'ご希望の協力形態：{type}',
    'matching.reason.cooperation.related': '{type}はご希望の形態（{sought}）に近い協力形態です',
    'matching.reason.cooperation.none': 'ご希望にない協力形態：{type}',
    'matching.reason.cooperation.open': '協力形態の指定なし（本案件は{type}）',
    'matching.reason.text.strong': 'ご希望の内容とよく一致しています：{terms}',
    'matching.reason.text.some': 'ご希望の内容と一部一致しています：{terms}',
    'matching.reason.text.weak': 'ご希望の内容との関連はわずかです：{terms}',
    'matching.reason.text.none': 'ご希望の内容は本案件に見当たりません',
    'matching.reason.scale.fits': '投資額{min}～{max}百万元は貴社の規模に合っています',
    'matching.reason.scale.larger': '投資額{min}～{max}百万元は貴社の規模には大きめです',
    'matching.reason.scale.smaller': '投資額{min}～{max}百万元は貴社の規模には小さめです',
    'matching.reason.scale.notStated': '投資額の記載はありません',
    'matching.reason.language.shared': '共通の使用言語：{language}',
    'matching.reason.language.none': '共通の使用言語がないため、通訳が必要です',
    'matching.reason.spread.open': 'この案件を検討している企業は多くありません',
    'matching.reason.spread.crowded': 'この案件には多くの企業が関心を寄せています',
    'matching.label.sector.health': '健康・医療',
    'matching.label.sector.environment': '環境保護・脱炭素',
    'matching.label.sector.digital': 'デジタル・スマート製造',
    'matching.label.cooperation.investment': '投資',
    'matching.label.cooperation.joint_venture': '合弁',
    'matching.label.cooperation.technology_licensing': '技術ライセンス',
    'matching.label.cooperation.procurement': '調達',
    'matching.label.cooperation.distribution': '販売代理',
    'matching.label.cooperation.joint_rnd': '共同研究開発',
    'matching.label.language.zh': '中国語',
    'matching.label.language.ja': '日本語',
    'matching.label.language.en': '英語',
  },
  'zh-CN': {
    'matching.reason.sector.same': '同一领域：{sector}',
    'matching.reason.sector.related': '相关领域：贵方关注{firmSector}，本项目属于{offerSector}',
    'matching.reason.sector.company': '该企业也从事{sector}领域业务',
    'matching.reason.sector.none': '不在贵方关注领域内（{sector}）',
    'matching.reason.cooperation.match': '贵方寻求的合作方式：{type}',
    'matching.reason.cooperation.related': '{type}与贵方寻求的合作方式（{sought}）相近',
    'matching.reason.cooperation.none': '非贵方寻求的合作方式：{type}',
    'matching.reason.cooperation.open': '贵方未限定合作方式（本项目为{type}）',
    'matching.reason.text.strong': '贵方需求与本项目高度吻合：{terms}',
    'matching.reason.text.some': '贵方需求与本项目部分吻合：{terms}',
    'matching.reason.text.weak': '与贵方需求关联较弱：{terms}',
    'matching.reason.text.none': '本项目未提及贵方需求的内容',
    'matching.reason.scale.fits': '投资额{min}–{max}百万元与贵方规模相符',
    'matching.reason.scale.larger': '投资额{min}–{max}百万元对贵方规模而言偏大',
    'matching.reason.scale.smaller': '投资额{min}–{max}百万元对贵方规模而言偏小',
    'matching.reason.scale.notStated': '未注明投资额',
    'matching.reason.language.shared': '共同工作语言：{language}',
    'matching.reason.language.none': '没有共同工作语言，需要翻译',
    'matching.reason.spread.open': '关注该项目的企业不多，竞争较少',
    'matching.reason.spread.crowded': '关注该项目的企业较多',
    'matching.label.sector.health': '医疗健康',
    'matching.label.sector.environment': '环保与减碳',
    'matching.label.sector.digital': '数字经济与智能制造',
    'matching.label.cooperation.investment': '投资',
    'matching.label.cooperation.joint_venture': '合资',
    'matching.label.cooperation.technology_licensing': '技术许可',
    'matching.label.cooperation.procurement': '采购',
    'matching.label.cooperation.distribution': '分销',
    'matching.label.cooperation.joint_rnd': '联合研发',
    'matching.label.language.zh': '中文',
    'matching.label.language.ja': '日语',
    'matching.label.language.en': '英语',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof REASON_MESSAGES)['en'];
export type ReasonKey = Extract<MessageKey, `matching.reason.${string}`>;

/** Parameters whose value is an enum value; its label is the message `<prefix><value>`. */
export const REASON_PARAM_LABELS: Readonly<Record<string, string>> = {
  sector: 'matching.label.sector.',
  firmSector: 'matching.label.sector.',
  offerSector: 'matching.label.sector.',
  type: 'matching.label.cooperation.',
  sought: 'matching.label.cooperation.',
  language: 'matching.label.language.',
};

/** How each locale joins a list of words: 、 in Chinese and Japanese. */
export const LIST_SEPARATORS: Readonly<Record<Locale, string>> = { en: ', ', ja: '、', 'zh-CN': '、' };

/**
 * Renders one reason in one locale, enum parameters by their labels. A parameter may come
 * in per-locale variants (`terms@ja`); one given as lines is a list, joined as the locale
 * joins lists.
 */
export function formatReason(reason: Reason, locale: Locale): string {
  const messages: Readonly<Record<string, string>> = REASON_MESSAGES[locale];
  const template = messages[reason.key] ?? reason.key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = reason.params[`${name}@${locale}`] ?? reason.params[name];
    if (value === undefined) return whole;
    if (typeof value === 'string' && value.includes('\n')) return value.split('\n').join(LIST_SEPARATORS[locale]);
    const prefix = REASON_PARAM_LABELS[name];
    if (prefix === undefined) return String(value);
    return String(value)
      .split(',')
      .map((v) => messages[prefix + v] ?? v)
      .join(LIST_SEPARATORS[locale]);
  });
}

/** The reason lines of a scored match, one per part, in part order. */
export function explain(match: { parts: readonly { name: ScorePartName; reason: Reason }[] }, locale: Locale): string[] {
  return match.parts.map((part) => formatReason(part.reason, locale));
}
