import { Converter } from 'opencc-js';
import type { CooperationType, Language, MatchingFirm, MatchingOffer, MultilingualText, Sector, SizeBand } from '../lib/domain';
import { COOPERATION_TYPES, SECTORS, SIZE_BANDS } from '../lib/domain';
import type { Topic } from './vocabulary';
import { GENERIC, TOPICS } from './vocabulary';

/**
 * Planted-truth data: each firm has hidden interests (topics), each offer is about one
 * topic (sometimes two), and the texts are written from per-topic vocabularies, so the
 * offers relevant to a firm are known. The engine never sees the topics.
 *
 * What makes it hard on purpose: firms and offers pick different subsets of a topic's
 * words; the Japanese word is often not the Chinese one; some Chinese is written in
 * traditional characters; generic words and boilerplate are shared by every sector;
 * texts mention unrelated topics; a few "hub" offers name every topic of their sector;
 * topics are unevenly popular; a firm's sector holds many offers it does not want.
 */
export interface PlantedDataConfig {
  firms: number;
  offers: number;
  seed: number;
  /** Chance an offer also has Japanese / English text (Chinese is always there unless offerWithoutChineseRate). */
  offerJapaneseRate: number;
  offerEnglishRate: number;
  offerWithoutChineseRate: number;
  /** How firms write what they seek (relative weights). */
  firmWriting: { ja: number; jaEn: number; en: number; zh: number };
  /** Chance a Chinese text is written in traditional characters. */
  traditionalRate: number;
  /** Chance a text also mentions a topic it is not about. */
  distractorRate: number;
  /** Boilerplate sentences per text, inclusive range. */
  noiseSentences: [number, number];
  /** Share of offers that name every topic of their sector (they are about one). */
  hubRate: number;
  /** Share of offers about two topics of their sector. */
  secondTopicRate: number;
  /** Popularity skew of topics (0 = uniform). */
  topicSkew: number;
}

/** The configuration tests use. */
export const DEVELOPMENT_CONFIG: Omit<PlantedDataConfig, 'firms' | 'offers' | 'seed'> = {
  offerJapaneseRate: 0.35,
  offerEnglishRate: 0.5,
  offerWithoutChineseRate: 0.05,
  firmWriting: { ja: 0.55, jaEn: 0.2, en: 0.15, zh: 0.1 },
  traditionalRate: 0.15,
  distractorRate: 0.25,
  noiseSentences: [1, 3],
  hubRate: 0.02,
  secondTopicRate: 0.1,
  topicSkew: 0.8,
};

/** A second configuration, never used to choose weights: the benchmark reports on it. */
export const HELD_OUT_CONFIG: Omit<PlantedDataConfig, 'firms' | 'offers' | 'seed'> = {
  offerJapaneseRate: 0.25,
  offerEnglishRate: 0.4,
  offerWithoutChineseRate: 0.15,
  firmWriting: { ja: 0.45, jaEn: 0.2, en: 0.2, zh: 0.15 },
  traditionalRate: 0.3,
  distractorRate: 0.4,
  noiseSentences: [2, 4],
  hubRate: 0.04,
  secondTopicRate: 0.15,
  topicSkew: 1.2,
};

/** The hidden truth: topics of each offer and interests of each firm, by id. */
export interface PlantedTruth {
  offerTopics: Record<string, string[]>;
  firmInterests: Record<string, string[]>;
}

export interface PlantedData {
  config: PlantedDataConfig;
  firms: MatchingFirm[];
  offers: MatchingOffer[];
  truth: PlantedTruth;
}

/**
 * Relevance grade of an offer for a firm: 0 when the offer is about none of the firm's
 * interests, 1 when it is, 2 when it also offers a cooperation type the firm seeks.
 */
export function relevanceGrade(truth: PlantedTruth, firm: MatchingFirm, offer: MatchingOffer): number {
  const interests = truth.firmInterests[firm.id] ?? [];
  const topics = truth.offerTopics[offer.id] ?? [];
  if (!topics.some((topic) => interests.includes(topic))) return 0;
  return firm.cooperationTypes.includes(offer.cooperationType) ? 2 : 1;
}

