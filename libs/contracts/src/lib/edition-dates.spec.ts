import { DateTime, Settings } from 'luxon';
import { defaultEditionDates } from './edition-dates';

/**
 * Expected dates read off a calendar: the last Thursday of May whose Friday is still
 * in May. 2021 is the organisers' own reference (27–28 May).
 */
const EXPECTED: Record<number, string> = {
  2021: '2021-05-27',
  2022: '2022-05-26',
  2023: '2023-05-25',
  2024: '2024-05-30',
  2025: '2025-05-29',
  2026: '2026-05-28',
  2027: '2027-05-27',
  2028: '2028-05-25', // 31 May 2028 is a Wednesday; Thursday 25th → Friday 26th
  2029: '2029-05-24', // Thursday 31 May 2029 has its Friday in June → a week earlier
  2030: '2030-05-30',
  2031: '2031-05-29',
  2032: '2032-05-27',
  2033: '2033-05-26',
  2034: '2034-05-25',
  2035: '2035-05-24', // Thursday 31 May 2035 → falls back to the 24th
};

describe('defaultEditionDates: Thursday and Friday of the last week of May', () => {
  for (const [year, start] of Object.entries(EXPECTED)) {
    it(`${year} starts on ${start}`, () => {
      const dates = defaultEditionDates(Number(year));
      expect(dates.startDate).toBe(start);
      const s = DateTime.fromISO(dates.startDate, { zone: 'Asia/Shanghai' });
      const e = DateTime.fromISO(dates.endDate, { zone: 'Asia/Shanghai' });
      expect(s.weekday).toBe(4);
      expect(e.weekday).toBe(5);
      expect(e.month).toBe(5);
      expect(e.diff(s, 'days').days).toBe(1);
    });
  }
});

describe('defaultEditionDates does not depend on the machine zone', () => {
  const original = Settings.defaultZone;
  afterEach(() => {
    Settings.defaultZone = original;
  });

  it('gives the same dates when the default zone is far west of the event', () => {
    Settings.defaultZone = 'Pacific/Pago_Pago';
    expect(defaultEditionDates(2027)).toEqual({ startDate: '2027-05-27', endDate: '2027-05-28' });
  });
});

describe('defaultEditionDates rejects what it cannot compute', () => {
  it('throws on an unknown zone', () => {
    expect(() => defaultEditionDates(2027, 'Mars/Olympus')).toThrow(RangeError);
  });
});
