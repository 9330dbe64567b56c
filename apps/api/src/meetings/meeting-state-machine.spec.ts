import 'reflect-metadata';
import { MEETING_STATUSES, MeetingActorSide, MeetingStatus } from '@jinan/contracts';
import { awaiting, decideTransition, MEETING_ACTIONS, MeetingAction, MeetingSnapshot } from './meeting-state-machine';

const NOW = new Date('2027-05-20T02:00:00Z');
const EARLIER = new Date('2027-05-19T02:00:00Z');
const SIDES: MeetingActorSide[] = ['jp', 'cn', 'bureau', 'system'];

function meeting(status: MeetingStatus, extra: Partial<MeetingSnapshot> = {}): MeetingSnapshot {
  return { status, jpAcceptedAt: null, cnAcceptedAt: null, slotPublishedAt: null, jpConfirmedAt: null, cnConfirmedAt: null, ...extra };
}

describe('meeting state machine: every transition of PRODUCT.md §3 for its actor', () => {
  // [from, extra, action, side, to]
  const allowed: [MeetingStatus, Partial<MeetingSnapshot>, MeetingAction, MeetingActorSide, MeetingStatus][] = [
    ['requested', {}, 'approve', 'bureau', 'approved'],
    ['requested', {}, 'reject', 'bureau', 'rejected'],
    ['approved', {}, 'accept', 'cn', 'accepted'],
    ['approved', {}, 'decline', 'cn', 'declined'],
    ['proposed', {}, 'accept', 'jp', 'proposed'],
    ['proposed', { jpAcceptedAt: EARLIER }, 'accept', 'cn', 'accepted'],
    ['proposed', { cnAcceptedAt: EARLIER }, 'accept', 'jp', 'accepted'],
    ['proposed', {}, 'decline', 'cn', 'declined'],
    ['proposed', { cnAcceptedAt: EARLIER }, 'decline', 'jp', 'declined'],
    ['requested', {}, 'expire', 'system', 'expired'],
    ['approved', {}, 'expire', 'system', 'expired'],
    ['proposed', {}, 'expire', 'system', 'expired'],
    ['accepted', {}, 'schedule', 'system', 'scheduled'],
    ['scheduled', {}, 'unschedule', 'system', 'accepted'],
    ['scheduled', {}, 'publish', 'bureau', 'scheduled'],
    ['scheduled', { slotPublishedAt: EARLIER }, 'accept', 'jp', 'scheduled'],
    ['scheduled', { slotPublishedAt: EARLIER, jpConfirmedAt: EARLIER }, 'accept', 'cn', 'confirmed'],
    ['scheduled', { slotPublishedAt: EARLIER }, 'decline', 'cn', 'accepted'],
    ['confirmed', { slotPublishedAt: EARLIER, jpConfirmedAt: EARLIER, cnConfirmedAt: EARLIER }, 'decline', 'jp', 'accepted'],
    ['requested', {}, 'cancel', 'jp', 'cancelled'],
    ['approved', {}, 'cancel', 'bureau', 'cancelled'],
    ['proposed', {}, 'cancel', 'bureau', 'cancelled'],
    ['confirmed', { slotPublishedAt: EARLIER, jpConfirmedAt: EARLIER, cnConfirmedAt: EARLIER }, 'cancel', 'cn', 'cancelled'],
    ['confirmed', { slotPublishedAt: EARLIER, jpConfirmedAt: EARLIER, cnConfirmedAt: EARLIER }, 'hold', 'bureau', 'held'],
    ['confirmed', { slotPublishedAt: EARLIER, jpConfirmedAt: EARLIER, cnConfirmedAt: EARLIER }, 'no_show', 'system', 'no_show'],
  ];

  it.each(allowed)('%s %j --%s by %s--> %s', (from, extra, action, side, to) => {
    const decision = decideTransition(meeting(from, extra), action, side, NOW);
    expect(decision).toMatchObject({ ok: true, from, to });
  });
});

describe('meeting state machine: the same moves refused for every other side with an actor refusal', () => {
  const cases: [MeetingStatus, Partial<MeetingSnapshot>, MeetingAction, MeetingActorSide[]][] = [
    ['requested', {}, 'approve', ['bureau']],
    ['requested', {}, 'reject', ['bureau']],
    ['approved', {}, 'accept', ['cn']],
    ['approved', {}, 'decline', ['cn']],
    ['proposed', {}, 'accept', ['jp', 'cn']],
    ['proposed', {}, 'decline', ['jp', 'cn']],
    ['requested', {}, 'expire', ['system']],
    ['accepted', {}, 'schedule', ['system', 'bureau']],
    ['scheduled', {}, 'publish', ['bureau', 'system']],
    ['scheduled', { slotPublishedAt: EARLIER }, 'accept', ['jp', 'cn']],
    ['scheduled', { slotPublishedAt: EARLIER }, 'decline', ['jp', 'cn']],
    ['requested', {}, 'cancel', ['jp', 'bureau']],
  ];
  it.each(cases)('%s %j: %s is only for %j', (from, extra, action, sides) => {
    for (const side of SIDES.filter((s) => !sides.includes(s))) {
      const decision = decideTransition(meeting(from, extra), action, side, NOW);
      expect(decision).toMatchObject({ ok: false, refusal: 'actor' });
    }
  });

  it('names who may act and the current state', () => {
    expect(decideTransition(meeting('approved'), 'accept', 'jp', NOW)).toEqual({
      ok: false,
      refusal: 'actor',
      message: 'only the Ji\u2019nan company can accept a meeting that is approved',
    });
  });
});