export function generatePlantedData(config: PlantedDataConfig): PlantedData {
  const rng = mulberry32(config.seed);
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const topicWeights = TOPICS.map((_, i) => 1 / (1 + ((i * 7) % TOPICS.length)) ** (config.topicSkew / 2));
  const interestWeights = TOPICS.map((_, i) => 1 / (1 + ((i * 11 + 5) % TOPICS.length)) ** (config.topicSkew / 2));
  const truth: PlantedTruth = { offerTopics: {}, firmInterests: {} };

  const zhText = (text: string): string => (rng() < config.traditionalRate ? toTraditional(text) : text);

  const offers: MatchingOffer[] = [];
  let companyNumber = 0;
  while (offers.length < config.offers) {
    companyNumber++;
    const organizationId = `co-${pad(companyNumber, 6)}`;
    const mainSector = SECTORS[Math.floor(rng() * SECTORS.length)] as Sector;
    const companySectors: Sector[] = [mainSector];
    if (rng() < 0.2)
      companySectors.push(
        pick(
          rng,
          SECTORS.filter((s) => s !== mainSector),
        ),
      );
    const companyLanguages: Language[] = ['zh'];
    if (rng() < 0.5) companyLanguages.push('en');
    if (rng() < 0.25) companyLanguages.push('ja');
    const offerCount = 1 + Math.floor(rng() * rng() * 5);
    for (let k = 0; k < offerCount && offers.length < config.offers; k++) {
      const sector = rng() < 0.9 ? mainSector : pick(rng, companySectors);
      const sectorTopics = TOPICS.filter((topic) => topic.sector === sector);
      const topic = weightedPick(
        rng,
        sectorTopics,
        sectorTopics.map((x) => topicWeights[TOPICS.indexOf(x)] as number),
      );
      const topics = [topic];
      if (rng() < config.secondTopicRate)
        topics.push(
          pick(
            rng,
            sectorTopics.filter((x) => x !== topic),
          ),
        );
      const hub = rng() < config.hubRate;
      const cooperationType = weightedPick(rng, COOPERATION_TYPES, [3, 3, 2, 1.5, 1.5, 2]);
      const id = `of-${pad(offers.length + 1, 7)}`;
      const languages: Language[] = [];
      if (rng() >= config.offerWithoutChineseRate) languages.push('zh');
      if (rng() < config.offerJapaneseRate) languages.push('ja');
      if (rng() < config.offerEnglishRate || languages.length === 0) languages.push('en');
      const texts = offerTexts(rng, topics, hub ? sectorTopics : [], cooperationType, languages, config);
      const title: MultilingualText = {};
      const summary: MultilingualText = {};
      const partnerSought: MultilingualText = {};
      for (const language of languages) {
        const text = texts[language];
        title[language] = language === 'zh' ? zhText(text.title) : text.title;
        summary[language] = language === 'zh' ? zhText(text.summary) : text.summary;
        partnerSought[language] = language === 'zh' ? zhText(text.partnerSought) : text.partnerSought;
      }
      const range = investmentRange(rng, cooperationType);
      offers.push({
        id,
        organizationId,
        sector,
        cooperationType,
        title,
        summary,
        partnerSought,
        ...range,
        company: { sectors: companySectors, languages: companyLanguages },
      });
      truth.offerTopics[id] = topics.map((x) => x.id);
    }
  }

  const firms: MatchingFirm[] = [];
  for (let f = 0; f < config.firms; f++) {
    const id = `jp-${pad(f + 1, 6)}`;
    const first = weightedPick(rng, TOPICS, interestWeights);
    const interests: Topic[] = [first];
    const extra = rng() < 0.45 ? 0 : rng() < 0.7 ? 1 : 2;
    for (let k = 0; k < extra; k++) {
      const pool = TOPICS.filter((x) => !interests.includes(x) && (rng() < 0.75 ? x.sector === first.sector : true));
      interests.push(
        weightedPick(
          rng,
          pool,
          pool.map((x) => interestWeights[TOPICS.indexOf(x)] as number),
        ),
      );
    }
    const sectors = [...new Set(interests.map((x) => x.sector))];
    if (rng() < 0.1) {
      const other = SECTORS.filter((s) => !sectors.includes(s));
      if (other.length > 0) sectors.push(pick(rng, other));
    }
    const cooperationTypes = sample(rng, COOPERATION_TYPES, 1 + Math.floor(rng() * 3)).sort() as CooperationType[];
    const languages: Language[] = ['ja'];
    if (rng() < 0.6) languages.push('en');
    if (rng() < 0.15) languages.push('zh');
    const writing = weightedPick(rng, ['ja', 'jaEn', 'en', 'zh'] as const, [
      config.firmWriting.ja,
      config.firmWriting.jaEn,
      config.firmWriting.en,
      config.firmWriting.zh,
    ]);
    const seeks: MultilingualText = {};
    const seeksIn: Language[] = writing === 'jaEn' ? ['ja', 'en'] : [writing];
    const picks = interests.map((topic) => ({ topic, terms: sample(rng, indices(topic.zh.length), 1 + Math.floor(rng() * 3)) }));
    const distractor =
      rng() < config.distractorRate
        ? pick(
            rng,
            TOPICS.filter((x) => !interests.includes(x)),
          )
        : undefined;
    const distractorTerm = Math.floor(rng() * 6);
    for (const language of seeksIn) {
      const text = firmText(rng, picks, cooperationTypes, language, config, distractor?.[language][distractorTerm]);
      seeks[language] = language === 'zh' ? zhText(text) : text;
    }
    firms.push({
      id,
      sectors,
      cooperationTypes,
      seeks,
      sizeBand: weightedPick(rng, SIZE_BANDS, [2, 3, 3, 2]) as SizeBand,
      languages,
    });
    truth.firmInterests[id] = interests.map((x) => x.id);
  }
  return { config, firms, offers, truth };
}

