import { MeetingStatus } from '@jinan/contracts';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import type { Clock } from '../common/clock';
import type { NotificationsService } from '../notifications/notifications.service';
import type { MeetingTransitionsService } from './meeting-transitions.service';
import type { SelfBookingMeeting } from './self-booking.queries';
import { SelfBookingService } from './self-booking.service';
import type { SlotOptionRow } from './slot-options.queries';

/**
 * Self-booking's tables in memory: meeting m1 between jp1 and cn1 in a `participants`
 * edition, booked at slot s1; slots s2 and s3 are options now (s3 with no free table left
 * when `db.tableGone`). `log` is every write, in order.
 */
const db = {
  meeting: undefined as unknown as SelfBookingMeeting,
  proposals: [] as { id: string; meeting_id: string; slot_id: string; side: 'jp' | 'cn'; status: 'open' | 'accepted' | 'declined' }[],
  options: [] as SlotOptionRow[],
  booking: 's1' as string | null,
  exclusionOnInsert: false,
  log: [] as unknown[][],
};

jest.mock('./self-booking.queries', () => ({
  selfBookingMeeting: async (_db: unknown, id: string) => (id === db.meeting.id ? db.meeting : undefined),
  setSelfBookedAt: async (_tx: unknown, id: string, at: Date | null) => void db.log.push(['self booked at', id, at]),
  insertSlotProposal: async (_tx: unknown, p: { meetingId: string; slotId: string; side: 'jp' | 'cn' }) => {
    const id = `p${db.proposals.length + 1}`;
    db.proposals.push({ id, meeting_id: p.meetingId, slot_id: p.slotId, side: p.side, status: 'open' });
    db.log.push(['propose', p.slotId, p.side]);
    return id;
  },
  slotProposals: async (_db: unknown, meetingId: string) =>
    db.proposals
      .filter((p) => p.meeting_id === meetingId)
      .map((p) => ({ ...p, created_at: new Date(0), starts_at: new Date('2027-03-04T01:00:00Z'), ends_at: new Date('2027-03-04T01:30:00Z') })),
  proposedSlot: async (_db: unknown, id: string) => db.proposals.find((p) => p.id === id)?.slot_id ?? null,
  lockSlotProposal: async (_tx: unknown, id: string, meetingId: string) => db.proposals.find((p) => p.id === id && p.meeting_id === meetingId),
  answerSlotProposal: async (_tx: unknown, id: string, status: 'accepted' | 'declined') => {
    db.proposals.find((p) => p.id === id)!.status = status;
    db.log.push(['answer', id, status]);
  },
  lockMeetingStatus: async () => db.meeting.status,
  deleteBooking: async () => void ((db.booking = null), db.log.push(['unbook'])),
  confirmAgreedSlot: async () => void ((db.meeting.status = 'confirmed'), db.log.push(['confirmed'])),
}));
jest.mock('./slot-options.queries', () => ({
  slotOptions: async (_db: unknown, _m: string, _now: Date, only: string | null = null) => db.options.filter((o) => only === null || o.slot_id === only),
  freeTable: async (_tx: unknown, slotId: string) => (db.options.find((o) => o.slot_id === slotId)?.free_tables ? `t-${slotId}` : null),
  insertBooking: async (_tx: unknown, _m: string, slotId: string, table: string) => {
    if (db.exclusionOnInsert) throw new QueryFailedError('INSERT', [], Object.assign(new Error('conflict'), { code: '23P01' }));
    db.booking = slotId;
    db.log.push(['book', slotId, table]);
  },
}));

const jp: AuthUser = { id: 'u-jp', role: 'jp', organizationId: 'jp1', timeZone: 'Asia/Tokyo' };
const cn: AuthUser = { id: 'u-cn', role: 'cn', organizationId: 'cn1', timeZone: 'Asia/Shanghai' };
const stranger: AuthUser = { id: 'u-x', role: 'jp', organizationId: 'jp9', timeZone: 'Asia/Tokyo' };
const option = (slot_id: string, free_tables = 2): SlotOptionRow => ({
  slot_id,
  session_id: 'health-am',
  starts_at: new Date('2027-03-04T02:00:00Z'),
  ends_at: new Date('2027-03-04T02:30:00Z'),
  free_tables,
});

