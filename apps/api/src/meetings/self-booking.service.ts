import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AnswerSlotProposalDto, MeetingStatus, ProposeSlotDto, SlotOptionsView, SlotOptionView, SlotProposalView } from '@jinan/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { PG, pgError } from '../common/errors/postgres-errors';
import { isoInZone } from '../editions/edition.view';
import { NotificationsService } from '../notifications/notifications.service';
import { meetingNotFound, MeetingTransitionsService, sideOf } from './meeting-transitions.service';
import {
  answerSlotProposal,
  confirmAgreedSlot,
  deleteBooking,
  insertSlotProposal,
  lockMeetingStatus,
  lockSlotProposal,
  proposedSlot,
  SelfBookingMeeting as MeetingRow,
  selfBookingMeeting,
  setSelfBookedAt,
  slotProposals,
} from './self-booking.queries';
import { freeTable, insertBooking, slotOptions, SlotOptionRow } from './slot-options.queries';

/** A booked meeting whose slot the parties may move by agreeing on another. */
const MOVABLE: readonly MeetingStatus[] = ['accepted', 'scheduled', 'confirmed'];

/**
 * Self-scheduling (editions in `participants` mode): the party who accepts picks a slot
 * both sides have free and a table is booked in the same transaction; later either
 * party may propose another slot, which the other accepts or declines.
 *
 * Two parties racing for the last table of a slot both pass the read; the bookings'
 * exclusion constraints let one commit and refuse the other (23P01), who gets 409 with
 * the options left. No lock here decides it, so the rule holds across instances.
 */
