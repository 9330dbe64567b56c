import type { Language, MeetingRequest, Organization, SchedulingInput, TimeRange } from '../lib/types';

const MINUTE = 60_000;
/** Thursday 14 May 2026, 09:00 China time; Friday is a day later. */
export const THURSDAY_9AM = Date.UTC(2026, 4, 14, 1);
export const DAY = 24 * 60 * MINUTE;

/**
 * A hand-made event for scenario tests: one 'health' session of 20-minute
 * slots h1, h2, … on Thursday morning (and the same on Friday, f1, f2, …,
 * when `friday` is set).
 */
export function tinyEdition(options: { slots: number; tables: number; friday?: boolean; interpreters?: number }): SchedulingInput {
  const days = options.friday ? [0, 1] : [0];
  return {
    sessions: [
      {
        id: 'health',
        sector: 'health',
        tables: options.tables,
        slots: days.flatMap((d) =>
          Array.from({ length: options.slots }, (_, k) => ({
            id: `${d === 0 ? 'h' : 'f'}${k + 1}`,
            day: d === 0 ? '2026-05-14' : '2026-05-15',
            halfDay: 'am' as const,
            start: slotStart(k, d),
            end: slotStart(k, d) + 20 * MINUTE,
          })),
        ),
      },
    ],
    organizations: [],
    meetings: [],
    interpreters: days.map((d) => ({ start: THURSDAY_9AM + d * DAY, end: THURSDAY_9AM + d * DAY + 4 * 60 * MINUTE, count: options.interpreters ?? 0 })),
  };
}

/** Start of the k-th slot (0-based) on day d (0 Thursday, 1 Friday). */
export function slotStart(k: number, d = 0): number {
  return THURSDAY_9AM + d * DAY + k * 20 * MINUTE;
}

/** Absent from slot `from` (0-based) for `count` slots on day d. */
export function awayFor(from: number, count: number, d = 0): TimeRange {
  return { start: slotStart(from, d), end: slotStart(from + count, d) };
}

export function org(id: string, extra: Partial<Organization> & { languages?: Language[] } = {}): Organization {
  return { id, delegates: 1, maxMeetingsPerDay: 10, languages: ['zh', 'en'], absences: [], ...extra };
}

export function meeting(id: string, a: string, b: string, weight = 100, extra: Partial<MeetingRequest> = {}): MeetingRequest {
  return { id, organizationIds: [a, b], weight, sessionIds: ['health'], ...extra };
}
