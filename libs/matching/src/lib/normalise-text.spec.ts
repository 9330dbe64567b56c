import { normaliseText } from './normalise-text';
import { TokenKind, tokenise } from './tokenise';

describe('Japanese shinjitai, traditional and simplified Chinese fold to one form', () => {
  it('writes 医療機器 (ja), 醫療器械 (traditional) and 医疗器械 (simplified) in simplified characters', () => {
    expect(normaliseText('医療機器')).toBe('医疗机器');
    expect(normaliseText('醫療器械')).toBe('医疗器械');
    expect(normaliseText('医疗器械')).toBe('医疗器械');
  });

  it('folds the variants OpenCC leaves alone, full-width Latin and case', () => {
    expect(normaliseText('汚水処理')).toBe('污水处理');
    expect(normaliseText('ＩｏＴセンサー')).toBe('iotセンサー');
  });
});

describe('tokens: Han bigrams and unigrams within a run, katakana runs, English words', () => {
  it('splits 医療機器のロボット and English without crossing runs', () => {
    const tokens: string[] = [];
    tokenise(normaliseText('医療機器のロボット, Medical Devices of the year 2024'), (term, kind) => tokens.push(`${TokenKind[kind]}:${term}`));
    // の separates the Han run from the katakana run; "of", "the" are stop words, 2024 a bare number.
    expect(tokens).toEqual([
      'CjkUnigram:医',
      'CjkBigram:医疗',
      'CjkUnigram:疗',
      'CjkBigram:疗机',
      'CjkUnigram:机',
      'CjkBigram:机器',
      'CjkUnigram:器',
      'Katakana:ロボット',
      'Word:medical',
      'Word:device',
      'Word:year',
    ]);
  });
});

describe('tokenise with a bigram sink', () => {
  it('offers it the BMP bigrams, in order, and emits the rest as before', () => {
    const text = normaliseText('医療機器のロボット、𠮷野家の牛丼 and robots');
    const plain: string[] = [];
    tokenise(text, (term, kind) => plain.push(`${TokenKind[kind]}:${term}`));
    const split: string[] = [];
    tokenise(
      text,
      (term, kind) => split.push(`${TokenKind[kind]}:${term}`),
      true,
      (first, second) => split.push(`${TokenKind[TokenKind.CjkBigram]}:${String.fromCharCode(first, second)}`) > 0,
    );
    expect(split).toEqual(plain);
  });
});
