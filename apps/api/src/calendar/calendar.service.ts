import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AgendaItemView, CalendarFeedStatusView, CalendarFeedView, Locale } from '@jinan/contracts';
import { createEvents, EventAttributes } from 'ics';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { SchedulingService } from '../scheduling/scheduling.service';
import { calendarName, eventText } from './calendar-text';

type EntryStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

/** One meeting as an organization's calendar was last sent it. */
interface CalendarEntry {
  meeting_id: string;
  status: EntryStatus;
  sequence: number;
  item: AgendaItemView;
  event_zone: string;
}

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
    const [feed] = await this.db.query(
      `SELECT u.id, u.role, u.organization_id, u.locale, u.time_zone FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.anonymised_at IS NULL AND u.organization_id IS NOT NULL`,
      [hashFeedToken(token)],
    );
    if (!feed) throw new DomainError('CALENDAR_FEED_NOT_FOUND', 'no such calendar feed (it may have been revoked)');
    const owner: CalendarOwner = {
      user: { id: feed.id, role: feed.role, organizationId: feed.organization_id, timeZone: feed.time_zone },
      locale: feed.locale,
    };
    const editions: { edition_id: string }[] = await this.db.query(
      `SELECT edition_id FROM bookings WHERE $1 IN (jp_organization_id, cn_organization_id)
       UNION SELECT edition_id FROM calendar_entries WHERE organization_id = $1`,
      [feed.organization_id],
    );
    const entries: CalendarEntry[] = [];
    for (const { edition_id } of editions) entries.push(...(await this.sync(owner, edition_id)));
    return render(entries, owner.locale);
  }

  /** A new feed address for the caller; the previous one stops working. */
  async createFeed(caller: AuthUser, baseUrl: string): Promise<CalendarFeedView> {
    const token = randomBytes(32).toString('base64url');
    const createdAt: Date = await this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [caller.id]);
      await tx.query('UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [caller.id]);
      const [row] = await tx.query('INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2) RETURNING created_at', [caller.id, hashFeedToken(token)]);
      return row.created_at;
    });
    return { url: `${baseUrl}/api/calendar/${token}.ics`, createdAt: createdAt.toISOString() };
  }

  async feedStatus(caller: AuthUser): Promise<CalendarFeedStatusView> {
    const [row] = await this.db.query('SELECT created_at FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL', [caller.id]);
    return { active: Boolean(row), createdAt: row ? (row.created_at as Date).toISOString() : null };
  }

  async revokeFeed(caller: AuthUser): Promise<void> {
    await this.db.query('UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [caller.id]);
  }

  private async owner(userId: string): Promise<CalendarOwner> {
    const [u] = await this.db.query('SELECT id, role, organization_id, locale, time_zone FROM users WHERE id = $1', [userId]);
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
      if (current.length) {
        await tx.query(
          `INSERT INTO calendar_entries (meeting_id, organization_id, edition_id, status, sequence, fingerprint, item)
           SELECT x.meeting_id, $1, $2, x.status, 0, x.fingerprint, x.item
             FROM unnest($3::uuid[], $4::text[], $5::text[], $6::jsonb[]) AS x(meeting_id, status, fingerprint, item)
           ON CONFLICT (meeting_id, organization_id) DO UPDATE
             SET status = EXCLUDED.status, fingerprint = EXCLUDED.fingerprint, item = EXCLUDED.item,
                 sequence = calendar_entries.sequence + 1, updated_at = now()
             WHERE calendar_entries.fingerprint IS DISTINCT FROM EXCLUDED.fingerprint`,
          [
            organizationId,
            editionId,
            current.map((c) => c.item.meetingId),
            current.map((c) => c.status),
            current.map((c) => c.fingerprint),
            current.map((c) => JSON.stringify(c.item)),
          ],
        );
      }
      await this.cancelGone(
        tx,
        organizationId,
        editionId,
        current.map((c) => c.item.meetingId),
      );
      const rows: CalendarEntry[] = await tx.query(
        `SELECT meeting_id, status, sequence, item, $3::text AS event_zone FROM calendar_entries
          WHERE organization_id = $1 AND edition_id = $2 ORDER BY item->>'startsAt', meeting_id`,
        [organizationId, editionId, agenda.eventZone],
      );
      return rows;
    });
  }

  private async cancelGone(tx: EntityManager, organizationId: string, editionId: string, present: string[]): Promise<void> {
    await tx.query(
      `UPDATE calendar_entries SET status = 'CANCELLED', fingerprint = 'cancelled', sequence = sequence + 1, updated_at = now()
        WHERE organization_id = $1 AND edition_id = $2 AND status <> 'CANCELLED' AND NOT (meeting_id = ANY($3::uuid[]))`,
      [organizationId, editionId, present],
    );
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
