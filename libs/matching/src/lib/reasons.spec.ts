import { aFirm, anOffer } from '../testing/builders';
import { LOCALES } from './domain';
import { REASON_MESSAGES, explain, formatReason } from './reasons';
import { scorePair } from './score-pair';
import { prepareOffers } from './prepare-offers';

describe('the reason catalogue', () => {
  it('has the same keys in en, ja and zh-CN, and every placeholder of en in the others', () => {
    const keys = Object.keys(REASON_MESSAGES.en).sort();
    for (const locale of LOCALES) {
      const messages: Record<string, string> = REASON_MESSAGES[locale];
      expect(Object.keys(messages).sort()).toEqual(keys);
      for (const key of keys) {
        const params = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
        expect([locale, key, params(messages[key] as string)]).toEqual([locale, key, params((REASON_MESSAGES.en as Record<string, string>)[key] as string)]);
      }
    }
  });
});

describe('a reason renders in the viewer language with enum labels translated', () => {
  it('says why a Japanese firm sees a related-type digital offer, in three languages', () => {
    const firm = aFirm({ id: 'jp-1', sectors: ['health'], cooperationTypes: ['investment', 'procurement'] });
    const offer = anOffer({ id: 'of-1', sector: 'digital', cooperationType: 'joint_venture', company: { sectors: ['digital'], languages: ['ja'] } });
    const match = scorePair(firm, 'of-1', prepareOffers([offer]));
    expect(explain(match, 'ja').slice(0, 2)).toEqual([
      '関連分野：ご希望は健康・医療、本案件はデジタル・スマート製造',
      '合弁はご希望の形態（投資）に近い協力形態です',
    ]);
    expect(formatReason({ key: 'matching.reason.language.shared', params: { language: 'ja' } }, 'zh-CN')).toBe('共同工作语言：日语');
    expect(formatReason({ key: 'matching.reason.cooperation.related', params: { type: 'investment', sought: 'joint_venture,joint_rnd' } }, 'en')).toBe(
      'investment is close to what you seek (joint venture, joint R&D)',
    );
  });
});
