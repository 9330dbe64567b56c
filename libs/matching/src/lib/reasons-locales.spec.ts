import { aFirm, anOffer } from '../testing/builders';
import { prepareOffers } from './prepare-offers';
import { formatReason } from './reasons';
import { scorePair } from './score-pair';

/** The text reason of a pair, rendered in each locale. */
function textReason(seeks: Record<string, string>, offerId: string, offers: ReturnType<typeof anOffer>[]) {
  const match = scorePair(aFirm({ id: 'jp-1', sectors: ['environment'], seeks }), offerId, prepareOffers(offers));
  const reason = match.parts.find((p) => p.name === 'text')?.reason;
  if (!reason) throw new Error('no text part');
  return { key: reason.key, en: formatReason(reason, 'en'), ja: formatReason(reason, 'ja'), zh: formatReason(reason, 'zh-CN') };
}

const boilerplateZh = '本项目可实现日中双方互利共赢，欢迎中国企业与日本企业合作。';
const hydrogen = anOffer({
  id: 'of-h2',
  sector: 'environment',
  title: { zh: '氢燃料电池与工业机器人' },
  summary: { zh: `建设加氢站，引进焊接机器人。${boilerplateZh}` },
});
const water = anOffer({ id: 'of-water', sector: 'environment', title: { zh: '污水处理厂运营' }, summary: { zh: `膜分离技术处理工业废水。${boilerplateZh}` } });
const roads = anOffer({ id: 'of-roads', sector: 'environment', title: { zh: '道路照明改造' }, summary: { zh: `更换路灯。${boilerplateZh}` } });
const offers = [hydrogen, water, roads];
const firmJa = { ja: '水素とロボットの分野で、日中双方のメリットを重視する中国企業との協力を探しています。' };

describe('reasons a business person trusts, in the viewer script', () => {
  it('cites discriminative shared words in each locale script, joined with 、 in Chinese and Japanese', () => {
    const r = textReason(firmJa, 'of-h2', offers);
    // Chinese reader: the offer's simplified words, never the Japanese forms.
    expect(r.zh).toMatch(/氢/);
    expect(r.zh).toMatch(/机器人/);
    expect(r.zh).not.toMatch(/水素|ロボット/);
    expect(r.zh).toMatch(/、/);
    // Japanese reader: the firm's own words.
    expect(r.ja).toMatch(/水素/);
    expect(r.ja).toMatch(/ロボット/);
    expect(r.ja).toMatch(/、/);
    expect(r.ja).not.toMatch(/, /);
    // English reader: English words, joined with a comma.
    expect(r.en).toMatch(/hydrogen/);
    expect(r.en).toMatch(/robot/);
    expect(r.en).toMatch(/, /);
  });

  it.each(['en', 'ja', 'zh'] as const)('never cites boilerplate (日中双方, メリット, 中国企業, china) in %s', (locale) => {
    for (const offer of offers) {
      const text = textReason(firmJa, offer.id, offers)[locale];
      expect(text).not.toMatch(/日中|双方|メリット|中国企業|中国企业|企業|企业|china|chinese|benefit|advantage/i);
    }
  });

  it('words by strength: strong for the on-topic offer, never "matches well" for an off-topic one', () => {
    expect(textReason(firmJa, 'of-h2', offers).key).toBe('matching.reason.text.strong');
    for (const id of ['of-water', 'of-roads']) {
      const r = textReason(firmJa, id, offers);
      expect(r.key).not.toBe('matching.reason.text.strong');
      expect(r.ja).not.toMatch(/よく一致/);
      expect(r.en).not.toMatch(/Closely matches/);
      expect(r.zh).not.toMatch(/高度吻合/);
    }
  });

  it('an English-writing firm reads Chinese-only evidence in English and the Ji’nan side in Chinese', () => {
    const r = textReason({ en: 'We seek partners in hydrogen fuel cells and welding robots.' }, 'of-h2', offers);
    expect(r.en).toMatch(/robots|fuel|hydrogen/);
    expect(r.zh).toMatch(/氢|燃料电池|机器人/);
    expect(r.zh).not.toMatch(/[a-z]{3,}/);
  });

  it('phrases the spread part for people, without engine internals', () => {
    expect(formatReason({ key: 'matching.reason.spread.crowded', params: { demand: 11 } }, 'en')).toBe('Many firms are competing for this offer');
    expect(formatReason({ key: 'matching.reason.spread.open', params: {} }, 'en')).toBe('Few firms are competing for this offer');
    expect(formatReason({ key: 'matching.reason.spread.crowded', params: { demand: 11 } }, 'ja')).not.toMatch(/11|適合/);
  });
});
