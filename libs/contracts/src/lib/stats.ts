import type { Country, Sector } from './enums';
import type { FeedbackOutcome } from './feedback';
import type { PartyRef } from './scheduling';

/**
 * The bureau's live figures for one edition (GET /api/events/:eventId/stats). Every
 * count is defined once, here, so the dashboard, the JSON and the tests agree:
 * - requests: meetings a Japanese firm requested (origin `request`), whatever became of them;
 * - approvals: meetings the bureau approved (a transition to `approved`);
 * - acceptances: meetings the counterpart(s) accepted (a transition from `approved` or
 *   `proposed` to `accepted`) — requests and the bureau's proposals alike;
 * - placed: meetings that hold a booking (a table in a slot) now;
 * - acceptanceRate = acceptances ÷ (acceptances + declines), null with no answer yet;
 * - capacity = tables × slots summed over the negotiation sessions;
 *   fillRate = placed ÷ capacity, null without capacity.
 * Days are calendar days in the edition's zone; a request counts on the day it was made,
 * an approval or acceptance on the day it happened, a placed meeting on its slot's day.
 */
export interface StatsCounts {
  requests: number;
  approvals: number;
  acceptances: number;
  declines: number;
  placed: number;
}

export interface SectorStats extends StatsCounts {
  sector: Sector;
  capacity: number;
  acceptanceRate: number | null;
  fillRate: number | null;
}

export interface DayStats extends Omit<StatsCounts, 'declines'> {
  /** yyyy-MM-dd in the edition's zone. */
  date: string;
}

export const NO_MEETING_REASONS = ['no_requests', 'all_pending', 'none_accepted', 'not_placed'] as const;
/**
 * Why an organization has no placed meeting, first that applies:
 * no_requests — it neither made nor received a meeting request or proposal;
 * all_pending — none accepted, and some still wait for an answer;
 * none_accepted — none was accepted (all rejected, declined, expired or cancelled);
 * not_placed — some were accepted but the scheduler has not placed any (its reason given).
 */
export type NoMeetingReason = (typeof NO_MEETING_REASONS)[number];

/** How many organizations without a meeting the statistics carry; the rest are paged. */
export const WITHOUT_MEETING_FIRST = 50;

export interface OrganizationWithoutMeetingView {
  organization: PartyRef & { country: Country };
  reason: NoMeetingReason;
  /** One line a person understands; for not_placed, the scheduler's own reason when it gave one. */
  message: string;
  meetings: { pending: number; refused: number; accepted: number };
}

export interface RequestedOfferView {
  offerId: string;
  sector: Sector;
  title: { zh: string; ja: string | null; en: string | null };
  organization: PartyRef;
  requests: number;
  acceptances: number;
}

/**
 * Outcome funnel per sector, cumulative: each stage counts the meetings that reached it
 * or went further. A meeting's outcome is the most advanced one either party reports
 * at its latest stage (a follow-up answer replaces that party's first answer).
 */
export interface FunnelStats {
  sector: Sector;
  placed: number;
  /** Meetings marked held, or rated by at least one party. */
  held: number;
  withFeedback: number;
  followUpPlanned: number;
  agreementExpected: number;
  agreementSigned: number;
  /** Mean rating (1–4) over each party's latest answer, null without any. */
  meanRating: number | null;
}

export interface SignedProjectView {
  meetingId: string;
  sector: Sector;
  jp: PartyRef;
  cn: PartyRef;
  offerTitle: { zh: string; ja: string | null; en: string | null } | null;
  /** The notes of the parties that reported the signature. */
  notes: string[];
}

export interface EditionStatsView {
  editionId: string;
  editionZone: string;
  generatedAt: string;
  totals: StatsCounts & { capacity: number; acceptanceRate: number | null; fillRate: number | null };
  bySector: SectorStats[];
  byDay: DayStats[];
  /**
   * The first WITHOUT_MEETING_FIRST organizations without a booked meeting, worst first (reason
   * in NO_MEETING_REASONS' reverse order, then name); the rest, page by page, from
   * GET /api/events/:eventId/stats/without-meeting.
   */
  withoutMeeting: OrganizationWithoutMeetingView[];
  /** How many organizations have no booked meeting in all. */
  withoutMeetingTotal: number;
  topOffers: RequestedOfferView[];
  funnel: FunnelStats[];
  signedProjects: SignedProjectView[];
  /** Key projects the bureau marked for the signing ceremony (all, and those from a reported signature). */
  keyProjects: { total: number; fromSignedOutcomes: number };
  /** Answers per outcome over the whole edition (latest stage per party). */
  outcomes: Record<FeedbackOutcome, number>;
}