const TEMPLATES = {
  zh: {
    title: ['{a}项目', '{a}合作项目', '{a}产业化项目', '{a}与{b}项目', '寻求{a}合作'],
    intro: [
      '公司位于济南{place}，主要从事{a}、{b}的{g}与{h}。',
      '本公司专注于{a}和{b}领域，拥有多项{g}专利。',
      '我们在{a}方面积累了丰富经验，{b}业务发展迅速。',
    ],
    cooperation: {
      investment: '拟引进外资，投资建设{a}{g}基地。',
      joint_venture: '希望与日方合资成立{a}公司。',
      technology_licensing: '希望获得日本{a}技术许可。',
      procurement: '计划采购日本{a}相关{g}。',
      distribution: '寻求日本{a}产品在华分销合作。',
      joint_rnd: '愿与日方联合开展{a}研发。',
    },
    partner: ['寻求在{a}领域具有{g}优势的日本企业。', '希望日本合作伙伴在{a}、{b}方面有经验。', '欢迎从事{a}的日本企业洽谈。'],
    distractor: '此外，公司也关注{x}。',
    noise: [
      '公司通过ISO9001质量体系认证。',
      '年销售额超过五亿元。',
      '拥有员工三百余人。',
      '产品远销海外多个国家。',
      '公司是省级高新技术企业。',
      '欢迎各界朋友来济南考察洽谈。',
      '园区交通便利，配套完善。',
    ],
    firm: ['我们希望在{a}和{b}领域与中国企业开展{c}。', '正在寻找{a}方面的{g}合作伙伴。', '特别关注{a}。'],
    firmIntro: ['我公司是一家日本{g}企业。', '我们重视长期合作关系。'],
    places: ['高新区', '历下区', '章丘区', '莱芜区', '新旧动能转换起步区'],
    join: '、',
  },
  ja: {
    title: ['{a}プロジェクト', '{a}協力案件', '{a}の事業化', '{a}と{b}の案件', '{a}のパートナー募集'],
    intro: [
      '当社は済南市{place}に所在し、{a}や{b}の{g}と{h}を行っています。',
      '弊社は{a}と{b}の分野に特化し、多数の{g}特許を保有しています。',
      '{a}で豊富な実績があり、{b}事業も拡大中です。',
    ],
    cooperation: {
      investment: '外資を導入し、{a}の{g}拠点への投資を計画しています。',
      joint_venture: '日本企業と{a}の合弁会社を設立したいと考えています。',
      technology_licensing: '日本の{a}技術のライセンス供与を希望しています。',
      procurement: '日本製の{a}関連{g}の調達を計画しています。',
      distribution: '日本の{a}製品の中国での販売提携先を探しています。',
      joint_rnd: '日本企業と{a}の共同研究開発を行いたいと考えています。',
    },
    partner: [
      '{a}分野で{g}に強みを持つ日本企業を求めています。',
      '{a}や{b}の経験がある日本のパートナーを希望します。',
      '{a}に取り組む日本企業との商談を歓迎します。',
    ],
    distractor: 'また、{x}にも注目しています。',
    noise: [
      'ISO9001認証を取得しています。',
      '年間売上高は5億元を超えます。',
      '従業員は300名余りです。',
      '製品は海外にも輸出しています。',
      '省のハイテク企業に認定されています。',
      '済南への視察を歓迎します。',
      '交通の便が良く、インフラも整っています。',
    ],
    firm: ['{a}や{b}の分野で、中国企業との{c}を検討しています。', '{a}に関する{g}のパートナーを探しています。', '特に{a}に関心があります。'],
    firmIntro: ['弊社は東京に本社を置く{g}メーカーです。', '創業以来、品質を最も重視してきました。', '中国市場への本格的な進出を目指しています。'],
    places: ['高新区', '歴下区', '章丘区', '莱蕪区', '起歩区'],
    join: '、',
  },
  en: {
    title: ['{a} project', '{a} cooperation', 'Industrialisation of {a}', '{a} and {b}', 'Partner wanted: {a}'],
    intro: [
      'Based in the {place} of Jinan, we work on the {g} and {h} of {a} and {b}.',
      'We specialise in {a} and {b} and hold several {g} patents.',
      'We have long experience in {a}; our {b} business is growing fast.',
    ],
    cooperation: {
      investment: 'We plan to attract foreign investment to build a {a} {g} base.',
      joint_venture: 'We would like to set up a {a} joint venture with a Japanese partner.',
      technology_licensing: 'We seek a licence for Japanese {a} technology.',
      procurement: 'We plan to procure Japanese {a} {g}.',
      distribution: 'We seek to distribute Japanese {a} products in China.',
      joint_rnd: 'We would like to run joint R&D on {a} with a Japanese partner.',
    },
    partner: [
      'Japanese companies strong in {a} {g}.',
      'A Japanese partner experienced in {a} and {b}.',
      'Japanese firms working on {a} are welcome to talk to us.',
    ],
    distractor: 'We also follow {x}.',
    noise: [
      'We are ISO 9001 certified.',
      'Annual sales exceed 500 million yuan.',
      'We employ over 300 people.',
      'Our products are exported to many countries.',
      'We are a provincial high-tech enterprise.',
      'Visitors to Jinan are welcome.',
      'The park has good transport links.',
    ],
    firm: ['We are looking for {c} with Chinese companies in {a} and {b}.', 'We seek a partner for {a} {g}.', 'We are particularly interested in {a}.'],
    firmIntro: ['We are a Japanese {g} manufacturer.', 'Quality has been our first priority since our founding.', 'We aim to expand in the Chinese market.'],
    places: ['high-tech zone', 'Lixia district', 'Zhangqiu district', 'Laiwu district', 'Starting Area'],
    join: ', ',
  },
} as const;

