import { DateTime } from 'luxon';

export const EVENT_TIME_ZONE = 'Asia/Shanghai';

export interface EditionDates {
  /** ISO dates (yyyy-MM-dd) in the edition's zone. */
  startDate: string;
  endDate: string;
}

/**
 * The conference runs on the Thursday and Friday of the last week of May: the last
 * Thursday of May whose Friday is still in May (so 2024 → 30–31 May, but 2025, whose
 * last Thursday is 29 May, → 29–30 May; a year whose last Thursday is 31 May falls back
 * a week). Computed in the edition's zone so the machine's zone never matters.
 */
export function defaultEditionDates(year: number, zone: string = EVENT_TIME_ZONE): EditionDates {
  let day = DateTime.fromObject({ year, month: 5, day: 31 }, { zone });
  if (!day.isValid) throw new RangeError(`invalid year or zone: ${year}, ${zone}`);
  // Walk back to the last Thursday (luxon weekday 4) whose next day is still in May.
  while (day.weekday !== 4 || day.plus({ days: 1 }).month !== 5) {
    day = day.minus({ days: 1 });
  }
  // Both dates are valid: `day` was checked above and only moved by whole days.
  return { startDate: day.toFormat('yyyy-MM-dd'), endDate: day.plus({ days: 1 }).toFormat('yyyy-MM-dd') };
}
