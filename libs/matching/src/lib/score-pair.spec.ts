import { aFirm, anOffer } from '../testing/builders';
import { prepareOffers } from './prepare-offers';
import { scoreAll } from './rank';
import { scorePair } from './score-pair';

describe('a pair with no shared words: the score is the structured parts alone', () => {
  it('scores 37.2 for a small investor looking at a 200–400 M CNY joint venture in its sector', () => {
    const firm = aFirm({ id: 'jp-1', sectors: ['health'], cooperationTypes: ['investment'], sizeBand: 'small', languages: ['ja'] });
    const offer = anOffer({
      id: 'of-1',
      sector: 'health',
      cooperationType: 'joint_venture',
      investmentMinMillionCny: 200,
      investmentMaxMillionCny: 400,
      company: { sectors: ['health'], languages: ['zh', 'en'] },
    });
    const match = scorePair(firm, 'of-1', prepareOffers([offer]));
    // sector 0.20 × 1 + cooperation 0.12 × 0.6 (joint venture near investment) + text 0.48 × 0
    // + scale 0.06 × 1/3 (one decade above 20) + language 0.06 × 0 (ja vs zh/en) + spread 0.08 × 1
    // = 20 + 7.2 + 0 + 2 + 0 + 8 = 37.2 points
    expect(match.score).toBe(37.2);
    expect(match.parts.map((p) => [p.name, p.points])).toEqual([
      ['sector', 20],
      ['cooperation', 7.2],
      ['text', 0],
      ['scale', 2],
      ['language', 0],
      ['spread', 8],
    ]);
    expect(match.parts.find((p) => p.name === 'language')?.reason.key).toBe('matching.reason.language.none');
  });
});

describe('text relevance by hand: firm seeks 机器人, one of two offers is titled 机器人', () => {
  it('covers 1.30177 / 2.2 of the query and scores 97.25', () => {
    const firm = aFirm({ id: 'jp-1', seeks: { zh: '机器人' }, languages: ['zh'] });
    const robots = anOffer({ id: 'of-a', title: { zh: '机器人' } });
    const batteries = anOffer({ id: 'of-b', title: { zh: '电池' } });
    const match = scorePair(firm, 'of-a', prepareOffers([robots, batteries]));
    // Title boost 2: 机器人 gives 机 器 人 机器 器人 each tf 2, CJK length 10; 电池 gives length 6; mean 8.
    // BM25 factor = tf·(k1+1) / (tf + k1·(1 − b + b·10/8)) = 4.4 / (2 + 1.2 × 1.15) = 1.301775
    // Every query term is in the offer with that factor, so coverage = 1.301775 / (k1+1) = 0.591716
    // (idf and the 0.2 weight of single characters cancel out). No new term to learn from feedback.
    // text = 1 − exp(−0.591716 / 0.12) = 0.992786 from the surface terms alone (weights-v1).
    // weights-v2 adds the concept layer: the query's concepts (~robot …) are in the offer too,
    // with their own length normalisation, which lifts coverage a little: 0.9942.
    // weights-v3 drops single characters from queries (cjkUnigramWeight 0; they still count in the
    // CJK length, so the factor is the same): the concept layer weighs a little more: 0.9944.
    const text = match.parts.find((p) => p.name === 'text');
    expect(text?.value).toBe(0.9944);
    // 20 + 12 + 48 × 0.9944 (= 47.73) + 6 × 0.6 (no range stated) + 6 + 8 = 97.33
    expect(match.score).toBe(97.33);
    expect(text?.reason).toEqual({
      key: 'matching.reason.text.strong',
      params: { terms: '机器人', 'terms@en': 'robot', 'terms@ja': '機器人', 'terms@zh-CN': '机器人' },
    });
  });
});

describe('a Chinese offer on 医疗器械 meets a Japanese firm seeking 医療機器', () => {
  const firm = aFirm({ id: 'jp-1', seeks: { ja: '中国の医療機器メーカーとの協力を探しています' } });
  const devices = anOffer({ id: 'of-2', title: { zh: '医疗器械合作项目' }, summary: { zh: '公司生产超声诊断设备等医疗器械。' } });
  const elderlyCare = anOffer({ id: 'of-1', title: { zh: '养老服务合作项目' }, summary: { zh: '公司提供居家养老服务。' } });
  const run = scoreAll([firm], [elderlyCare, devices]);

  it('ranks the medical-device offer above an unrelated offer of the same sector, type and size', () => {
    expect(run.firms[0]?.offers.map((o) => o.offerId)).toEqual(['of-2', 'of-1']);
    const [first, second] = run.firms[0]?.offers ?? [];
    expect((first?.score ?? 0) - (second?.score ?? 0)).toBeGreaterThan(10);
  });

  it('explains the match with the words as the firm wrote them', () => {
    const text = run.firms[0]?.offers[0]?.parts.find((p) => p.name === 'text');
    // weights-v2: the dictionary knows 医療機器 as one word (v1 showed the shared bigram 医療).
    expect(text?.reason.params['terms']?.toString().split('\n')[0]).toBe('医療機器');
  });

  it('gives the same score through scorePair as through scoreAll', () => {
    expect(scorePair(firm, 'of-2', prepareOffers([elderlyCare, devices]), { demand: run.demand })).toEqual(run.firms[0]?.offers[0]);
  });
});
