import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { BookingMovesService } from './booking-moves';
import type { MeetingToPlace, SlotToPlace } from './scheduling.queries';

/**
 * The placement's reads and writes in memory: one edition with a health session (slot s1,
 * tables 1–2) and a digital one (slot s2), a meeting m1 between jp1 and cn1 whose seat 1
 * is taken at s1 by another meeting. `log` is every write, in order.
 */
const db = {
  meetings: new Map<string, MeetingToPlace>(),
  slots: new Map<string, SlotToPlace>(),
  tables: new Map<string, string>(),
  busySeats: new Set<string>(),
  log: [] as unknown[][],
};

jest.mock('./scheduling.queries', () => ({
  meetingEdition: async (_tx: unknown, id: string) => db.meetings.get(id)?.edition_id,
  lockEditionBookings: async (_tx: unknown, editionId: string) => void db.log.push(['lock edition', editionId]),
  lockMeetingToPlace: async (_tx: unknown, id: string) => db.meetings.get(id),
  slotInEdition: async (_tx: unknown, slotId: string, editionId: string) => (db.slots.get(slotId)?.id && editionId === 'e1' ? db.slots.get(slotId) : undefined),
  tableOfSession: async (_tx: unknown, sessionId: string, number: number) => db.tables.get(`${sessionId}#${number}`),
  releaseBooking: async (_tx: unknown, meetingId: string) => void db.log.push(['release', meetingId]),
  freeSeat: async (_tx: unknown, side: string, org: string, slotId: string) => [1, 2].find((seat) => !db.busySeats.has(`${org}:${seat}@${slotId}`)),
  insertPlacedBooking: async (_tx: unknown, b: Record<string, unknown>) => void db.log.push(['book', b]),
  markScheduledAgain: async (_tx: unknown, meetingId: string) => (db.log.push(['scheduled again', meetingId]), { status: 'scheduled', version: 4 }),
  recordPlacement: async (_tx: unknown, t: Record<string, unknown>) => void db.log.push(['history', t]),
}));

const bureau: AuthUser = { id: 'b1', role: 'bureau', organizationId: null, timeZone: 'Asia/Shanghai' };
const T = (h: number) => new Date(Date.UTC(2027, 2, 4, h));

describe('BookingMovesService (placing a meeting by hand)', () => {
  let service: BookingMovesService;
  let audit: Record<string, unknown>[];

  beforeEach(() => {
    db.meetings = new Map([
      ['m1', { id: 'm1', edition_id: 'e1', status: 'accepted', sector: 'health', jp_organization_id: 'jp1', cn_organization_id: 'cn1' }],
      ['m2', { id: 'm2', edition_id: 'e1', status: 'confirmed', sector: 'health', jp_organization_id: 'jp2', cn_organization_id: 'cn2' }],
    ]);
    db.slots = new Map([
      ['s1', { id: 's1', session_id: 'health-am', starts_at: T(1), ends_at: T(2), sector: 'health' }],
      ['s2', { id: 's2', session_id: 'digital-am', starts_at: T(1), ends_at: T(2), sector: 'digital' }],
    ]);
    db.tables = new Map([
      ['health-am#1', 't1'],
      ['health-am#2', 't2'],
    ]);
    db.busySeats = new Set(['jp1:1@s1']);
    db.log = [];
    audit = [];
    const dataSource = { transaction: (work: (tx: unknown) => Promise<unknown>) => work({}) } as unknown as DataSource;
    service = new BookingMovesService(dataSource, {
      record: async (_tx: unknown, e: Record<string, unknown>) => void audit.push(e),
    } as unknown as AuditService);
  });

  it('books the slot and table on a free delegate seat of each party, schedules the meeting again and records it', async () => {
    const view = await service.move(bureau, 'm1', { slotId: 's1', tableNumber: 2 });
    expect(view).toEqual({
      meetingId: 'm1',
      status: 'scheduled',
      slotId: 's1',
      tableNumber: 2,
      startsAt: '2027-03-04T01:00:00.000Z',
      endsAt: '2027-03-04T02:00:00.000Z',
      version: 4,
    });
    expect(db.log).toEqual([
      ['lock edition', 'e1'],
      ['release', 'm1'],
      ['book', { meetingId: 'm1', editionId: 'e1', slotId: 's1', tableId: 't2', jpOrganizationId: 'jp1', jpSeat: 2, cnOrganizationId: 'cn1', cnSeat: 1 }],
      ['scheduled again', 'm1'],
      ['history', { meetingId: 'm1', actorId: 'b1', action: 'schedule', from: 'accepted', note: 'placed by hand at table 2' }],
    ]);
    expect(audit).toEqual([expect.objectContaining({ action: 'booking.move', entityId: 'm1', details: { slotId: 's1', tableNumber: 2, from: 'accepted' } })]);
  });

  it('a scheduled meeting is moved (its history says so); with no free seat, seat 1 lets the capacity constraint refuse', async () => {
    db.meetings.get('m1')!.status = 'scheduled';
    db.busySeats.add('jp1:2@s1');
    await service.move(bureau, 'm1', { slotId: 's1', tableNumber: 1 });
    expect(db.log[2]).toEqual(['book', expect.objectContaining({ tableId: 't1', jpSeat: 1, cnSeat: 1 })]);
    expect(db.log[4]).toEqual(['history', expect.objectContaining({ action: 'move', from: 'scheduled' })]);
  });

  it.each([
    ['an unknown meeting', 'BOOKING_MEETING_NOT_FOUND', 'm9', { slotId: 's1', tableNumber: 1 }],
    ['a meeting both parties confirmed', 'BOOKING_NOT_MOVABLE', 'm2', { slotId: 's1', tableNumber: 1 }],
    ['a slot of another edition or none', 'BOOKING_SLOT_NOT_FOUND', 'm1', { slotId: 's9', tableNumber: 1 }],
    ["a slot of another sector's session", 'BOOKING_WRONG_SESSION', 'm1', { slotId: 's2', tableNumber: 1 }],
    ['a table the session does not have', 'BOOKING_TABLE_NOT_FOUND', 'm1', { slotId: 's1', tableNumber: 3 }],
  ])('refuses %s (%s) and writes nothing', async (_what, code, meetingId, dto) => {
    const attempt = service.move(bureau, meetingId, dto);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code });
    expect(db.log.filter(([what]) => what !== 'lock edition')).toEqual([]);
    expect(audit).toEqual([]);
  });
});
