import { awayFor, meeting, org, tinyEdition } from '../testing/tiny-edition';
import { generateInstance } from '../testing/generate-instance';
import { scheduleMeetings } from './schedule';
import type { SchedulingInput } from './types';
import { validateSchedule } from './validate';

const fixedClock = () => 0;
const run = (input: SchedulingInput) => {
  const result = scheduleMeetings(input, { seed: 1, clock: fixedClock });
  expect(validateSchedule(input, result.assignments)).toEqual([]);
  return result;
};
const where = (result: ReturnType<typeof run>) => Object.fromEntries(result.assignments.map((a) => [a.meetingId, `${a.slotId}/${a.table}`]));
const why = (result: ReturnType<typeof run>) => Object.fromEntries(result.leftOut.map((l) => [l.meetingId, l.reason]));

describe('a meeting goes to the only slot both parties are free', () => {
  it('puts it at 09:40, table 1', () => {
    const input = tinyEdition({ slots: 3, tables: 2 });
    // A is on a site visit 09:00–09:40, so h3 is the only common slot
    input.organizations = [org('A', { absences: [awayFor(0, 2)] }), org('B')];
    input.meetings = [meeting('m1', 'A', 'B')];
    expect(where(run(input))).toEqual({ m1: 'h3/1' });
  });
});

describe('one delegate, two requests for the only slot', () => {
  it('keeps the heavier meeting and says the delegate is busy', () => {
    const input = tinyEdition({ slots: 1, tables: 2 });
    input.organizations = [org('A'), org('B'), org('C')];
    input.meetings = [meeting('m1', 'A', 'B', 150), meeting('m2', 'A', 'C', 120)];
    const result = run(input);
    expect(where(result)).toEqual({ m1: 'h1/1' });
    expect(why(result)['m2']).toEqual({
      code: 'PARTY_FULLY_BOOKED',
      params: { organization: 'A', slots: 1 },
      message: 'all delegates of A are in other meetings in each of the 1 slots where both parties are free',
    });
  });
});

describe('two delegates, two requests for the only slot', () => {
  it('holds both meetings at once, at two tables', () => {
    const input = tinyEdition({ slots: 1, tables: 2 });
    input.organizations = [org('A', { delegates: 2 }), org('B'), org('C')];
    input.meetings = [meeting('m1', 'A', 'B', 150), meeting('m2', 'A', 'C', 120)];
    expect(where(run(input))).toEqual({ m1: 'h1/1', m2: 'h1/2' });
  });
});

describe('a daily maximum of one meeting', () => {
  it('spreads the two heaviest over Thursday and Friday and leaves the third out', () => {
    const input = tinyEdition({ slots: 1, tables: 2, friday: true });
    input.organizations = [org('A', { maxMeetingsPerDay: 1 }), org('B'), org('C'), org('D')];
    input.meetings = [meeting('m1', 'A', 'B', 130), meeting('m2', 'A', 'C', 120), meeting('m3', 'A', 'D', 110)];
    const result = run(input);
    expect(Object.keys(where(result)).sort()).toEqual(['m1', 'm2']);
    // one on each day: h1 (Thursday) and f1 (Friday)
    expect(Object.values(where(result)).sort()).toEqual(['f1/1', 'h1/1']);
    expect(why(result)['m3'].code).toBe('PARTY_AT_DAILY_MAXIMUM');
    expect(why(result)['m3'].params).toEqual({ organization: 'A', maximum: 1 });
  });
});

describe('one interpreter for two meetings that need one', () => {
  it('places the heavier and says every interpreter is busy', () => {
    const input = tinyEdition({ slots: 1, tables: 2, interpreters: 1 });
    // A–B (zh with ja) and C–D (zh with en) share no working language
    input.organizations = [org('A', { languages: ['zh'] }), org('B', { languages: ['ja'] }), org('C', { languages: ['zh'] }), org('D', { languages: ['en'] })];
    input.meetings = [meeting('m1', 'A', 'B', 110), meeting('m2', 'C', 'D', 140)];
    const result = run(input);
    expect(where(result)).toEqual({ m2: 'h1/1' });
    expect(why(result)['m1'].code).toBe('NO_INTERPRETER_FREE');
    // the bound knows the pool too: one interpreted meeting at most, the heavier (140)
    expect(result.statistics.upperBound).toBe(140);
  });
});