const COOPERATION_WORDS: Record<Language, Record<CooperationType, string>> = {
  zh: { investment: '投资合作', joint_venture: '合资', technology_licensing: '技术许可', procurement: '采购', distribution: '销售合作', joint_rnd: '共同研发' },
  ja: {
    investment: '出資',
    joint_venture: '合弁事業',
    technology_licensing: '技術供与',
    procurement: '部品調達',
    distribution: '販売提携',
    joint_rnd: '共同開発',
  },
  en: {
    investment: 'investment',
    joint_venture: 'a joint venture',
    technology_licensing: 'technology licensing',
    procurement: 'procurement',
    distribution: 'distribution',
    joint_rnd: 'joint development',
  },
};

interface OfferText {
  title: string;
  summary: string;
  partnerSought: string;
}

function offerTexts(
  rng: () => number,
  topics: Topic[],
  hubTopics: Topic[],
  type: CooperationType,
  languages: Language[],
  config: PlantedDataConfig,
): Record<Language, OfferText> {
  // Choose words once (by index) so the texts in each language say the same thing.
  const main = topics[0] as Topic;
  const terms = sample(rng, indices(main.zh.length), 4);
  const second = topics[1];
  const secondTerm = Math.floor(rng() * 6);
  const generic = sample(rng, indices(GENERIC.zh.length), 3);
  const intro = Math.floor(rng() * 3);
  const title = Math.floor(rng() * 5);
  const partner = Math.floor(rng() * 3);
  const noise = sample(rng, indices(7), between(rng, config.noiseSentences));
  const distractor =
    rng() < config.distractorRate
      ? pick(
          rng,
          TOPICS.filter((x) => !topics.includes(x)),
        )
      : undefined;
  const distractorTerm = Math.floor(rng() * 6);
  const hubTerms = hubTopics.filter((x) => !topics.includes(x)).map((x) => Math.floor(rng() * x.zh.length));
  const noiseFirst = rng() < 0.5;
  const out = {} as Record<Language, OfferText>;
  for (const language of languages) {
    const w = TEMPLATES[language];
    const word = (i: number): string => main[language][terms[i] as number] as string;
    const g = (i: number): string => GENERIC[language][generic[i] as number] as string;
    const b = second ? (second[language][secondTerm] as string) : word(1);
    const fill = (s: string): string =>
      s.replace('{a}', word(0)).replace('{b}', b).replace('{g}', g(0)).replace('{h}', g(1)).replace('{place}', pick(rng, w.places));
    const sentences = [fill(w.intro[intro] as string), fill(w.cooperation[type]).replace(word(0), word(2))];
    const noiseText = noise.map((i) => w.noise[i] as string);
    if (hubTerms.length > 0) {
      const names = hubTopics.filter((x) => !topics.includes(x)).map((x, i) => x[language][hubTerms[i] as number] as string);
      sentences.push(w.distractor.replace('{x}', names.join(w.join)));
    }
    if (distractor) sentences.push(w.distractor.replace('{x}', distractor[language][distractorTerm] as string));
    const summary = (noiseFirst ? [...noiseText, ...sentences] : [...sentences, ...noiseText]).join(language === 'en' ? ' ' : '');
    out[language] = {
      title: fill(w.title[title] as string),
      summary,
      partnerSought: fill(w.partner[partner] as string).replace(word(0), word(3)),
    };
  }
  return out;
}