describe('meeting state machine: wrong states are refused naming the state', () => {
  it('a terminal meeting refuses every action to every side', () => {
    for (const status of ['rejected', 'declined', 'expired', 'cancelled', 'held', 'no_show'] as MeetingStatus[]) {
      for (const action of MEETING_ACTIONS) {
        for (const side of SIDES) {
          const decision = decideTransition(meeting(status), action, side, NOW);
          expect(decision).toMatchObject({ ok: false, refusal: 'state' });
          if (!decision.ok) expect(decision.message).toContain(status);
        }
      }
    }
  });

  it('a party cannot answer a request before the bureau approved it', () => {
    expect(decideTransition(meeting('requested'), 'accept', 'cn', NOW)).toEqual({
      ok: false,
      refusal: 'state',
      message: 'cannot accept a meeting that is requested',
    });
  });

  it('a party accepts a proposal once', () => {
    expect(decideTransition(meeting('proposed', { cnAcceptedAt: EARLIER }), 'accept', 'cn', NOW)).toMatchObject({ ok: false, refusal: 'state' });
  });

  it('an unpublished slot can be neither confirmed nor declined, and a published one is not published twice', () => {
    expect(decideTransition(meeting('scheduled'), 'accept', 'jp', NOW)).toMatchObject({ ok: false, refusal: 'state' });
    expect(decideTransition(meeting('scheduled'), 'decline', 'cn', NOW)).toMatchObject({ ok: false, refusal: 'state' });
    expect(decideTransition(meeting('scheduled', { slotPublishedAt: EARLIER }), 'publish', 'bureau', NOW)).toMatchObject({ ok: false, refusal: 'state' });
  });

  it('a confirmed meeting cannot be confirmed again', () => {
    const m = meeting('confirmed', { slotPublishedAt: EARLIER, jpConfirmedAt: EARLIER, cnConfirmedAt: EARLIER });
    expect(decideTransition(m, 'accept', 'jp', NOW)).toMatchObject({ ok: false, refusal: 'state' });
  });
});

describe('meeting state machine: what a transition writes', () => {
  it('records each side\u2019s acceptance of a proposal at the given time', () => {
    expect(decideTransition(meeting('proposed'), 'accept', 'cn', NOW)).toMatchObject({ patch: { cnAcceptedAt: NOW }, releasesSlot: false });
  });

  it('declining a published slot clears the publication and both confirmations, and releases the slot', () => {
    const m = meeting('confirmed', { slotPublishedAt: EARLIER, jpConfirmedAt: EARLIER, cnConfirmedAt: EARLIER });
    expect(decideTransition(m, 'decline', 'cn', NOW)).toEqual({
      ok: true,
      from: 'confirmed',
      to: 'accepted',
      patch: { slotPublishedAt: null, jpConfirmedAt: null, cnConfirmedAt: null },
      releasesSlot: true,
    });
  });

  it('a confirmation that leaves the meeting scheduled keeps its slot', () => {
    expect(decideTransition(meeting('scheduled', { slotPublishedAt: EARLIER }), 'accept', 'jp', NOW)).toMatchObject({
      to: 'scheduled',
      patch: { jpConfirmedAt: NOW },
      releasesSlot: false,
    });
  });

  it('cancelling a scheduled meeting releases its slot; cancelling an accepted one has none to release', () => {
    expect(decideTransition(meeting('scheduled'), 'cancel', 'bureau', NOW)).toMatchObject({ to: 'cancelled', releasesSlot: true });
    expect(decideTransition(meeting('accepted'), 'cancel', 'jp', NOW)).toMatchObject({ to: 'cancelled', releasesSlot: false });
  });

  it('a meeting that was held or missed keeps its booking: it is the record of where it took place', () => {
    const m = meeting('confirmed', { slotPublishedAt: EARLIER, jpConfirmedAt: EARLIER, cnConfirmedAt: EARLIER });
    expect(decideTransition(m, 'hold', 'bureau', NOW)).toMatchObject({ to: 'held', releasesSlot: false });
    expect(decideTransition(m, 'no_show', 'system', NOW)).toMatchObject({ to: 'no_show', releasesSlot: false });
  });
});

describe('meeting state machine: whose turn it is', () => {
  it.each([
    [meeting('requested'), ['bureau']],
    [meeting('approved'), ['cn']],
    [meeting('proposed', { jpAcceptedAt: EARLIER }), ['cn']],
    [meeting('accepted'), ['system']],
    [meeting('scheduled'), ['bureau']],
    [meeting('scheduled', { slotPublishedAt: EARLIER, cnConfirmedAt: EARLIER }), ['jp']],
    [meeting('declined'), []],
  ])('%j awaits %j', (m, expected) => {
    expect(awaiting(m)).toEqual(expected);
  });

  it('every status is handled', () => {
    for (const status of MEETING_STATUSES) expect(Array.isArray(awaiting(meeting(status)))).toBe(true);
  });
});
