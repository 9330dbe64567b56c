import { DateTime } from 'luxon';

/**
 * When a pending meeting expires unanswered: `hours` after `now`, but never past the
 * start of the event (midnight of its first day in the edition's zone). Once the event
 * has started, answers are due by its end.
 */
export function answerDeadline(now: Date, edition: { startDate: string; endDate: string; timeZone: string }, hours: number): Date {
  const start = DateTime.fromISO(edition.startDate, { zone: edition.timeZone }).startOf('day');
  const end = DateTime.fromISO(edition.endDate, { zone: edition.timeZone }).plus({ days: 1 }).startOf('day');
  const cap = now < start.toJSDate() ? start : end;
  const due = DateTime.fromJSDate(now).plus({ hours });
  return (due < cap ? due : cap).toJSDate();
}

/** The edition is over: no new requests or proposals. */
export function editionEnded(now: Date, edition: { endDate: string; timeZone: string }): boolean {
  return now >= DateTime.fromISO(edition.endDate, { zone: edition.timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
}
