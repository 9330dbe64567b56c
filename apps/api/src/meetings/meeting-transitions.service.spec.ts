import type { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import type { Clock } from '../common/clock';
import type { NotificationsService } from '../notifications/notifications.service';
import type { Meeting } from './meeting.entity';
import { MeetingTransitionsService } from './meeting-transitions.service';

/**
 * The transition's reads and writes in memory: meeting m1 (version 3) between jp1 and cn1,
 * its edition 2027-03-03…05 in Shanghai. `concurrentWrite` makes the compare-and-swap
 * find another version, as when someone else changed the row meanwhile.
 */
const db = { meeting: undefined as unknown as Meeting, concurrentWrite: false, history: [] as Record<string, unknown>[] };

jest.mock('./meetings.queries', () => ({
  lockMeeting: async (_tx: unknown, id: string) => (id === db.meeting.id ? { ...db.meeting } : null),
  editionOfMeeting: async () => ({ id: 'e1', startDate: '2027-03-03', endDate: '2027-03-05', timeZone: 'Asia/Shanghai' }),
  swapMeeting: async (_tx: unknown, _id: string, version: number, changes: Partial<Meeting>) => {
    if (db.concurrentWrite || version !== db.meeting.version) return false;
    Object.assign(db.meeting, changes, { version: version + 1 });
    return true;
  },
  insertTransition: async (_tx: unknown, t: Record<string, unknown>) => void db.history.push(t),
}));

const NOW = new Date('2027-02-01T00:00:00Z');
const jp: AuthUser = { id: 'u-jp', role: 'jp', organizationId: 'jp1', timeZone: 'Asia/Tokyo' };
const cn: AuthUser = { id: 'u-cn', role: 'cn', organizationId: 'cn1', timeZone: 'Asia/Shanghai' };
const bureau: AuthUser = { id: 'u-b', role: 'bureau', organizationId: null, timeZone: 'Asia/Shanghai' };
const stranger: AuthUser = { id: 'u-x', role: 'cn', organizationId: 'cn9', timeZone: 'Asia/Shanghai' };

describe('MeetingTransitionsService (one way a meeting changes state, on its queries in memory)', () => {
  let service: MeetingTransitionsService;
  let notices: { action: string }[];
  let audits: { action: string }[];
  let released: string[];

  beforeEach(() => {
    db.meeting = {
      id: 'm1',
      editionId: 'e1',
      jpOrganizationId: 'jp1',
      cnOrganizationId: 'cn1',
      status: 'requested',
      version: 3,
      answerDeadline: new Date('2027-02-03T00:00:00Z'),
      jpAcceptedAt: NOW,
      cnAcceptedAt: null,
      slotPublishedAt: null,
      jpConfirmedAt: null,
      cnConfirmedAt: null,
    } as Meeting;
    db.concurrentWrite = false;
    db.history = [];
    notices = [];
    audits = [];
    released = [];
    const notifications = { queueMeetingTransition: async (_tx: unknown, n: { action: string }) => (notices.push(n), 1) } as unknown as NotificationsService;
    const audit = { record: async (_tx: unknown, e: { action: string }) => void audits.push(e) } as unknown as AuditService;
    const clock: Clock = { now: () => NOW };
    service = new MeetingTransitionsService(notifications, audit, clock, { answerWindowHours: 72 });
    service.onSlotReleased(async (_tx, meeting) => void released.push(meeting.id));
  });

  it("the bureau's approval gives the Ji'nan company a full answer window from now, bumps the version, and is recorded, notified and audited", async () => {
    const applied = await service.apply({} as never, 'm1', 'approve', bureau, { note: 'fine' });
    expect(applied).toMatchObject({ from: 'requested', to: 'approved' });
    expect(db.meeting).toMatchObject({ status: 'approved', version: 4, answerDeadline: new Date('2027-02-04T00:00:00Z') });
    expect(db.history).toEqual([
      { meetingId: 'm1', actorId: 'u-b', side: 'bureau', action: 'approve', from: 'requested', to: 'approved', note: 'fine', at: NOW },
    ]);
    expect(notices.map((n) => n.action)).toEqual(['approve']);
    expect(audits.map((a) => a.action)).toEqual(['meeting.approve']);
  });

  it('a party is not audited; someone who is not a party does not see the meeting (404)', async () => {
    db.meeting.status = 'approved';
    await service.apply({} as never, 'm1', 'accept', cn);
    expect(db.meeting.status).toBe('accepted');
    expect(db.meeting.answerDeadline).toBeNull();
    expect(audits).toEqual([]);
    await expect(service.apply({} as never, 'm1', 'cancel', stranger)).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
    await expect(service.apply({} as never, 'm9', 'cancel', jp)).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
  });

  it('wrong actor is MEETING_NOT_YOUR_TURN, wrong state MEETING_WRONG_STATE; nothing is written', async () => {
    await expect(service.apply({} as never, 'm1', 'approve', jp)).rejects.toMatchObject({ code: 'MEETING_NOT_YOUR_TURN' });
    await expect(service.apply({} as never, 'm1', 'publish', bureau)).rejects.toMatchObject({ code: 'MEETING_WRONG_STATE' });
    expect(db.meeting).toMatchObject({ status: 'requested', version: 3 });
    expect([db.history, notices, audits]).toEqual([[], [], []]);
  });

  it('a row changed meanwhile (the version moved) is MEETING_CHANGED_CONCURRENTLY and nothing is recorded', async () => {
    db.concurrentWrite = true;
    await expect(service.apply({} as never, 'm1', 'approve', bureau)).rejects.toMatchObject({ code: 'MEETING_CHANGED_CONCURRENTLY' });
    expect([db.history, notices, audits]).toEqual([[], [], []]);
  });

  it('scheduling stays between the scheduler and the bureau (no notice); leaving the slot runs the slot hooks', async () => {
    db.meeting.status = 'accepted';
    await service.apply({} as never, 'm1', 'schedule', null);
    expect(db.meeting.status).toBe('scheduled');
    expect(notices).toEqual([]);
    expect(db.history.at(-1)).toMatchObject({ side: 'system', actorId: null, action: 'schedule' });
    expect(released).toEqual([]);
    await service.apply({} as never, 'm1', 'cancel', cn, { note: 'plans changed' });
    expect(db.meeting.status).toBe('cancelled');
    expect(notices.map((n) => n.action)).toEqual(['cancel']);
    expect(released).toEqual(['m1']);
  });
});
