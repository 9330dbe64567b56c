import { CreateFoundation1764000000000 } from './1764000000000-CreateFoundation';
import { CreateParticipations1764200000000 } from './1764200000000-CreateParticipations';
import { CreateMeetings1764250000000 } from './1764250000000-CreateMeetings';
import { CreateBookings1764300000000 } from './1764300000000-CreateBookings';
import { CreateMatching1764400000000 } from './1764400000000-CreateMatching';
import { CreateReports1764500000000 } from './1764500000000-CreateReports';
import { CreateThrottleCounters1764600000000 } from './1764600000000-CreateThrottleCounters';
import { EditionGapScope1765100000000 } from './1765100000000-EditionGapScope';
import { CreateMeetingMessages1765300000000 } from './1765300000000-CreateMeetingMessages';
import { AccountTrust1765500000000 } from './1765500000000-AccountTrust';
import { CreateMatchingShards1765700000000 } from './1765700000000-CreateMatchingShards';
import { OrganiserModes1765800000000 } from './1765800000000-OrganiserModes';
import { CreateOfferSearchTerms1765900000000 } from './1765900000000-CreateOfferSearchTerms';
import { ChangeNotifications1766000000000 } from './1766000000000-ChangeNotifications';
import { MatchingRunNotifications1766000000001 } from './1766000000001-MatchingRunNotifications';
import { StatsIndexes1766100000000 } from './1766100000000-StatsIndexes';
import { EditionStatsSnapshots1766100000001 } from './1766100000001-EditionStatsSnapshots';
import { BookingsPartyEditionIndexes1766200000000 } from './1766200000000-BookingsPartyEditionIndexes';
import { ReindexOfferSearchTerms1766200000001 } from './1766200000001-ReindexOfferSearchTerms';
import { ReindexOfferSearchTermsVerbNouns1766300000000 } from './1766300000000-ReindexOfferSearchTermsVerbNouns';
import { AgendaChangeNotifications1766400000000 } from './1766400000000-AgendaChangeNotifications';
import { MeetingsFillfactor1766400000001 } from './1766400000001-MeetingsFillfactor';
import { AgendaNameNotifications1766500000000 } from './1766500000000-AgendaNameNotifications';
import { ReindexOfferSearchTermsSpelledOut1766600000000 } from './1766600000000-ReindexOfferSearchTermsSpelledOut';
import { NoticeBatches1766700000000 } from './1766700000000-NoticeBatches';
import { FirmFeedbackTerms1766700000001 } from './1766700000001-FirmFeedbackTerms';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the bundled API, the
 * CLI and the tests all run exactly the same set.
 */
export const MIGRATIONS = [
  CreateFoundation1764000000000,
  CreateParticipations1764200000000,
  CreateMeetings1764250000000,
  CreateBookings1764300000000,
  CreateMatching1764400000000,
  CreateReports1764500000000,
  CreateThrottleCounters1764600000000,
  EditionGapScope1765100000000,
  CreateMeetingMessages1765300000000,
  AccountTrust1765500000000,
  CreateMatchingShards1765700000000,
  OrganiserModes1765800000000,
  CreateOfferSearchTerms1765900000000,
  ChangeNotifications1766000000000,
  MatchingRunNotifications1766000000001,
  StatsIndexes1766100000000,
  EditionStatsSnapshots1766100000001,
  BookingsPartyEditionIndexes1766200000000,
  ReindexOfferSearchTerms1766200000001,
  ReindexOfferSearchTermsVerbNouns1766300000000,
  AgendaChangeNotifications1766400000000,
  MeetingsFillfactor1766400000001,
  AgendaNameNotifications1766500000000,
  ReindexOfferSearchTermsSpelledOut1766600000000,
  NoticeBatches1766700000000,
  FirmFeedbackTerms1766700000001,
];
