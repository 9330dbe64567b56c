import { Inject, Injectable } from '@nestjs/common';
import { MeetingActorSide, MeetingStatus, PENDING_MEETING_STATUSES } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { NotificationsService } from '../notifications/notifications.service';
import { answerDeadline } from './answer-deadline';
import { decideTransition, MeetingAction } from './meeting-state-machine';
import { Meeting } from './meeting.entity';
import { editionOfMeeting, insertTransition, lockMeeting, swapMeeting } from './meetings.queries';

export interface MeetingsOptions {
  answerWindowHours: number;
}
export const MEETINGS_OPTIONS = Symbol('MEETINGS_OPTIONS');

/** Runs in the transaction that moves a meeting out of its slot (see onSlotReleased). */
export type SlotReleasedHook = (tx: EntityManager, meeting: Meeting) => Promise<void>;

export interface TransitionOptions {
  note?: string | null;
  /** The moment of the transition; defaults to the clock (the expiry job passes its own). */
  now?: Date;
}

export interface AppliedTransition {
  meeting: Meeting;
  from: MeetingStatus;
  to: MeetingStatus;
}

const PENDING: readonly MeetingStatus[] = PENDING_MEETING_STATUSES;

/** Actions that stay between the scheduler and the bureau until the agenda is published. */
const SILENT: readonly MeetingAction[] = ['schedule', 'unschedule'];

/**
 * The one way a meeting changes state, for the HTTP endpoints, the expiry job and the
 * scheduling module alike. Always inside the caller's transaction:
 *   1. lock the row (SELECT … FOR UPDATE): concurrent clicks queue here;
 *   2. the caller must be a party or the bureau (else 404), the state machine decides
 *      (wrong state 409 naming it, wrong actor 403);
 *   3. compare-and-swap: UPDATE … WHERE version = the version read;
 *   4. the history row and the notification outbox rows, in the same transaction;
 *   5. when the meeting leaves its slot, the registered slot hooks (the scheduling
 *      module deletes the booking) — still in the same transaction.
 */
@Injectable()
export class MeetingTransitionsService {
  private readonly slotReleasedHooks: SlotReleasedHook[] = [];

  constructor(
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_OPTIONS) private readonly options: MeetingsOptions,
  ) {}

  /**
   * Called by the scheduling module (in its onModuleInit): `hook` runs whenever a
   * meeting leaves scheduled/confirmed for accepted or cancelled — a party declined the
   * slot, someone cancelled, or the scheduler unscheduled it — in that transaction.
   */
  onSlotReleased(hook: SlotReleasedHook): void {
    this.slotReleasedHooks.push(hook);
  }

  /**
   * Applies `action` to meeting `id` for `caller` (null: the platform itself — the
   * expiry job or the scheduler). Throws a DomainError on any refusal; the caller's
   * transaction then rolls back.
   */
  async apply(tx: EntityManager, id: string, action: MeetingAction, caller: AuthUser | null, options: TransitionOptions = {}): Promise<AppliedTransition> {
    const now = options.now ?? this.clock.now();
    const meeting = await lockMeeting(tx, id);
    const side = meeting ? sideOf(caller, meeting) : null;
    if (!meeting || !side) throw meetingNotFound(id);

    const decision = decideTransition(meeting, action, side, now);
    if (!decision.ok) {
      throw new DomainError(decision.refusal === 'actor' ? 'MEETING_NOT_YOUR_TURN' : 'MEETING_WRONG_STATE', decision.message);
    }
    let deadline = PENDING.includes(decision.to) ? meeting.answerDeadline : null;
    if (action === 'approve') {
      // The Ji'nan company gets a full window to answer from the bureau's approval.
      const edition = await editionOfMeeting(tx, meeting.editionId);
      deadline = answerDeadline(now, edition, this.options.answerWindowHours);
    }
    const next = { ...decision.patch, status: decision.to, answerDeadline: deadline, updatedAt: now };
    if (!(await swapMeeting(tx, id, meeting.version, next))) {
      throw new DomainError('MEETING_CHANGED_CONCURRENTLY', 'the meeting was changed by someone else meanwhile; reload it');
    }
    Object.assign(meeting, next, { version: meeting.version + 1 });

    const note = options.note ?? null;
    await this.record(tx, { meetingId: id, actorId: caller?.id ?? null, side, action, from: decision.from, to: decision.to, note, at: now });
    if (!SILENT.includes(action)) {
      await this.notifications.queueMeetingTransition(tx, {
        meetingId: id,
        action,
        from: decision.from,
        to: decision.to,
        note,
        actorId: caller?.id ?? null,
        notifyBureau: false,
      });
    }
    if (side === 'bureau') {
      await this.audit.record(tx, {
        actorId: caller?.id ?? null,
        action: `meeting.${action}`,
        entity: 'meeting',
        entityId: id,
        editionId: meeting.editionId,
        details: { from: decision.from, to: decision.to, ...(note ? { note } : {}) },
      });
    }
    if (decision.releasesSlot) {
      for (const hook of this.slotReleasedHooks) await hook(tx, meeting);
    }
    return { meeting, from: decision.from, to: decision.to };
  }

  /** A row of the meeting's history (creation has no `from`). */
  async record(
    tx: EntityManager,
    t: {
      meetingId: string;
      actorId: string | null;
      side: MeetingActorSide;
      action: string;
      from: MeetingStatus | null;
      to: MeetingStatus;
      note: string | null;
      at: Date;
    },
  ): Promise<void> {
    await insertTransition(tx, t);
  }
}

/** The caller's side in this meeting; null when it is none of their business. */
export function sideOf(caller: AuthUser | null, m: Pick<Meeting, 'jpOrganizationId' | 'cnOrganizationId'>): MeetingActorSide | null {
  if (!caller) return 'system';
  if (caller.role === 'bureau') return 'bureau';
  if (caller.organizationId && caller.organizationId === m.jpOrganizationId) return 'jp';
  if (caller.organizationId && caller.organizationId === m.cnOrganizationId) return 'cn';
  return null;
}

export function meetingNotFound(id: string): DomainError {
  return new DomainError('MEETING_NOT_FOUND', `no meeting ${id}`);
}
