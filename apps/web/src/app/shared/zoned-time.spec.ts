import { dayInZone, formatEditionDate, formatInZone, ZonedTimePipe } from './zoned-time';

describe('formatInZone', () => {
  // 09:00 in Ji'nan (UTC+8) is 01:00 UTC and 10:00 in Tokyo (UTC+9): Tokyo is one hour ahead.
  const nineInShanghai = '2027-05-27T09:00:00+08:00';

  it('shows the event time in Asia/Shanghai and one hour later in Asia/Tokyo', () => {
    expect(formatInZone(nineInShanghai, 'Asia/Shanghai', 'time', 'en')).toBe('09:00');
    expect(formatInZone(nineInShanghai, 'Asia/Tokyo', 'time', 'en')).toBe('10:00');
  });

  it('reads the same instant written in another offset identically', () => {
    expect(formatInZone('2027-05-27T01:00:00Z', 'Asia/Tokyo', 'time', 'ja')).toBe('10:00');
  });

  it('moves to the next day in Tokyo for a late evening in Shanghai', () => {
    // 23:30 on 27 May in Shanghai is 00:30 on 28 May in Tokyo.
    expect(dayInZone('2027-05-27T23:30:00+08:00', 'Asia/Shanghai')).toBe('2027-05-27');
    expect(dayInZone('2027-05-27T23:30:00+08:00', 'Asia/Tokyo')).toBe('2027-05-28');
  });

  it("formats dates in the viewer's language", () => {
    expect(formatInZone(nineInShanghai, 'Asia/Tokyo', 'date', 'ja')).toBe('2027年5月27日');
    expect(formatInZone(nineInShanghai, 'Asia/Shanghai', 'date', 'zh-CN')).toBe('2027年5月27日');
    expect(formatInZone(nineInShanghai, 'Asia/Shanghai', 'datetime', 'en')).toBe('May 27, 2027 09:00');
    expect(formatEditionDate('2027-05-27', 'Asia/Shanghai', 'en')).toBe('Thu, May 27, 2027');
  });

  it('returns an empty string for what is not a date', () => {
    expect(formatInZone('not a date', 'Asia/Tokyo', 'time', 'en')).toBe('');
  });
});

describe('ZonedTimePipe', () => {
  const pipe = new ZonedTimePipe();

  it('formats through formatInZone with an explicit zone', () => {
    expect(pipe.transform('2027-05-28T14:20:00+08:00', 'Asia/Tokyo', 'time', 'ja')).toBe('15:20');
    expect(pipe.transform('2027-05-28T14:20:00+08:00', 'Asia/Shanghai', 'time', 'ja')).toBe('14:20');
  });

  it('shows nothing for a missing value', () => {
    expect(pipe.transform(null, 'Asia/Tokyo')).toBe('');
  });
});