@Injectable()
export class SelfBookingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: MeetingTransitionsService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A meeting that leaves its slot is no longer self-booked: the optimiser may place it again. */
  onModuleInit(): void {
    this.transitions.onSlotReleased(async (tx, meeting) => {
      await setSelfBookedAt(tx, meeting.id, null);
    });
  }

  async options(caller: AuthUser, meetingId: string): Promise<SlotOptionsView> {
    const meeting = await this.meeting(this.db.manager, caller, meetingId);
    assertParticipantsMode(meeting);
    return this.optionsView(this.db.manager, caller, meeting);
  }

  /**
   * Accepts the meeting and books `slotId` in one transaction: accept (the caller's
   * answer), schedule and publish (the platform), and the caller's confirmation of
   * the slot they chose. The other party is asked to confirm it, as after a publication.
   */
  async acceptWithSlot(caller: AuthUser, meetingId: string, slotId: string, reason: string | null): Promise<void> {
    const meeting = await this.meeting(this.db.manager, caller, meetingId);
    assertParticipantsMode(meeting);
    await this.booking(caller, meeting, slotId, async (tx) => {
      const now = this.clock.now();
      const accepted = await this.transitions.apply(tx, meetingId, 'accept', caller, { note: reason, now });
      if (accepted.to !== 'accepted') {
        throw new DomainError(
          'SELF_BOOKING_NOT_SETTLING',
          'slotId can only be given by the party whose acceptance settles the meeting; accept without it and pick a slot once the other party has accepted',
          [{ field: 'slotId', messages: ['slotId is only allowed when your acceptance settles the meeting'] }],
        );
      }
      await this.book(tx, meetingId, slotId);
      await this.transitions.apply(tx, meetingId, 'schedule', null, { note: 'slot chosen by the parties', now });
      await this.transitions.apply(tx, meetingId, 'publish', null, { now });
      await this.transitions.apply(tx, meetingId, 'accept', caller, { note: 'chose this slot', now });
      await setSelfBookedAt(tx, meetingId, now);
    });
  }

  async propose(caller: AuthUser, meetingId: string, dto: ProposeSlotDto): Promise<SlotProposalView> {
    const meeting = await this.meeting(this.db.manager, caller, meetingId);
    assertParticipantsMode(meeting);
    const side = partySide(caller, meeting);
    if (!MOVABLE.includes(meeting.status)) throw notMovable(meeting.status);
    const [option] = await slotOptions(this.db.manager, meetingId, this.clock.now(), dto.slotId);
    if (!option) throw await this.slotTaken(caller, meeting);
    const id = await this.db.transaction(async (tx) => {
      const proposalId = await insertSlotProposal(tx, { meetingId, slotId: dto.slotId, proposedBy: caller.id, side, at: this.clock.now() });
      await this.transitions.record(tx, {
        meetingId,
        actorId: caller.id,
        side,
        action: 'propose_slot',
        from: meeting.status,
        to: meeting.status,
        note: null,
        at: this.clock.now(),
      });
      await this.notifications.queueMeetingTransition(tx, {
        meetingId,
        action: 'propose_slot',
        from: meeting.status,
        to: meeting.status,
        note: null,
        actorId: caller.id,
        notifyBureau: false,
      });
      return proposalId;
    });
    await this.notifications.kick();
    return (await this.proposals(caller, meetingId)).find((p) => p.id === id)!;
  }

  async proposals(caller: AuthUser, meetingId: string): Promise<SlotProposalView[]> {
    const meeting = await this.meeting(this.db.manager, caller, meetingId);
    const zone = caller.timeZone;
    const rows = await slotProposals(this.db.manager, meetingId);
    return rows.map((r) => ({
      id: r.id,
      meetingId,
      slotId: r.slot_id,
      side: r.side,
      status: r.status,
      startsAt: isoInZone(r.starts_at, zone),
      endsAt: isoInZone(r.ends_at, zone),
      editionStartsAt: isoInZone(r.starts_at, meeting.time_zone),
      editionEndsAt: isoInZone(r.ends_at, meeting.time_zone),
      createdAt: r.created_at.toISOString(),
    }));
  }

  /**
   * The other party answers a proposal. Accepting moves the booking there at once; both
   * have now agreed on the time, so the meeting is confirmed.
   */
  async answer(caller: AuthUser, meetingId: string, proposalId: string, dto: AnswerSlotProposalDto): Promise<SlotProposalView[]> {
    const meeting = await this.meeting(this.db.manager, caller, meetingId);
    const side = partySide(caller, meeting);
    const run = async (tx: EntityManager) => {
      const proposal = await lockSlotProposal(tx, proposalId, meetingId);
      if (!proposal) throw new DomainError('SLOT_PROPOSAL_NOT_FOUND', `no slot proposal ${proposalId} for this meeting`);
      if (proposal.side === side) throw new DomainError('SLOT_PROPOSAL_NOT_YOURS', 'the other party answers your proposal');
      if (proposal.status !== 'open') throw new DomainError('SLOT_PROPOSAL_CLOSED', `this proposal is already ${proposal.status}`);
      const now = this.clock.now();
      await answerSlotProposal(tx, proposalId, dto.decision === 'accept' ? 'accepted' : 'declined', now, caller.id);
      if (dto.decision === 'decline') {
        await this.transitions.record(tx, {
          meetingId,
          actorId: caller.id,
          side,
          action: 'decline_slot',
          from: meeting.status,
          to: meeting.status,
          note: null,
          at: now,
        });
        return;
      }
      const status = await lockMeetingStatus(tx, meetingId);
      if (!MOVABLE.includes(status)) throw notMovable(status);
      await deleteBooking(tx, meetingId);
      await this.book(tx, meetingId, proposal.slot_id);
      await confirmAgreedSlot(tx, meetingId, now);
      await this.transitions.record(tx, {
        meetingId,
        actorId: caller.id,
        side,
        action: 'accept_slot',
        from: status,
        to: 'confirmed',
        note: null,
        at: now,
      });
      await this.notifications.queueMeetingTransition(tx, {
        meetingId,
        action: 'accept_slot',
        from: status,
        to: 'confirmed',
        note: null,
        actorId: caller.id,
        notifyBureau: false,
      });
    };
    if (dto.decision === 'accept') {
      await this.booking(caller, meeting, await proposedSlot(this.db.manager, proposalId, meetingId), run);
    } else {
      await this.db.transaction(run);
    }
    await this.notifications.kick();
    return this.proposals(caller, meetingId);
  }

  /** Runs `work` in a transaction; a slot lost to a concurrent booking becomes 409 with the options left. */
  private async booking(caller: AuthUser, meeting: MeetingRow, slotId: string | null, work: (tx: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.db.transaction(work);
    } catch (error) {
      if (error instanceof SlotGone) throw await this.slotTaken(caller, meeting, slotId);
      const code = pgError(error)?.code;
      // Exclusion: the table or a party's seat went to someone else. Deadlock: a scheduler
      // run was writing the same slot; either way the slot is not to be had now.
      if (code === PG.exclusionViolation || code === PG.deadlockDetected) throw await this.slotTaken(caller, meeting, slotId);
      throw error;
    }
    await this.notifications.kick();
  }

  /** Books the slot on a free table, refusing (409 with options) a slot that is not an option now. */
  private async book(tx: EntityManager, meetingId: string, slotId: string): Promise<void> {
    const [option] = await slotOptions(tx, meetingId, this.clock.now(), slotId);
    const table = option ? await freeTable(tx, slotId, meetingId) : null;
    if (!table) throw new SlotGone();
    await insertBooking(tx, meetingId, slotId, table);
  }

  private async slotTaken(caller: AuthUser, meeting: MeetingRow, slotId: string | null = null): Promise<DomainError> {
    const fresh = await this.optionsView(this.db.manager, caller, meeting);
    return new DomainError(
      'SELF_BOOKING_SLOT_TAKEN',
      slotId ? 'that slot is no longer free for both of you; pick another of the options' : 'pick one of the options',
      [{ field: 'slotId', messages: ['slotId is not free any more'] }],
      { options: fresh.options },
    );
  }

  private async optionsView(db: EntityManager, caller: AuthUser, meeting: MeetingRow): Promise<SlotOptionsView> {
    const zone = caller.timeZone;
    const rows = await slotOptions(db, meeting.id, this.clock.now());
    return { meetingId: meeting.id, zone, editionZone: meeting.time_zone, options: rows.map((r) => optionView(r, zone, meeting.time_zone)) };
  }

  private async meeting(db: EntityManager, caller: AuthUser, id: string): Promise<MeetingRow> {
    const row = await selfBookingMeeting(db, id);
    if (!row || !sideOf(caller, { jpOrganizationId: row.jp_organization_id, cnOrganizationId: row.cn_organization_id })) throw meetingNotFound(id);
    return row;
  }
}

