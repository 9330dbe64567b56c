import type { MeetingActorSide, MeetingStatus } from '@jinan/contracts';

/**
 * The meeting lifecycle of docs/product.md §3 as one table: which action moves a meeting
 * from which states, who may take it, and what it changes. Pure (no Nest, no
 * database) so the meetings service, the expiry job and the scheduling code all
 * apply the same rules.
 *
 *   requested --approve (bureau)--> approved --accept (cn)--> accepted
 *   requested --reject (bureau)--> rejected      approved --decline (cn)--> declined
 *   proposed --accept (jp and cn, each once)--> accepted;  --decline (jp or cn)--> declined
 *   requested | approved | proposed --expire (system, past the deadline)--> expired
 *   accepted --schedule (system/bureau)--> scheduled --unschedule--> accepted
 *   scheduled --publish (bureau/system)--> scheduled, slot published
 *   scheduled (published) --accept (jp and cn, each once)--> confirmed
 *   scheduled (published) | confirmed --decline (jp or cn)--> accepted (placed again)
 *   requested | approved --cancel (jp: the requester withdraws; bureau)--> cancelled
 *   proposed --cancel (bureau)--> cancelled
 *   accepted | scheduled | confirmed --cancel (jp, cn, bureau)--> cancelled
 *   confirmed --hold | no_show (bureau/system, after the slot)--> held | no_show
 */