function firmText(
  rng: () => number,
  picks: { topic: Topic; terms: number[] }[],
  types: readonly CooperationType[],
  language: Language,
  config: PlantedDataConfig,
  distractor: string | undefined,
): string {
  const w = TEMPLATES[language];
  const sentences: string[] = [];
  const noiseCount = between(rng, [config.noiseSentences[0] - 1, config.noiseSentences[1] - 1]);
  for (const i of sample(rng, indices(w.firmIntro.length), Math.min(noiseCount, w.firmIntro.length))) {
    sentences.push((w.firmIntro[i] as string).replace('{g}', pick(rng, GENERIC[language])));
  }
  for (const { topic, terms } of picks) {
    const a = topic[language][terms[0] as number] as string;
    const b = topic[language][(terms[1] ?? terms[0]) as number] as string;
    const template = terms.length > 1 ? (w.firm[0] as string) : pick(rng, w.firm.slice(1));
    sentences.push(
      template.replace('{a}', a).replace('{b}', b).replace('{c}', COOPERATION_WORDS[language][pick(rng, types)]).replace('{g}', pick(rng, GENERIC[language])),
    );
    if (terms.length > 2) sentences.push((w.firm[2] as string).replace('{a}', topic[language][terms[2] as number] as string));
  }
  if (distractor !== undefined) sentences.splice(Math.floor(rng() * (sentences.length + 1)), 0, w.distractor.replace('{x}', distractor));
  return sentences.join(language === 'en' ? ' ' : '');
}

function investmentRange(rng: () => number, type: CooperationType): Pick<MatchingOffer, 'investmentMinMillionCny' | 'investmentMaxMillionCny'> {
  const stated = type === 'investment' || type === 'joint_venture' ? 0.85 : 0.25;
  if (rng() >= stated) return {};
  const min = Math.max(1, Math.round(10 ** (rng() * 3)));
  if (rng() < 0.15) return { investmentMinMillionCny: min };
  return { investmentMinMillionCny: min, investmentMaxMillionCny: Math.round(min * (1.5 + rng() * 3.5)) };
}

/** Small, fast, seedable PRNG (Mulberry32): the same seed gives the same data everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function weightedPick<T>(rng: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((s, x) => s + x, 0);
  let r = rng() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

function sample<T>(rng: () => number, items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as T);
  return out;
}

function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function between(rng: () => number, [lo, hi]: readonly [number, number]): number {
  return Math.max(0, lo + Math.floor(rng() * (hi - lo + 1)));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
