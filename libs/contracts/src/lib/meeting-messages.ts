import { IsString, Matches, MaxLength } from 'class-validator';
import { named } from './validation';

/** Longest message in a meeting's thread. */
export const MEETING_MESSAGE_MAX = 2000;

/** POST /api/meetings/:id/messages by either party or the bureau. */
export class PostMeetingMessageDto {
  @IsString(named('must be a string'))
  @Matches(/\S/, named('must not be empty'))
  @MaxLength(MEETING_MESSAGE_MAX, named(`must be at most ${MEETING_MESSAGE_MAX} characters`))
  body!: string;
}

/** One message of the thread between the two parties (and the bureau). */
export interface MeetingMessageView {
  id: string;
  meetingId: string;
  /** The side that wrote it. */
  side: 'jp' | 'cn' | 'bureau';
  /** The author's name: shown to the bureau, the author's own organization, and once contacts are visible. */
  authorName: string | null;
  /** Written by the caller's own side. */
  mine: boolean;
  body: string;
  createdAt: string;
}
