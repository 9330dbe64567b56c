import { MEETINGS_CSV, ORGANIZATIONS_CSV, SCHEDULE_CSV } from './csv-columns';
import { csvHeaders, headerLocale } from './csv-headers';

describe('CSV headers in the bureau’s language', () => {
  const all = [...MEETINGS_CSV.columns, ...SCHEDULE_CSV.columns, ...ORGANIZATIONS_CSV.columns];

  it('labels every column of every export in Chinese and Japanese, none left in snake_case', () => {
    for (const locale of ['zh-CN', 'ja'] as const) {
      expect(csvHeaders(all, locale).filter((h) => /^[a-z_]+$/.test(h))).toEqual([]);
    }
  });

  it('keeps the stable snake_case names without a language, and ignores an unknown one', () => {
    expect(csvHeaders(MEETINGS_CSV.columns, null)).toEqual(MEETINGS_CSV.columns);
    expect(headerLocale('fr')).toBeNull();
    expect(headerLocale('ja')).toBe('ja');
  });
});