describe('SelfBookingService (rules, on the queries in memory)', () => {
  let service: SelfBookingService;
  let recorded: { action: string; from: MeetingStatus; to: MeetingStatus; side: string }[];
  let applied: string[];
  let settles: boolean;

  beforeEach(() => {
    db.meeting = {
      id: 'm1',
      edition_id: 'e1',
      status: 'scheduled',
      jp_organization_id: 'jp1',
      cn_organization_id: 'cn1',
      scheduling_mode: 'participants',
      time_zone: 'Asia/Shanghai',
    };
    db.proposals = [];
    db.options = [option('s2'), option('s3')];
    db.booking = 's1';
    db.exclusionOnInsert = false;
    db.log = [];
    recorded = [];
    applied = [];
    settles = true;
    const transitions = {
      onSlotReleased: () => undefined,
      record: async (_tx: unknown, t: { action: string; from: MeetingStatus; to: MeetingStatus; side: string }) => void recorded.push(t),
      apply: async (_tx: unknown, _id: string, action: string) => (applied.push(action), { to: action === 'accept' && !settles ? 'approved' : 'accepted' }),
    } as unknown as MeetingTransitionsService;
    const notifications = { queueMeetingTransition: async () => 1, kick: async () => undefined } as unknown as NotificationsService;
    const dataSource = { manager: {}, query: async () => [], transaction: (work: (tx: unknown) => Promise<unknown>) => work({}) } as unknown as DataSource;
    const clock: Clock = { now: () => new Date('2027-03-01T00:00:00Z') };
    service = new SelfBookingService(dataSource, transitions, notifications, clock);
  });

  it('is for the two parties of a participants edition only', async () => {
    await expect(service.options(stranger, 'm1')).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
    db.meeting.scheduling_mode = 'bureau';
    await expect(service.options(jp, 'm1')).rejects.toMatchObject({ code: 'SELF_BOOKING_NOT_ENABLED' });
    await expect(service.propose(jp, 'm1', { slotId: 's2' })).rejects.toMatchObject({ code: 'SELF_BOOKING_NOT_ENABLED' });
  });

  it("a party proposes another slot of the options; the history and the other party's notice say so", async () => {
    const view = await service.propose(cn, 'm1', { slotId: 's2' });
    expect(view).toMatchObject({ id: 'p1', slotId: 's2', side: 'cn', status: 'open', editionStartsAt: '2027-03-04T09:00:00+08:00' });
    expect(db.log).toEqual([['propose', 's2', 'cn']]);
    expect(recorded).toEqual([expect.objectContaining({ action: 'propose_slot', side: 'cn', from: 'scheduled', to: 'scheduled' })]);
  });

  it('refuses a slot that is not an option now, with the options left (409 SELF_BOOKING_SLOT_TAKEN), and a meeting with no slot to move', async () => {
    await expect(service.propose(jp, 'm1', { slotId: 's9' })).rejects.toMatchObject({
      code: 'SELF_BOOKING_SLOT_TAKEN',
      extra: { options: [expect.objectContaining({ slotId: 's2' }), expect.objectContaining({ slotId: 's3' })] },
    });
    db.meeting.status = 'requested';
    await expect(service.propose(jp, 'm1', { slotId: 's2' })).rejects.toMatchObject({ code: 'SELF_BOOKING_NOT_MOVABLE' });
    expect(db.log).toEqual([]);
  });

  it('only the other party answers a proposal, and only once', async () => {
    await service.propose(jp, 'm1', { slotId: 's2' });
    await expect(service.answer(jp, 'm1', 'p1', { decision: 'accept' })).rejects.toMatchObject({ code: 'SLOT_PROPOSAL_NOT_YOURS' });
    await expect(service.answer(cn, 'm1', 'p9', { decision: 'accept' })).rejects.toMatchObject({ code: 'SLOT_PROPOSAL_NOT_FOUND' });
    await service.answer(cn, 'm1', 'p1', { decision: 'decline' });
    await expect(service.answer(cn, 'm1', 'p1', { decision: 'accept' })).rejects.toMatchObject({ code: 'SLOT_PROPOSAL_CLOSED' });
  });

  it('declining leaves the booking where it was', async () => {
    await service.propose(jp, 'm1', { slotId: 's2' });
    db.log = [];
    const proposals = await service.answer(cn, 'm1', 'p1', { decision: 'decline' });
    expect(proposals.map((p) => p.status)).toEqual(['declined']);
    expect(db.log).toEqual([['answer', 'p1', 'declined']]);
    expect(db.booking).toBe('s1');
    expect(recorded.at(-1)).toMatchObject({ action: 'decline_slot', from: 'scheduled', to: 'scheduled' });
  });

  it('accepting moves the booking to the proposed slot at once, and the meeting is confirmed (both agreed on the time)', async () => {
    await service.propose(jp, 'm1', { slotId: 's3' });
    db.log = [];
    await service.answer(cn, 'm1', 'p1', { decision: 'accept' });
    expect(db.log).toEqual([['answer', 'p1', 'accepted'], ['unbook'], ['book', 's3', 't-s3'], ['confirmed']]);
    expect(recorded.at(-1)).toMatchObject({ action: 'accept_slot', side: 'cn', from: 'scheduled', to: 'confirmed' });
  });

  it('accepting a slot lost meanwhile (no free table, or a concurrent booking) is 409 with the options left', async () => {
    await service.propose(jp, 'm1', { slotId: 's3' });
    db.options = [option('s2'), option('s3', 0)];
    await expect(service.answer(cn, 'm1', 'p1', { decision: 'accept' })).rejects.toMatchObject({ code: 'SELF_BOOKING_SLOT_TAKEN' });
    db.options = [option('s2'), option('s3')];
    db.proposals[0].status = 'open'; // the failed transaction rolled back
    db.exclusionOnInsert = true;
    await expect(service.answer(cn, 'm1', 'p1', { decision: 'accept' })).rejects.toMatchObject({
      code: 'SELF_BOOKING_SLOT_TAKEN',
      message: expect.stringContaining('no longer free'),
    });
  });

  it('accepting a meeting with a slot: accept, schedule, publish and confirm in one go; refused when the acceptance does not settle it', async () => {
    db.meeting.status = 'approved';
    await service.acceptWithSlot(cn, 'm1', 's2', null);
    expect(applied).toEqual(['accept', 'schedule', 'publish', 'accept']);
    expect(db.log).toEqual([
      ['book', 's2', 't-s2'],
      ['self booked at', 'm1', new Date('2027-03-01T00:00:00Z')],
    ]);
    applied = [];
    db.log = [];
    settles = false;
    await expect(service.acceptWithSlot(cn, 'm1', 's2', null)).rejects.toMatchObject({ code: 'SELF_BOOKING_NOT_SETTLING' });
    expect(applied).toEqual(['accept']);
    expect(db.log).toEqual([]);
  });
});
