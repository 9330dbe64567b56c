import { conceptTokens } from './concepts/concept-tokens';
import { normaliseText } from './normalise-text';
import { OFFER_FIELD, prepareOffers } from './prepare-offers';
import { TextConceptWords } from './text-concept-words';
import { HELD_OUT_CONFIG, generatePlantedData } from '../testing/planted-data';

describe('TextConceptWords: each text’s concepts with their first word, kept from indexing', () => {
  it('finds the first piece’s word for a concept, texts apart, and nothing for an empty text', () => {
    const termIds = new Map([
      ['~robot', 0],
      ['~arm', 1],
      ['~hand', 2],
    ]);
    const words = new TextConceptWords(2, 2, termIds, ['~china']);
    const piece = (number: number, pairs: string[]): void => {
      for (let k = 0; k < pairs.length; k += 2) {
        const concept = pairs[k] as string;
        words.addWord(words.stopNumber(concept) ?? (termIds.get(concept) as number), pairs[k + 1] as string);
      }
      words.endPiece(number);
    };
    piece(0, ['~robot', '机器人', '~arm', '臂']);
    piece(2, ['~china', '中国', '~robot', 'ロボット', '~hand', '手', '~robot', '机器人']);
    words.setText(0, 1, 'zh', [7, 7, 0, 2], 2);
    words.setText(1, 0, 'ja', [2]);
    expect(words.firstWord(0, 1, 'zh', '~robot')).toBe('机器人');
    expect(words.firstWord(0, 1, 'zh', '~hand')).toBe('手');
    expect(words.firstWord(0, 1, 'zh', '~china')).toBe('中国');
    expect(words.stopNumber('~robot')).toBeUndefined();
    expect(words.firstWord(0, 1, 'zh', '~leg')).toBeUndefined();
    expect(words.firstWord(1, 0, 'ja', '~robot')).toBe('ロボット');
    expect(words.firstWord(1, 0, 'zh', '~robot')).toBeUndefined();
    expect(words.firstWord(0, 0, 'zh', '~robot')).toBeUndefined();
    expect(() => words.firstWord(0, 2, 'zh', '~robot')).toThrow();
    expect(() => words.firstWord(0, 0, 'en', '~robot')).toThrow();
  });

  it('gives every Chinese and Japanese offer text the word that segmenting the whole normalised text gives first (stop concepts too)', () => {
    const { offers } = generatePlantedData({ ...HELD_OUT_CONFIG, firms: 1, offers: 300, seed: 11 });
    const prepared = prepareOffers(offers);
    const fields = [OFFER_FIELD.title, OFFER_FIELD.summary, OFFER_FIELD.partnerSought] as const;
    const names = ['title', 'summary', 'partnerSought'] as const;
    let checked = 0;
    const differ: string[] = [];
    prepared.offers.forEach((offer, d) => {
      fields.forEach((field, i) => {
        for (const language of ['zh', 'ja'] as const) {
          const text = offer[names[i] as (typeof names)[number]][language];
          if (!text) continue;
          const first = new Map<string, string>();
          conceptTokens(normaliseText(text), language, (concept, surface) => {
            if (!first.has(concept)) first.set(concept, surface);
          });
          for (const [concept, surface] of first) {
            checked++;
            if (prepared.text.conceptWords.firstWord(d, field, language, concept) !== surface) differ.push(`${offer.id} ${language} ${concept}`);
          }
          if (prepared.text.conceptWords.firstWord(d, field, language, '~no-such-concept') !== undefined) differ.push(`${offer.id} ${language} none`);
        }
      });
    });
    expect(checked).toBeGreaterThan(1000);
    expect(differ).toEqual([]);
  });
});
