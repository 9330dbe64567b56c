import { contentLanguage, pickLocalized } from './localized-text';

describe('pickLocalized', () => {
  const full = { zh: '智能康复设备', ja: 'スマートリハビリ機器', en: 'Smart rehabilitation devices' };

  it("shows the viewer's language when the author gave it, unlabelled", () => {
    expect(pickLocalized(full, 'ja')).toEqual({ text: 'スマートリハビリ機器', lang: 'ja', fallback: false });
    expect(pickLocalized(full, 'en')).toEqual({ text: 'Smart rehabilitation devices', lang: 'en', fallback: false });
  });

  it("falls back to the author's language (Chinese for an offer), labelled", () => {
    expect(pickLocalized({ zh: '智能康复设备', ja: null, en: 'Smart rehabilitation devices' }, 'ja')).toEqual({
      text: '智能康复设备',
      lang: 'zh',
      fallback: true,
    });
  });

  it('falls back to the Japanese name of a Japanese firm for a Chinese viewer', () => {
    expect(pickLocalized({ zh: null, ja: 'テスト株式会社', en: 'Test Co.' }, 'zh', 'ja')).toEqual({ text: 'テスト株式会社', lang: 'ja', fallback: true });
  });

  it('uses whatever is there when the primary language is missing too, and ignores blanks', () => {
    expect(pickLocalized({ zh: '  ', ja: null, en: 'Only English' }, 'ja')).toEqual({ text: 'Only English', lang: 'en', fallback: true });
    expect(pickLocalized({}, 'en')).toBeNull();
  });
});

describe('contentLanguage', () => {
  it('maps UI locales to content languages', () => {
    expect(contentLanguage('zh-CN')).toBe('zh');
    expect(contentLanguage('ja')).toBe('ja');
    expect(contentLanguage('en')).toBe('en');
  });
});