export const MEETING_ACTIONS = ['approve', 'reject', 'accept', 'decline', 'expire', 'schedule', 'unschedule', 'publish', 'cancel', 'hold', 'no_show'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

/** The parts of a meeting the rules read. */
export interface MeetingSnapshot {
  status: MeetingStatus;
  jpAcceptedAt: Date | null;
  cnAcceptedAt: Date | null;
  slotPublishedAt: Date | null;
  jpConfirmedAt: Date | null;
  cnConfirmedAt: Date | null;
}

/** What a transition writes besides the status. */
export type MeetingPatch = Partial<Omit<MeetingSnapshot, 'status'>>;

export type TransitionDecision =
  | {
      ok: true;
      from: MeetingStatus;
      to: MeetingStatus;
      patch: MeetingPatch;
      /** The meeting left its slot (scheduled/confirmed → accepted/cancelled): its booking must go. */
      releasesSlot: boolean;
    }
  | { ok: false; refusal: 'actor' | 'state'; message: string };

type Party = 'jp' | 'cn';

interface Rule {
  action: MeetingAction;
  from: readonly MeetingStatus[];
  by: readonly MeetingActorSide[];
  /** A further condition on the meeting; a string is the reason it refuses (409). */
  guard?: (m: MeetingSnapshot, side: MeetingActorSide) => string | null;
  apply: (m: MeetingSnapshot, side: MeetingActorSide, now: Date) => { to: MeetingStatus; patch?: MeetingPatch };
}

const PARTIES = ['jp', 'cn'] as const;
const OCCUPYING_SLOT: readonly MeetingStatus[] = ['scheduled', 'confirmed'];

const acceptedAt = (side: Party) => (side === 'jp' ? 'jpAcceptedAt' : 'cnAcceptedAt');
const confirmedAt = (side: Party) => (side === 'jp' ? 'jpConfirmedAt' : 'cnConfirmedAt');
const other = (side: Party): Party => (side === 'jp' ? 'cn' : 'jp');
const asParty = (side: MeetingActorSide) => side as Party;

const RULES: readonly Rule[] = [
  { action: 'approve', from: ['requested'], by: ['bureau'], apply: () => ({ to: 'approved' }) },
  { action: 'reject', from: ['requested'], by: ['bureau'], apply: () => ({ to: 'rejected' }) },

  // A request, approved by the bureau, is answered by the Ji'nan company it names.
  { action: 'accept', from: ['approved'], by: ['cn'], apply: (_m, _s, now) => ({ to: 'accepted', patch: { cnAcceptedAt: now } }) },
  { action: 'decline', from: ['approved'], by: ['cn'], apply: () => ({ to: 'declined' }) },

  // A proposal needs both parties; each answers once.
  {
    action: 'accept',
    from: ['proposed'],
    by: PARTIES,
    guard: (m, side) => (m[acceptedAt(asParty(side))] ? 'you have already accepted this proposal; waiting for the other party' : null),
    apply: (m, side, now) => ({
      to: m[acceptedAt(other(asParty(side)))] ? 'accepted' : 'proposed',
      patch: { [acceptedAt(asParty(side))]: now },
    }),
  },
  { action: 'decline', from: ['proposed'], by: PARTIES, apply: () => ({ to: 'declined' }) },

  { action: 'expire', from: ['requested', 'approved', 'proposed'], by: ['system'], apply: () => ({ to: 'expired' }) },

  { action: 'schedule', from: ['accepted'], by: ['system', 'bureau'], apply: () => ({ to: 'scheduled' }) },
  {
    action: 'unschedule',
    from: ['scheduled'],
    by: ['system', 'bureau'],
    apply: () => ({ to: 'accepted', patch: { slotPublishedAt: null, jpConfirmedAt: null, cnConfirmedAt: null } }),
  },
  {
    action: 'publish',
    from: ['scheduled'],
    by: ['bureau', 'system'],
    guard: (m) => (m.slotPublishedAt ? 'the slot of this meeting is already published' : null),
    apply: (_m, _s, now) => ({ to: 'scheduled', patch: { slotPublishedAt: now } }),
  },

  // A published slot is confirmed by both parties, each once.
  {
    action: 'accept',
    from: ['scheduled'],
    by: PARTIES,
    guard: (m, side) =>
      !m.slotPublishedAt
        ? 'the slot of this meeting is not published yet'
        : m[confirmedAt(asParty(side))]
          ? 'you have already confirmed this slot; waiting for the other party'
          : null,
    apply: (m, side, now) => ({
      to: m[confirmedAt(other(asParty(side)))] ? 'confirmed' : 'scheduled',
      patch: { [confirmedAt(asParty(side))]: now },
    }),
  },
  // Declining a slot (not the meeting) sends the meeting back to be placed again.
  {
    action: 'decline',
    from: ['scheduled', 'confirmed'],
    by: PARTIES,
    guard: (m) => (m.slotPublishedAt ? null : 'the slot of this meeting is not published yet'),
    apply: () => ({ to: 'accepted', patch: { slotPublishedAt: null, jpConfirmedAt: null, cnConfirmedAt: null } }),
  },

  { action: 'cancel', from: ['requested', 'approved'], by: ['jp', 'bureau'], apply: () => ({ to: 'cancelled' }) },
  { action: 'cancel', from: ['proposed'], by: ['bureau'], apply: () => ({ to: 'cancelled' }) },
  {
    action: 'cancel',
    from: ['accepted', 'scheduled', 'confirmed'],
    by: ['jp', 'cn', 'bureau'],
    apply: () => ({ to: 'cancelled', patch: { slotPublishedAt: null, jpConfirmedAt: null, cnConfirmedAt: null } }),
  },

  { action: 'hold', from: ['confirmed'], by: ['bureau', 'system'], apply: () => ({ to: 'held' }) },
  { action: 'no_show', from: ['confirmed'], by: ['bureau', 'system'], apply: () => ({ to: 'no_show' }) },
];

const SIDE_NAMES: Record<MeetingActorSide, string> = {
  jp: 'the Japanese firm',
  cn: 'the Ji\u2019nan company',
  bureau: 'the bureau',
  system: 'the platform',
};

/**
 * Decides one transition. Refusals: `state` (409) when the action does not apply to
 * the meeting's current state, `actor` (403) when it does but not for this side.
 */
export function decideTransition(m: MeetingSnapshot, action: MeetingAction, side: MeetingActorSide, now: Date): TransitionDecision {
  const applicable = RULES.filter((r) => r.action === action && r.from.includes(m.status));
  if (!applicable.length) {
    return { ok: false, refusal: 'state', message: `cannot ${verb(action)} a meeting that is ${m.status}` };
  }
  const rule = applicable.find((r) => r.by.includes(side));
  if (!rule) {
    const allowed = [...new Set(applicable.flatMap((r) => r.by))].filter((s) => s !== 'system');
    const who = allowed.length ? allowed.map((s) => SIDE_NAMES[s]).join(' or ') : 'the platform';
    return { ok: false, refusal: 'actor', message: `only ${who} can ${verb(action)} a meeting that is ${m.status}` };
  }
  const refused = rule.guard?.(m, side);
  if (refused) return { ok: false, refusal: 'state', message: `${refused} (the meeting is ${m.status})` };
  const { to, patch = {} } = rule.apply(m, side, now);
  // Held and no-show meetings keep their booking: it is the record of where they took place.
  const releasesSlot = OCCUPYING_SLOT.includes(m.status) && (to === 'accepted' || to === 'cancelled');
  return { ok: true, from: m.status, to, patch, releasesSlot };
}

/** Who must act next, for the web app's "your turn" markers. */
export function awaiting(m: MeetingSnapshot): ('bureau' | 'jp' | 'cn' | 'system')[] {
  switch (m.status) {
    case 'requested':
      return ['bureau'];
    case 'approved':
      return ['cn'];
    case 'proposed':
      return PARTIES.filter((p) => !m[acceptedAt(p)]);
    case 'accepted':
      return ['system'];
    case 'scheduled':
      return m.slotPublishedAt ? PARTIES.filter((p) => !m[confirmedAt(p)]) : ['bureau'];
    // Both sides confirmed: nobody has to act before the meeting (the bureau records attendance afterwards).
    case 'confirmed':
    default:
      return [];
  }
}

function verb(action: MeetingAction): string {
  return action === 'no_show' ? 'mark as no-show' : action;
}
