/**
 * Plain-data input and output of the scheduling engine. Instants are epoch
 * milliseconds; nothing here is a class or a Date, so the same shapes travel
 * through JSON, the API and the tests.
 */

import type { MipSolver } from './mip';

export type EpochMs = number;

/** Half-open time range [start, end). */
export interface TimeRange {
  start: EpochMs;
  end: EpochMs;
}

export type HalfDay = 'am' | 'pm';

/** Working languages considered for interpretation. */
export type Language = 'zh' | 'ja' | 'en';

/** One time slot of a negotiation session; ids are unique across sessions. */
export interface Slot extends TimeRange {
  id: string;
  /** Calendar day of the event, e.g. '2026-05-14'; maxMeetingsPerDay counts per day. */
  day: string;
  /** Holes are counted within one half-day. */
  halfDay: HalfDay;
}

/** A sector's negotiation session: consecutive slots, tables numbered 1..tables. */
export interface NegotiationSession {
  id: string;
  sector: string;
  tables: number;
  slots: Slot[];
}

export interface Organization {
  id: string;
  /** Delegates able to sit in parallel meetings (1–3). */
  delegates: number;
  maxMeetingsPerDay: number;
  languages: Language[];
  /** Times the organisation is not there (other days, site visits). */
  absences: TimeRange[];
}

/** Where a meeting takes place: a slot and a table of the slot's session. */
export interface Placement {
  slotId: string;
  table: number;
}

export interface MeetingRequest {
  id: string;
  /** The two parties; order carries no meaning. */
  organizationIds: [string, string];
  /** Larger is more important; see meetingWeight() for the recommended formula. */
  weight: number;
  /** Sessions this meeting may use: its sector's session and any the bureau allows. */
  sessionIds: string[];
  /** Confirmed by both parties: kept exactly here. */
  pinned?: Placement;
  /** Where the previous run put it: a re-run moves as few of these as possible. */
  previous?: Placement;
}

/** `count` interpreters (Chinese–Japanese or Chinese–English) on duty during [start, end). */
export interface InterpreterShift extends TimeRange {
  count: number;
}

export interface SchedulingInput {
  sessions: NegotiationSession[];
  organizations: Organization[];
  meetings: MeetingRequest[];
  /** Shifts add up where they overlap; a time no shift covers has no interpreter. */
  interpreters: InterpreterShift[];
  /**
   * Where gaps are counted: within each half-day (default; the break between them is not idle
   * time) or within each day (an edition with no break between its half-days).
   */
  gapScope?: 'halfDay' | 'day';
}

export interface ScheduleOptions {
  /** Seeds the tie-breaking; the same input and seed give the same schedule. */
  seed?: number;
  /** Scales the improvement work (1 = default). Work, not wall time, so runs stay deterministic. */
  effort?: number;
  /** Measures runtime only; never steers the search. Defaults to performance.now. */
  clock?: () => number;
  /**
   * An integer-program solver (HiGHS, see loadMipSolver). With it the engine repairs
   * incomplete schedules exactly and searches gaps by large neighbourhoods; without it
   * those phases are skipped. Their time limits make runs with a solver less reproducible.
   */
  solver?: MipSolver;
  /**
   * Windows the exact gap search re-solves with the solver (default 0: off). HiGHS takes
   * 0.05–0.5 s per window on a dense day and rarely improves on the compaction, so it is opt-in.
   */
  gapWindows?: number;
  /** Fairness: a soft cap on any one organisation's gaps (used by the gap search). */
  maxGapsPerOrganization?: number;
}

export interface ScheduledMeeting {
  meetingId: string;
  sessionId: string;
  slotId: string;
  table: number;
}

export type LeftOutCode =
  | 'NOT_ALLOWED_IN_ANY_SESSION'
  | 'NO_COMMON_FREE_SLOT'
  | 'NO_INTERPRETER_SCHEDULED'
  | 'PARTY_AT_DAILY_MAXIMUM'
  | 'PARTY_FULLY_BOOKED'
  | 'ALL_TABLES_FULL'
  | 'NO_INTERPRETER_FREE'
  | 'OUTRANKED'
  | 'COMMON_SLOTS_TAKEN';

/** A message key with its parameters, and the same in an English sentence. */
export interface LeftOutReason {
  code: LeftOutCode;
  params: Record<string, string | number>;
  message: string;
}

export interface LeftOutMeeting {
  meetingId: string;
  reason: LeftOutReason;
}

export interface UpperBounds {
  /** Every request placed. */
  requests: number;
  /** The heaviest meetings that fit in tables × slots. */
  tableSlots: number;
  /** Half the sum, over organisations, of their heaviest meetings that fit their capacity. */
  organizationCapacity: number;
  /** LP relaxation (organisation capacities, tables, interpreters) solved as a min-cost flow. */
  flow: number;
}

export interface HoleStatistics {
  total: number;
  /** Per organisation with at least one meeting. */
  mean: number;
  max: number;
  /** Among organisations with at least one meeting. */
  shareWithNone: number;
}

/**
 * Is every request placed? complete: yes. impossible: proven not possible, `bound` says how much
 * weight at most can be placed (below the requests' `requestedWeight`). undecided: neither found
 * nor refuted within the budget.
 */
export interface Completeness {
  status: 'complete' | 'impossible' | 'undecided';
  requestedWeight: number;
  /** The best proven upper bound on the weight that can be placed. */
  bound: number;
  /** How the status was established: 'construction', 'repair', 'relaxation bound', 'exact optimum', 'budget'. */
  method: string;
}

export interface GapStatistics {
  /** Gaps in the schedule (maximal idle runs between two meetings of one organisation). */
  total: number;
  /** A proven lower bound on the gaps of any schedule placing these meetings (0 when nothing better is known). */
  lowerBound: number;
  idleSlots: number;
  maxPerOrganization: number;
  /** Where gaps are counted. */
  scope: 'halfDay' | 'day';
}

export interface ScheduleStatistics {
  requested: number;
  placed: number;
  weightedPlaced: number;
  /** The smallest of `bounds`: no schedule can weigh more. */
  upperBound: number;
  /** (upperBound − weightedPlaced) / upperBound. */
  gap: number;
  bounds: UpperBounds;
  holes: HoleStatistics;
  completeness: Completeness;
  gaps: GapStatistics;
  tableChanges: number;
  /** Meetings with a `previous` placement now elsewhere or left out. */
  moved: number;
  runtimeMs: number;
}

export interface ScheduleResult {
  assignments: ScheduledMeeting[];
  leftOut: LeftOutMeeting[];
  statistics: ScheduleStatistics;
}
