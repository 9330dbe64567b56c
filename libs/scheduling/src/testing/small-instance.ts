import fc from 'fast-check';
import type { Language, SchedulingInput } from '../lib/types';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 4, 14, 1); // Thursday 09:00 China time

/**
 * Small random events for property tests: up to 6 organisations, two
 * sessions that may run at the same time, one or two days, 1–2 tables,
 * absences, delegates, daily maxima, languages and a small interpreter pool.
 * `unitWeights` makes every meeting weigh 1, so the weight is the count.
 */
export function smallInstance(unitWeights: boolean): fc.Arbitrary<SchedulingInput> {
  const languages = fc.constantFrom<Language[]>(['zh'], ['ja'], ['en'], ['zh', 'en'], ['ja', 'en']);
  return fc
    .record({
      orgs: fc.array(
        fc.record({
          delegates: fc.integer({ min: 1, max: 2 }),
          maxMeetingsPerDay: fc.integer({ min: 1, max: 4 }),
          languages,
          absentFrom: fc.integer({ min: 0, max: 7 }),
          absentHours: fc.integer({ min: 0, max: 3 }),
        }),
        { minLength: 3, maxLength: 6 },
      ),
      sessions: fc.array(fc.record({ tables: fc.integer({ min: 1, max: 2 }), slots: fc.integer({ min: 2, max: 4 }), offset: fc.integer({ min: 0, max: 1 }) }), {
        minLength: 1,
        maxLength: 2,
      }),
      days: fc.integer({ min: 1, max: 2 }),
      meetings: fc.array(
        fc.record({
          a: fc.nat(),
          b: fc.nat(),
          weight: fc.integer({ min: 100, max: 175 }),
          everySession: fc.boolean(),
          session: fc.nat(),
        }),
        { minLength: 2, maxLength: 10 },
      ),
      interpreters: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ orgs, sessions, days, meetings, interpreters }) => {
      const dayStarts = Array.from({ length: days }, (_, d) => T0 + d * 24 * HOUR);
      const input: SchedulingInput = {
        sessions: sessions.map((session, k) => ({
          id: `s${k}`,
          sector: `sector${k}`,
          tables: session.tables,
          slots: dayStarts.flatMap((start, d) =>
            Array.from({ length: session.slots }, (_, n) => ({
              id: `s${k}-d${d}-${n}`,
              day: `day${d}`,
              halfDay: 'am' as const,
              // the second session may start half an hour later: overlapping, not aligned
              start: start + n * HOUR + (session.offset * HOUR) / 2,
              end: start + (n + 1) * HOUR + (session.offset * HOUR) / 2,
            })),
          ),
        })),
        organizations: orgs.map((org, o) => ({
          id: `o${o}`,
          delegates: org.delegates,
          maxMeetingsPerDay: org.maxMeetingsPerDay,
          languages: org.languages,
          absences: org.absentHours ? [{ start: T0 + org.absentFrom * HOUR, end: T0 + (org.absentFrom + org.absentHours) * HOUR }] : [],
        })),
        meetings: [],
        interpreters: dayStarts.map((start) => ({ start, end: start + 6 * HOUR, count: interpreters })),
      };
      const pairs = new Set<string>();
      meetings.forEach((m, k) => {
        const a = m.a % orgs.length;
        const b = (a + 1 + (m.b % (orgs.length - 1))) % orgs.length;
        const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
        if (pairs.has(key)) return;
        pairs.add(key);
        input.meetings.push({
          id: `m${k}`,
          organizationIds: [`o${a}`, `o${b}`],
          weight: unitWeights ? 1 : m.weight,
          sessionIds: m.everySession ? sessions.map((_, j) => `s${j}`) : [`s${m.session % sessions.length}`],
        });
      });
      return input;
    });
}
