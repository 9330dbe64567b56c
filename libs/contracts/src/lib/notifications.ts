import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { MeetingStatus } from './meetings';
import { PageQueryDto } from './pagination';
import { named } from './validation';

/** What happened, as a stable identifier the web app translates. */
export const NOTIFICATION_KINDS = ['meeting.transition', 'meeting.message', 'reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export class NotificationQueryDto extends PageQueryDto {
  /** `true`: only notifications not yet marked read. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], named('must be true or false'))
  unread?: boolean;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  meetingId: string | null;
  /** For meeting transitions: the action and the states either side of it. */
  action: string;
  from: MeetingStatus | null;
  to: MeetingStatus;
  /** The counterpart's name, for the message. */
  counterpartName: { zh: string | null; ja: string | null; en: string | null } | null;
  /** For the bureau, who is party to neither side: both organisations' names. */
  parties?: { jp: { zh: string | null; ja: string | null; en: string | null }; cn: { zh: string | null; ja: string | null; en: string | null } } | null;
  note: string | null;
  createdAt: string;
  readAt: string | null;
}
