import { conceptTokens } from './concepts/concept-tokens';
import type { Language } from './domain';
import { normaliseText } from './normalise-text';
import { OFFER_FIELD, prepareOffers } from './prepare-offers';
import { TextConceptWords } from './text-concept-words';
import { HELD_OUT_CONFIG, generatePlantedData } from '../testing/planted-data';

describe('TextConceptWords: each text’s concepts with their first word, kept from indexing', () => {
  it('finds the first piece’s word for a concept, stop concepts too, texts apart, and nothing for an empty text', () => {
    const termIds = new Map<string, number>();
    const words = new TextConceptWords(2, 2, termIds, ['~china']);
    const firsts = new Map<string, string>();
    // As the index gives them: each distinct piece once, numbered, its concepts in order.
    const piece = (number: number, text: string, language: Language): void => {
      conceptTokens(text, language, (concept, surface) => {
        let id = words.stopNumber(concept) ?? termIds.get(concept);
        if (id === undefined) termIds.set(concept, (id = termIds.size));
        words.addConcept(id);
        if (language === 'zh' && !firsts.has(concept)) firsts.set(concept, surface);
      });
      words.endPiece(number, text, language);
    };
    piece(0, '中国工业机器人手臂。', 'zh');
    piece(2, '机械手和机器人。', 'zh');
    piece(3, 'ロボットの手。', 'ja');
    words.setText(0, 1, 'zh', [7, 7, 0, 2], 2);
    words.setText(1, 0, 'ja', [3]);
    expect(firsts.get('~china')).toBe('中国');
    expect(words.stopNumber('~china')).toBe(-1);
    expect(words.stopNumber('~robot')).toBeUndefined();
    expect(firsts.size).toBeGreaterThan(4);
    for (const [concept, surface] of firsts) expect(words.firstWord(0, 1, 'zh', concept)).toBe(surface);
    expect(words.firstWord(0, 1, 'zh', '~no-such-concept')).toBeUndefined();
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
