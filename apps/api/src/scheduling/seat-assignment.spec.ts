import { assignSeats } from './seat-assignment';

const hour = (h: number) => h * 3_600_000;

describe('assignSeats: two delegates, three overlapping-in-pairs meetings', () => {
  // 9–10 and 9:30–10:30 overlap → seats 1 and 2; 10–11 starts when seat 1 frees.
  it('reuses the first seat as soon as it is free', () => {
    const seats = assignSeats(
      [
        { key: 'a', organizationId: 'o', start: hour(9), end: hour(10) },
        { key: 'b', organizationId: 'o', start: hour(9.5), end: hour(10.5) },
        { key: 'c', organizationId: 'o', start: hour(10), end: hour(11) },
      ],
      () => 2,
    );
    expect(Object.fromEntries(seats)).toEqual({ a: 1, b: 2, c: 1 });
  });
});

describe('assignSeats: a pinned booking keeps its seat', () => {
  it('puts the new meeting on the other seat', () => {
    const seats = assignSeats(
      [
        { key: 'pinned', organizationId: 'o', start: hour(9), end: hour(10), seat: 1 },
        { key: 'new', organizationId: 'o', start: hour(9), end: hour(10) },
      ],
      () => 2,
    );
    expect(Object.fromEntries(seats)).toEqual({ pinned: 1, new: 2 });
  });
});

describe('assignSeats: more meetings at once than delegates', () => {
  it('refuses instead of double-booking a delegate', () => {
    expect(() =>
      assignSeats(
        [
          { key: 'a', organizationId: 'o', start: 0, end: 10 },
          { key: 'b', organizationId: 'o', start: 5, end: 15 },
        ],
        () => 1,
      ),
    ).toThrow('more meetings at once than delegates');
  });
});
