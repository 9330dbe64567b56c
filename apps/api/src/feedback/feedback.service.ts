import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FeedbackView, FollowUpDueView, SubmitFeedbackDto } from '@jinan/contracts';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { loadEdition } from '../editions/editions';
import { partyRef, Row } from '../organizations/organization.view';
import { feedbackOf, FeedbackRow, followUpsDue, hasInitialFeedback, lockMeeting, MeetingForFeedback, meetingParties, saveFeedback } from './feedback.queries';

/**
 * The follow-up stage opens this many days after the meeting's slot. Kept deliberately
 * simple: one fixed delay, and a list (GET …/feedback/follow-ups) of who owes it, for
 * the bureau to send reminders from; no scheduled mailing yet.
 */
export const FOLLOW_UP_AFTER_DAYS = 90;

/** Meetings that got a published slot: only these can have happened. */
const TOOK_PLACE = ['scheduled', 'confirmed', 'held', 'no_show'];

@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A party's answer for one stage; giving it again replaces it (a party may correct
   * itself). Only the meeting's two organizations, only once its slot has ended, and the
   * follow-up only after the first answer and FOLLOW_UP_AFTER_DAYS.
   */
  async submit(caller: AuthUser, meetingId: string, dto: SubmitFeedbackDto): Promise<FeedbackView> {
    const now = this.clock.now();
    const stage = dto.stage ?? 'initial';
    return this.db.transaction(async (tx) => {
      const m = await lockMeeting(tx, meetingId);
      const organizationId = caller.organizationId;
      // A stranger learns nothing about the meeting: 404, as for the meetings themselves.
      if (!m || !organizationId || ![m.jp_organization_id, m.cn_organization_id].includes(organizationId)) {
        throw new DomainError('FEEDBACK_MEETING_NOT_FOUND', `no meeting ${meetingId}`);
      }
      const end = slotEnd(m);
      if (!end) {
        throw new DomainError('FEEDBACK_MEETING_NOT_TAKING_PLACE', `feedback is for meetings that took place; this one is ${m.status} with no published slot`);
      }
      if (now < end) {
        throw new DomainError('FEEDBACK_TOO_EARLY', `feedback opens when the meeting's slot ends (${end.toISOString()})`);
      }
      if (stage === 'follow_up') {
        if (!(await hasInitialFeedback(tx, meetingId, organizationId)))
          throw new DomainError('FEEDBACK_INITIAL_FIRST', 'give the first feedback on this meeting before the follow-up');
        const opens = DateTime.fromJSDate(end).plus({ days: FOLLOW_UP_AFTER_DAYS }).toJSDate();
        if (now < opens)
          throw new DomainError('FEEDBACK_FOLLOW_UP_TOO_EARLY', `the follow-up opens ${FOLLOW_UP_AFTER_DAYS} days after the meeting (${opens.toISOString()})`);
      }
      const row = await saveFeedback(tx, {
        meetingId,
        organizationId,
        authorId: caller.id,
        stage,
        rating: dto.rating,
        outcome: dto.outcome,
        note: dto.note?.trim() || null,
        at: now,
      });
      return feedbackView(row);
    });
  }

  /** A party sees its own organization's answers; the bureau sees both parties'. */
  async list(caller: AuthUser, meetingId: string): Promise<FeedbackView[]> {
    const m = await meetingParties(this.db, meetingId);
    const party = caller.organizationId && m && [m.jp_organization_id, m.cn_organization_id].includes(caller.organizationId);
    if (!m || (caller.role !== 'bureau' && !party)) throw new DomainError('FEEDBACK_MEETING_NOT_FOUND', `no meeting ${meetingId}`);
    const rows = await feedbackOf(this.db, meetingId, caller.role === 'bureau' ? null : caller.organizationId);
    return rows.map(feedbackView);
  }

  /**
   * Parties that gave the first answer, whose meeting ended FOLLOW_UP_AFTER_DAYS ago or
   * more, and that have not answered the follow-up yet — the bureau's reminder list.
   */
  async followUpsDue(editionId: string): Promise<FollowUpDueView[]> {
    await loadEdition(this.db, editionId);
    const rows = await followUpsDue(this.db, editionId, this.clock.now(), FOLLOW_UP_AFTER_DAYS);
    return rows.map((r: Row) => ({
      meetingId: r['meeting_id'],
      organization: partyRef(r, 'org_id', 'org_'),
      counterpart: partyRef(r, 'other_id', 'other_'),
      initialOutcome: r['outcome'],
      initialAt: (r['at'] as Date).toISOString(),
      dueSince: (r['due_since'] as Date).toISOString(),
    }));
  }
}

/**
 * When the meeting's slot ends; null when it never had a published slot. A meeting
 * marked held or no-show is over even if its booking was released meanwhile.
 */
function slotEnd(m: MeetingForFeedback): Date | null {
  if (!TOOK_PLACE.includes(m.status)) return null;
  if (m.slot_end && (m.slot_published_at || m.status === 'held' || m.status === 'no_show')) return m.slot_end;
  if (m.status === 'held' || m.status === 'no_show') return new Date(0);
  return null;
}

function feedbackView(r: FeedbackRow): FeedbackView {
  return {
    meetingId: r.meeting_id,
    organizationId: r.organization_id,
    stage: r.stage,
    rating: r.rating,
    outcome: r.outcome,
    note: r.note,
    at: r.at.toISOString(),
  };
}
