import { awayFor, meeting, org, tinyEdition } from '../testing/tiny-edition';
import type { ScheduledMeeting, SchedulingInput } from './types';
import { validateSchedule } from './validate';

/** Two slots, one table; A–B and C–D; A speaks only Chinese and D only Japanese for the pool cases. */
function event(): SchedulingInput {
  const input = tinyEdition({ slots: 2, tables: 1, interpreters: 1 });
  input.organizations = [org('A', { languages: ['zh'] }), org('B'), org('C', { languages: ['zh'] }), org('D', { languages: ['ja'] })];
  input.meetings = [meeting('m1', 'A', 'B'), meeting('m2', 'C', 'D'), meeting('m3', 'A', 'C')];
  return input;
}
const at = (meetingId: string, slotId: string, table = 1): ScheduledMeeting => ({ meetingId, sessionId: 'health', slotId, table });
const codes = (input: SchedulingInput, schedule: ScheduledMeeting[]) => validateSchedule(input, schedule).map((v) => v.code);

describe('a schedule that keeps every rule', () => {
  it('has no violation', () => {
    expect(validateSchedule(event(), [at('m1', 'h1'), at('m2', 'h2')])).toEqual([]);
  });
});

describe('two meetings at one table in one slot', () => {
  it('is a table clash', () => {
    const input = event();
    input.sessions[0].tables = 2;
    expect(codes(input, [at('m1', 'h1'), at('m2', 'h1')])).toEqual(['TABLE_TWICE']);
  });
});

describe('an organisation with one delegate in two meetings at once', () => {
  it('is over capacity', () => {
    const input = event();
    input.sessions[0].tables = 2;
    expect(codes(input, [at('m1', 'h1', 1), at('m3', 'h1', 2)])).toEqual(['OVER_CAPACITY']);
  });
});

describe('a meeting while a party is on a site visit', () => {
  it('is a party absent', () => {
    const input = event();
    input.organizations[1].absences = [awayFor(0, 1)];
    expect(codes(input, [at('m1', 'h1')])).toEqual(['PARTY_ABSENT']);
  });
});

describe('two meetings in a day for a party allowed one', () => {
  it('is over the daily maximum', () => {
    const input = event();
    input.organizations[0].maxMeetingsPerDay = 1;
    expect(codes(input, [at('m1', 'h1'), at('m3', 'h2')])).toEqual(['OVER_DAILY_MAXIMUM']);
  });
});

describe('an interpreted meeting when no interpreter is on duty', () => {
  it('exceeds the pool', () => {
    const input = event();
    input.interpreters[0].count = 0;
    // C (zh) and D (ja) share no language
    expect(codes(input, [at('m2', 'h1')])).toEqual(['INTERPRETERS_EXCEEDED']);
  });
});

describe('a meeting in a session it may not use', () => {
  it('is not allowed', () => {
    const input = event();
    input.meetings[0].sessionIds = ['digital'];
    expect(codes(input, [at('m1', 'h1')])).toEqual(['SESSION_NOT_ALLOWED']);
  });
});

describe('a pinned meeting moved to another slot', () => {
  it('is not kept', () => {
    const input = event();
    input.meetings[0].pinned = { slotId: 'h1', table: 1 };
    expect(codes(input, [at('m1', 'h2')])).toEqual(['PINNED_NOT_KEPT']);
  });
});

describe('a meeting at table 2 of a one-table session', () => {
  it('is no such table', () => {
    expect(codes(event(), [at('m1', 'h1', 2)])).toEqual(['NO_SUCH_TABLE']);
  });
});
