import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MeetingMessageView, MeetingStatus, PostMeetingMessageDto } from '@jinan/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { NotificationsService } from '../notifications/notifications.service';
import { insertMessage, listMessages, MessageRow } from './meeting-messages.queries';
import { meetingNotFound, sideOf } from './meeting-transitions.service';
import { Meeting } from './meeting.entity';
import { contactsVisible, Viewer } from './meeting.view';
import { meetingById } from './meetings.queries';

/** The excerpt a notification (and its mail) carries. */
const EXCERPT_LENGTH = 200;

/**
 * The thread between the two parties of a meeting; the bureau reads and writes too.
 * Anyone else gets 404 (the meeting does not exist for them). Each message queues
 * notifications for the other side and an audit entry in the same transaction.
 */
@Injectable()
export class MeetingMessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(caller: AuthUser, meetingId: string): Promise<MeetingMessageView[]> {
    const meeting = await this.visible(this.db.manager, caller, meetingId);
    const rows = await listMessages(this.db.manager, meetingId);
    return rows.map((r) => messageView(r, caller, meeting.status));
  }

  async post(caller: AuthUser, meetingId: string, dto: PostMeetingMessageDto): Promise<MeetingMessageView> {
    const body = dto.body.trim();
    const view = await this.db.transaction(async (tx) => {
      const meeting = await this.visible(tx, caller, meetingId);
      const side = sideOf(caller, meeting) as MessageRow['author_side'];
      const row = await insertMessage(tx, { meetingId, authorId: caller.id, side, body, at: this.clock.now() });
      await this.notifications.queueMeetingMessage(tx, {
        meetingId,
        authorId: caller.id,
        authorOrganizationId: caller.role === 'bureau' ? null : caller.organizationId,
        excerpt: body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH - 1)}…` : body,
      });
      // The audit trail records that a message was written, not what it says.
      await this.audit.record(tx, {
        actorId: caller.id,
        action: 'meeting.message',
        entity: 'meeting',
        entityId: meetingId,
        editionId: meeting.editionId,
        details: { messageId: row.id, side, length: body.length },
      });
      return messageView(row, caller, meeting.status);
    });
    await this.notifications.kick();
    return view;
  }

  private async visible(manager: EntityManager, caller: AuthUser, id: string): Promise<Meeting> {
    const meeting = await meetingById(manager, id);
    if (!meeting || !sideOf(caller, meeting)) throw meetingNotFound(id);
    return meeting;
  }
}

/** The author's name follows the contact rule: bureau, own organization, or once the meeting is accepted. */
function messageView(r: MessageRow, caller: AuthUser, status: MeetingStatus): MeetingMessageView {
  const viewer: Viewer = { side: caller.role, organizationId: caller.organizationId };
  const mine = caller.role === 'bureau' ? r.author_side === 'bureau' : r.author_organization_id === caller.organizationId && r.author_side !== 'bureau';
  const nameVisible = r.author_side === 'bureau' || (r.author_organization_id !== null && contactsVisible(viewer, status, r.author_organization_id));
  return {
    id: r.id,
    meetingId: r.meeting_id,
    side: r.author_side,
    authorName: nameVisible ? r.author_name : null,
    mine,
    body: r.body,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
