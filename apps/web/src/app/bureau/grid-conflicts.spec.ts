import type { GridBookingView } from '@jinan/contracts';
import { gridConflicts, SlotTimes } from './grid-conflicts';

const booking = (meetingId: string, sessionId: string, slotId: string, tableNumber: number, jp: string, cn: string): GridBookingView => ({
  meetingId,
  sessionId,
  slotId,
  tableNumber,
  status: 'scheduled',
  published: false,
  jp: { id: jp, name: { zh: null, ja: jp, en: null } },
  cn: { id: cn, name: { zh: cn, ja: null, en: null } },
});

// Two sessions side by side: A's slots at 13:30 and 13:50, B's at 13:30.
const times: SlotTimes = new Map([
  ['a1', { sessionId: 'A', startsAt: '2027-05-27T05:30:00.000Z', endsAt: '2027-05-27T05:50:00.000Z' }],
  ['a2', { sessionId: 'A', startsAt: '2027-05-27T05:50:00.000Z', endsAt: '2027-05-27T06:10:00.000Z' }],
  ['b1', { sessionId: 'B', startsAt: '2027-05-27T05:30:00.000Z', endsAt: '2027-05-27T05:50:00.000Z' }],
]);

describe('gridConflicts', () => {
  const moving = booking('m', 'A', 'a2', 1, 'jp1', 'cn1');

  it('names the meeting holding the table at that time', () => {
    const taken = booking('x', 'A', 'a1', 2, 'jp9', 'cn9');
    expect(gridConflicts(moving, 'a1', 2, [moving, taken], times)).toEqual([{ kind: 'table', other: taken }]);
    expect(gridConflicts(moving, 'a1', 3, [moving, taken], times)).toEqual([]);
  });

  it('sees an organisation busy in another session at an overlapping time, not the same table number there', () => {
    const elsewhere = booking('y', 'B', 'b1', 1, 'jp1', 'cn7');
    expect(gridConflicts(moving, 'a1', 1, [moving, elsewhere], times)).toEqual([{ kind: 'jp', other: elsewhere }]);
  });

  it('ignores meetings at other times and the moving meeting itself', () => {
    const later = booking('z', 'A', 'a2', 2, 'jp1', 'cn1');
    expect(gridConflicts(moving, 'a1', 1, [moving, later], times)).toEqual([]);
  });
});