/** Thrown inside the transaction when the slot is no longer an option; becomes 409 with options. */
class SlotGone extends Error {}

function optionView(r: SlotOptionRow, zone: string, editionZone: string): SlotOptionView {
  return {
    slotId: r.slot_id,
    sessionId: r.session_id,
    startsAt: isoInZone(r.starts_at, zone),
    endsAt: isoInZone(r.ends_at, zone),
    editionStartsAt: isoInZone(r.starts_at, editionZone),
    editionEndsAt: isoInZone(r.ends_at, editionZone),
    freeTables: r.free_tables,
  };
}

function assertParticipantsMode(meeting: MeetingRow): void {
  if (meeting.scheduling_mode !== 'participants') {
    throw new DomainError('SELF_BOOKING_NOT_ENABLED', 'in this edition the bureau schedules the meetings; parties do not pick slots');
  }
}

function partySide(caller: AuthUser, meeting: MeetingRow): 'jp' | 'cn' {
  const side = sideOf(caller, { jpOrganizationId: meeting.jp_organization_id, cnOrganizationId: meeting.cn_organization_id });
  if (side !== 'jp' && side !== 'cn') throw new DomainError('SLOT_PROPOSAL_NOT_YOURS', 'only the two parties propose and answer slots');
  return side;
}

function notMovable(status: MeetingStatus): DomainError {
  return new DomainError('SELF_BOOKING_NOT_MOVABLE', `a ${status} meeting has no slot to move; only accepted, scheduled or confirmed meetings do`);
}