describe('no interpreter on duty at all', () => {
  it('says so instead of blaming other meetings', () => {
    const input = tinyEdition({ slots: 2, tables: 2, interpreters: 0 });
    input.organizations = [org('A', { languages: ['zh'] }), org('B', { languages: ['ja'] })];
    input.meetings = [meeting('m1', 'A', 'B')];
    expect(why(run(input))['m1'].code).toBe('NO_INTERPRETER_SCHEDULED');
  });
});

describe('a light meeting whose parties are each taken by a heavier meeting', () => {
  it('is outranked', () => {
    const input = tinyEdition({ slots: 2, tables: 2 });
    // B is there only at 09:00 and H only at 09:20: E meets B at 09:00, F meets H at 09:20,
    // so E and F are never free together; either heavier meeting outweighs E–F (120).
    input.organizations = [org('E'), org('F'), org('B', { absences: [awayFor(1, 1)] }), org('H', { absences: [awayFor(0, 1)] })];
    input.meetings = [meeting('m1', 'E', 'B', 170), meeting('m2', 'F', 'H', 150), meeting('m3', 'E', 'F', 120)];
    const result = run(input);
    expect(where(result)).toEqual({ m1: 'h1/1', m2: 'h2/1' });
    expect(why(result)['m3']).toEqual({
      code: 'OUTRANKED',
      params: { 'booked:E': 1, 'booked:F': 1 },
      message: 'every slot where both parties are free is taken by more important meetings: E in other meetings in 1, F in other meetings in 1',
    });
  });
});

describe('parties whose free slots never coincide', () => {
  it('gives the reason in words', () => {
    const input = tinyEdition({ slots: 2, tables: 1, friday: true });
    // A is away on Thursday, B on Friday
    input.organizations = [org('A', { absences: [awayFor(0, 2, 0)] }), org('B', { absences: [awayFor(0, 2, 1)] })];
    input.meetings = [meeting('m1', 'A', 'B')];
    expect(why(run(input))['m1']).toEqual({
      code: 'NO_COMMON_FREE_SLOT',
      params: { organizationA: 'A', organizationB: 'B' },
      message: "both parties' free slots never coincide",
    });
  });
});

describe('a meeting allowed only in a session the event does not have', () => {
  it('is left out as not allowed', () => {
    const input = tinyEdition({ slots: 1, tables: 1 });
    input.organizations = [org('A'), org('B')];
    input.meetings = [meeting('m1', 'A', 'B', 100, { sessionIds: ['environment'] })];
    expect(why(run(input))['m1'].code).toBe('NOT_ALLOWED_IN_ANY_SESSION');
  });
});

describe('a pinned meeting and a heavier request for the same table', () => {
  it('keeps the pinned meeting where it is', () => {
    const input = tinyEdition({ slots: 1, tables: 1 });
    input.organizations = [org('A'), org('B'), org('C'), org('D')];
    input.meetings = [meeting('m1', 'A', 'B', 100, { pinned: { slotId: 'h1', table: 1 } }), meeting('m2', 'C', 'D', 175)];
    const result = run(input);
    expect(where(result)).toEqual({ m1: 'h1/1' });
    expect(why(result)['m2']).toEqual({
      code: 'ALL_TABLES_FULL',
      params: { slots: 1 },
      message: 'all tables are taken in each of the 1 slots where both parties are free',
    });
  });
});

describe('a party with one meeting fixed at 09:00 and one free to go anywhere', () => {
  it('puts the second at 09:20, next to the first, leaving no hole', () => {
    const input = tinyEdition({ slots: 3, tables: 2 });
    // B is only there at 09:00; C all morning. 09:40 would leave A idle at 09:20.
    input.organizations = [org('A'), org('B', { absences: [awayFor(1, 2)] }), org('C')];
    input.meetings = [meeting('m1', 'A', 'B'), meeting('m2', 'A', 'C')];
    const result = run(input);
    expect(where(result)).toEqual({ m1: 'h1/1', m2: 'h2/1' });
    expect(result.statistics.holes).toEqual({ total: 0, mean: 0, max: 0, shareWithNone: 1 });
    // A stays at table 1 for both meetings
    expect(result.statistics.tableChanges).toBe(0);
  });
});

