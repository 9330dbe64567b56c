import { cityName } from './city-name';

describe('cityName', () => {
  it('names a known city in the viewer’s language, whatever script it was typed in', () => {
    expect(cityName('济南', 'en')).toBe('Ji’nan');
    expect(cityName('济南', 'ja')).toBe('済南');
    expect(cityName('Kyoto', 'zh-CN')).toBe('京都');
    expect(cityName('TOKYO', 'zh-CN')).toBe('东京');
  });

  it('shows an unknown city as typed', () => {
    expect(cityName('Wakayama', 'zh-CN')).toBe('Wakayama');
    expect(cityName(null, 'en')).toBe('');
  });
});
