import { DomainError } from '../common/errors/domain-error';

/** Meetings that take or took place: only these can be signed at the ceremony. */
const TAKING_PLACE = ['accepted', 'scheduled', 'confirmed', 'held'];

/** A key project marks a meeting of the edition that takes or took place. */
export function assertKeyProjectMeeting(meetingId: string, meeting: { status: string } | undefined): void {
  if (!meeting) throw new DomainError('KEY_PROJECT_MEETING_NOT_FOUND', `no meeting ${meetingId} in this edition`);
  if (!TAKING_PLACE.includes(meeting.status)) {
    throw new DomainError('KEY_PROJECT_MEETING_NOT_TAKING_PLACE', `a ${meeting.status} meeting cannot be a key project; it must be accepted or take place`);
  }
}

/** Marked from a signed outcome, it cites the party's answer; there must be one. */
export function signedOutcomeOrRefuse(feedbackId: string | undefined): string {
  if (!feedbackId) throw new DomainError('KEY_PROJECT_NO_SIGNED_OUTCOME', 'no party has reported a signed agreement for this meeting');
  return feedbackId;
}

/** The titles and the signing parties as stored: trimmed. */
export function keyProjectText(dto: { titleZh: string; titleJa: string; titleEn: string; signingParties: string[] }): {
  title: { zh: string; ja: string; en: string };
  signingParties: string[];
} {
  return { title: { zh: dto.titleZh.trim(), ja: dto.titleJa.trim(), en: dto.titleEn.trim() }, signingParties: dto.signingParties.map((p) => p.trim()) };
}
