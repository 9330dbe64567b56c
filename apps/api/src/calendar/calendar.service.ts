import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AgendaItemView, CalendarFeedStatusView, CalendarFeedView, Locale } from '@jinan/contracts';
import { createEvents, EventAttributes } from 'ics';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { SchedulingService } from '../scheduling/scheduling.service';
import {
  activeFeedCreatedAt,
  calendarUser,
  cancelGone,
  CalendarEntry,
  editionsOnCalendar,
  entriesOf,
  EntryStatus,
  feedOwner,
  recordEntries,
  replaceFeed,
  revokeFeeds,
} from './calendar.queries';
import { calendarName, eventText } from './calendar-text';

/** The owner of a calendar: a party's user (the .ics download or a feed). */
interface CalendarOwner {
  user: AuthUser;
  locale: Locale;
}

const UID_DOMAIN = 'jinan-japan-matchmaking';
const PRODUCT_ID = '-//Jinan Investment Promotion Bureau//B2B matchmaking//EN';

/** SHA-256 of a feed token: the database never holds the token itself. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * An organization's meetings as RFC 5545. Each meeting is one VEVENT whose UID is the
 * meeting's id, so a re-import updates the entry. What was last sent is kept per
 * organization in calendar_entries: SEQUENCE rises whenever what the calendar shows
 * changes (time, table, venue, counterpart, confirmation), and a meeting that left the
 * agenda — cancelled, declined, unpublished or unscheduled — is sent as STATUS:CANCELLED
 * with its last time, so the reader's calendar removes it rather than keeping a ghost.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scheduling: SchedulingService,
  ) {}

  /** GET /api/events/:eventId/agenda.ics for the caller's organization. */
  async editionCalendar(caller: AuthUser, editionId: string): Promise<string> {
    const owner = await this.owner(caller.id);
    const entries = await this.sync(owner, editionId);
    return render(entries, owner.locale);
  }

  /** GET /api/calendar/:token.ics: every edition of the feed owner's organization. */
  async feedCalendar(token: string): Promise<string> {
    const feed = await feedOwner(this.db, hashFeedToken(token));
    if (!feed) throw new DomainError('CALENDAR_FEED_NOT_FOUND', 'no such calendar feed (it may have been revoked)');
    const owner: CalendarOwner = {
      user: { id: feed.id, role: feed.role, organizationId: feed.organization_id, timeZone: feed.time_zone },
      locale: feed.locale,
    };
    const entries: CalendarEntry[] = [];
    for (const editionId of await editionsOnCalendar(this.db, feed.organization_id)) entries.push(...(await this.sync(owner, editionId)));
    return render(entries, owner.locale);
  }

  /** A new feed address for the caller; the previous one stops working. */
  async createFeed(caller: AuthUser, baseUrl: string): Promise<CalendarFeedView> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = await this.db.transaction((tx) => replaceFeed(tx, caller.id, hashFeedToken(token)));
    return { url: `${baseUrl}/api/calendar/${token}.ics`, createdAt: createdAt.toISOString() };
  }

  async feedStatus(caller: AuthUser): Promise<CalendarFeedStatusView> {
    const createdAt = await activeFeedCreatedAt(this.db, caller.id);
    return { active: Boolean(createdAt), createdAt: createdAt?.toISOString() ?? null };
  }

  async revokeFeed(caller: AuthUser): Promise<void> {
    await revokeFeeds(this.db, caller.id);
  }

  private async owner(userId: string): Promise<CalendarOwner> {
    const u = await calendarUser(this.db, userId);
    return { user: { id: u.id, role: u.role, organizationId: u.organization_id, timeZone: u.time_zone }, locale: u.locale };
  }

  /**
   * Brings the organization's ledger up to date with its agenda (the scheduling
   * module's, so published-only rules stay in one place) and returns every entry of
   * the edition. Row locks make concurrent downloads raise a SEQUENCE once per change.
   */
  private async sync(owner: CalendarOwner, editionId: string): Promise<CalendarEntry[]> {
    const agenda = await this.scheduling.agenda(owner.user, editionId, { zone: 'UTC' });
    const organizationId = agenda.organizationId;
    const current = agenda.items.map((item) => ({ item, status: statusOf(item), fingerprint: fingerprint(item) }));
    return this.db.transaction(async (tx) => {
      await recordEntries(tx, organizationId, editionId, current);
      await cancelGone(
        tx,
        organizationId,
        editionId,
        current.map((c) => c.item.meetingId),
      );
      return entriesOf(tx, organizationId, editionId, agenda.editionZone);
    });
  }
}

/** Both parties have confirmed the slot (or it took place): CONFIRMED; otherwise TENTATIVE. */
function statusOf(item: AgendaItemView): EntryStatus {
  return ['confirmed', 'held', 'no_show'].includes(item.status) ? 'CONFIRMED' : 'TENTATIVE';
}

/** What a calendar shows of a meeting, language aside: a change here raises SEQUENCE. */
function fingerprint(item: AgendaItemView): string {
  const facts = [
    statusOf(item),
    new Date(item.startsAt).getTime(),
    new Date(item.endsAt).getTime(),
    item.sessionId,
    item.tableNumber,
    item.venue,
    item.counterpart.id,
    item.offer?.id ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}

function render(entries: CalendarEntry[], locale: Locale): string {
  const events: EventAttributes[] = entries.map((e) => {
    const text = eventText(e.item, locale, e.event_zone);
    return {
      uid: `${e.meeting_id}@${UID_DOMAIN}`,
      sequence: e.sequence,
      status: e.status,
      start: new Date(e.item.startsAt).getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: new Date(e.item.endsAt).getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: text.title,
      location: text.location,
      description: text.description,
      busyStatus: e.status === 'CANCELLED' ? 'FREE' : 'BUSY',
      transp: e.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE',
    };
  });
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method: 'PUBLISH', calName: calendarName(locale) });
  if (error || !value) throw new DomainError('CALENDAR_RENDER_FAILED', `the calendar could not be written: ${error?.message ?? 'no output'}`);
  return value;
}