describe('a re-run after a decline, with one new request', () => {
  it('keeps every other meeting where it was and uses the freed slot', () => {
    const input = tinyEdition({ slots: 3, tables: 1 });
    input.organizations = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((id) => org(id));
    input.meetings = [meeting('m1', 'A', 'B'), meeting('m2', 'C', 'D'), meeting('m3', 'E', 'F')];
    const first = run(input);
    expect(first.statistics.placed).toBe(3); // one table, three slots, three meetings
    const previous = Object.fromEntries(first.assignments.map((a) => [a.meetingId, { slotId: a.slotId, table: a.table }]));
    // C declined m2; G and H asked to meet
    input.meetings = [
      meeting('m1', 'A', 'B', 100, { previous: previous['m1'] }),
      meeting('m3', 'E', 'F', 100, { previous: previous['m3'] }),
      meeting('m4', 'G', 'H'),
    ];
    const second = run(input);
    expect(second.statistics.moved).toBe(0);
    expect(where(second)).toEqual({
      m1: `${previous['m1'].slotId}/1`,
      m3: `${previous['m3'].slotId}/1`,
      m4: `${previous['m2'].slotId}/1`,
    });
  });
});

describe('an organisation wanted by three, with one delegate and one slot', () => {
  it('reports the flow bound (100), tighter than the capacity bound (200)', () => {
    const input = tinyEdition({ slots: 1, tables: 3 });
    input.organizations = [org('A'), org('B'), org('C'), org('D')];
    input.meetings = [meeting('m1', 'A', 'B'), meeting('m2', 'A', 'C'), meeting('m3', 'A', 'D')];
    const { statistics } = run(input);
    expect(statistics.bounds).toEqual({
      requests: 300, // all three
      tableSlots: 300, // three tables × one slot
      organizationCapacity: 200, // ½ × (A: 100 + B, C, D: 100 each)
      flow: 100, // A can sit in one meeting only
    });
    expect(statistics.upperBound).toBe(100);
    expect(statistics.placed).toBe(1);
    expect(statistics.gap).toBe(0);
  });
});

describe('the same event scheduled twice with the same seed', () => {
  it('gives the same schedule', () => {
    const input = generateInstance('S', 3);
    const first = scheduleMeetings(input, { seed: 5, clock: fixedClock });
    const second = scheduleMeetings(input, { seed: 5, clock: fixedClock });
    expect(second).toEqual(first);
    expect(validateSchedule(input, first.assignments)).toEqual([]);
  });
});

describe('a re-run of tier S after twenty declines', () => {
  it('keeps every pinned meeting and moves a meeting only to let another in', () => {
    const input = generateInstance('S', 1);
    const first = run(input);
    const pinned = new Set(input.meetings.filter((m) => m.pinned).map((m) => m.id));
    const declined = new Set(
      first.assignments
        .filter((a) => !pinned.has(a.meetingId))
        .slice(0, 20)
        .map((a) => a.meetingId),
    );
    const previous = new Map(first.assignments.map((a) => [a.meetingId, { slotId: a.slotId, table: a.table }]));
    const again: SchedulingInput = {
      ...input,
      meetings: input.meetings.filter((m) => !declined.has(m.id)).map((m) => ({ ...m, previous: previous.get(m.id) })),
    };
    const second = run(again); // the validator inside run() checks the pinned meetings
    const keptFromFirst = first.statistics.placed - declined.size;
    const newlyPlaced = second.statistics.placed - keptFromFirst;
    expect(newlyPlaced).toBeGreaterThan(0); // the freed places are used
    // a move is only worth it when it lets a left-out meeting in
    expect(second.statistics.moved).toBeLessThanOrEqual(newlyPlaced);
    expect(second.statistics.weightedPlaced).toBeGreaterThan(first.statistics.weightedPlaced - 20 * 175);
  });
});

describe('a meeting with an organisation that is not in the input', () => {
  it('is refused before any scheduling', () => {
    const input = tinyEdition({ slots: 1, tables: 1 });
    input.organizations = [org('A')];
    input.meetings = [meeting('m1', 'A', 'Z')];
    expect(() => scheduleMeetings(input)).toThrow('meeting m1: unknown organisation');
  });
});
