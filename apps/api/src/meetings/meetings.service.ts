import { HttpStatus, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CancelMeetingDto,
  MeetingQueryDto,
  MeetingStatus,
  MeetingTransitionView,
  MeetingView,
  Page,
  PAGE_SIZE_DEFAULT,
  ProposeMeetingDto,
  RequestMeetingDto,
  RespondMeetingDto,
  ReviewMeetingDto,
  Sector,
} from '@jinan/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { DomainError, invalidField } from '../common/errors/domain-error';
import { pgError, PG } from '../common/errors/postgres-errors';
import { toFieldErrors, validationFailed } from '../common/http/validation';
import { Edition } from '../editions/edition.entity';
import { loadEdition } from '../editions/editions';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';
import { answerDeadline, editionEnded } from './answer-deadline';
import { assertRequestQuota } from './request-quota';
import { checkIdempotencyKey, claimIdempotencyKey, purgeIdempotencyKeys, requestHash, storeIdempotentResponse } from './idempotency';
import { SelfBookingService } from './self-booking.service';
import { MeetingAction } from './meeting-state-machine';
import { MEETINGS_OPTIONS, MeetingsOptions, MeetingTransitionsService, meetingNotFound, sideOf } from './meeting-transitions.service';
import { Meeting } from './meeting.entity';
import { bookedSlot } from './meeting-slot.queries';
import { MatchPair, MatchScoreService } from '../matching/match-score.service';
import { ContactRow, meetingView, transitionView, Viewer } from './meeting.view';
import {
  contactRows,
  findPair,
  insertMeeting,
  listMeetings,
  lockFirmRequests,
  lockOverdueMeetings,
  MeetingFilters,
  meetingById,
  meetingWithRelations,
  offerById,
  organizationById,
  pendingRequests,
  transitionRows,
} from './meetings.queries';

export const EXPIRE_MEETINGS_JOB = 'meetings-expire';

/** Meetings expired per transaction by the sweep; it loops until none is overdue. */
const EXPIRY_BATCH = 200;

@Injectable()
export class MeetingsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: MeetingTransitionsService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_OPTIONS) private readonly options: MeetingsOptions,
    private readonly matchScores: MatchScoreService,
    private readonly selfBooking: SelfBookingService,
  ) {}

  onModuleInit(): void {
    // Every minute; pg-boss enqueues one job per tick, so one instance runs it.
    this.jobs.register({ name: EXPIRE_MEETINGS_JOB, cron: '* * * * *', handler: () => this.expireOverdue(this.clock.now()) });
  }

  /**
   * A Japanese firm requests a meeting, or the bureau proposes one. With an
   * Idempotency-Key, a repeated identical call returns the first call's response and
   * creates nothing; the same key with another body is refused (422).
   */
  async create(caller: AuthUser, editionId: string, body: unknown, idempotencyKey?: string): Promise<MeetingView> {
    const dto = await this.validateCreation(caller, body);
    const key = checkIdempotencyKey(idempotencyKey);
    const now = this.clock.now();
    try {
      const view = await this.db.transaction(async (tx) => {
        if (key) {
          const replay = await claimIdempotencyKey(tx, caller.id, key, requestHash(`POST /events/${editionId}/meetings`, body), now);
          if (replay) return replay as MeetingView;
        }
        const id = await this.insert(tx, caller, editionId, dto, now);
        const created = await this.view(tx, id, caller);
        if (key) await storeIdempotentResponse(tx, caller.id, key, HttpStatus.CREATED, created);
        return created;
      });
      await this.notifications.kick();
      return view;
    } catch (error) {
      // Two first requests for one pair raced past the check: name the winner.
      const pg = pgError(error);
      if (pg?.code === PG.uniqueViolation && pg.constraint === 'meetings_one_per_pair' && 'jpOrganizationId' in dto) {
        const existing = await findPair(this.db.manager, editionId, dto.jpOrganizationId, dto.cnOrganizationId);
        if (existing) throw pairExists(existing);
      }
      throw error;
    }
  }

  async list(caller: AuthUser, editionId: string, query: MeetingQueryDto): Promise<Page<MeetingView>> {
    await this.edition(this.db.manager, editionId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
    const expiringBy = query.expiringWithinHours ? new Date(this.clock.now().getTime() + query.expiringWithinHours * 3_600_000) : undefined;
    const filters: MeetingFilters = {
      // A party sees only its own meetings; the bureau all.
      own: caller.role !== 'bureau' ? caller.organizationId : undefined,
      status: query.status,
      sector: query.sector,
      organizationId: query.organizationId,
      expiringBy,
    };
    const [rows, total] = await listMeetings(this.db.manager, editionId, filters, page, pageSize);
    const viewer = viewerOf(caller);
    const contacts = await this.contacts(this.db.manager, rows);
    const scores = await this.matchScores.scoresFor(editionId, rows.map(matchPair));
    const reasons = await this.matchScores.partsFor(editionId, rows.map(matchPair));
    return { items: rows.map((m, i) => meetingView(m, viewer, contacts, scores[i], reasons[i])), page, pageSize, total };
  }

  get(caller: AuthUser, id: string): Promise<MeetingView> {
    return this.view(this.db.manager, id, caller);
  }

  async history(caller: AuthUser, id: string): Promise<MeetingTransitionView[]> {
    await this.visible(this.db.manager, caller, id);
    const rows = await transitionRows(this.db.manager, id);
    const viewer = viewerOf(caller);
    return rows.map((r) => transitionView(r, viewer));
  }

  review(caller: AuthUser, id: string, dto: ReviewMeetingDto): Promise<MeetingView> {
    if (dto.decision === 'reject' && !dto.note?.trim()) throw invalidField('note', 'is required when rejecting: tell the requester why');
    return this.move(caller, id, dto.decision, dto.note);
  }

  async respond(caller: AuthUser, id: string, dto: RespondMeetingDto): Promise<MeetingView> {
    if (dto.slotId !== undefined) {
      if (dto.decision !== 'accept') throw invalidField('slotId', 'goes only with decision accept');
      await this.selfBooking.acceptWithSlot(caller, id, dto.slotId, dto.reason?.trim() || null);
      return this.get(caller, id);
    }
    return this.move(caller, id, dto.decision, dto.reason);
  }

  cancel(caller: AuthUser, id: string, dto: CancelMeetingDto): Promise<MeetingView> {
    return this.move(caller, id, 'cancel', dto.reason);
  }

  /**
   * Expires every pending meeting whose answer deadline is at or before `now`, freeing
   * the requesters' quota; also forgets idempotency keys past their time. Called every
   * minute by the job, and by tests with their own clock. Rows being answered right
   * now are skipped (SKIP LOCKED) and looked at again on the next run.
   */
  async expireOverdue(now: Date): Promise<{ expired: string[] }> {
    const expired: string[] = [];
    for (;;) {
      const batch = await this.db.transaction(async (tx) => {
        const ids = await lockOverdueMeetings(tx, now, EXPIRY_BATCH);
        for (const id of ids) {
          await this.transitions.apply(tx, id, 'expire', null, { now, note: 'no answer by the deadline' });
        }
        return ids;
      });
      expired.push(...batch);
      if (batch.length < EXPIRY_BATCH) break;
    }
    await this.db.transaction((tx) => purgeIdempotencyKeys(tx, now));
    if (expired.length) await this.notifications.kick();
    return { expired };
  }

  private async move(caller: AuthUser, id: string, action: MeetingAction, note?: string): Promise<MeetingView> {
    const view = await this.db.transaction(async (tx) => {
      await this.transitions.apply(tx, id, action, caller, { note: note?.trim() || null });
      return this.view(tx, id, caller);
    });
    await this.notifications.kick();
    return view;
  }

  private async validateCreation(caller: AuthUser, body: unknown): Promise<RequestMeetingDto | ProposeMeetingDto> {
    if (caller.role === 'cn') {
      throw new DomainError(
        'MEETING_ONLY_JAPANESE_FIRMS_REQUEST',
        'Japanese firms request meetings and the bureau proposes them; a Ji\u2019nan company answers them',
      );
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw validationFailed([{ field: 'body', messages: ['body must be a JSON object'] }]);
    }
    // Same rules as the global ValidationPipe; the DTO depends on the caller's role.
    const dto: RequestMeetingDto | ProposeMeetingDto =
      caller.role === 'bureau' ? plainToInstance(ProposeMeetingDto, body) : plainToInstance(RequestMeetingDto, body);
    const errors = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
    if (errors.length) throw validationFailed(toFieldErrors(errors));
    return dto;
  }

  private async insert(tx: EntityManager, caller: AuthUser, editionId: string, dto: RequestMeetingDto | ProposeMeetingDto, now: Date): Promise<string> {
    const edition = await this.edition(tx, editionId);
    if (edition.status !== 'open' || editionEnded(now, edition)) {
      throw new DomainError('MEETING_EDITION_CLOSED', `the edition ${edition.year} is not taking meeting requests`);
    }
    const proposal = 'jpOrganizationId' in dto;
    // A delegate always has an organization (users_org_matches_role); the bureau names both.
    const jpId = proposal ? dto.jpOrganizationId : (caller.organizationId ?? '');
    const cnId = proposal ? dto.cnOrganizationId : dto.counterpartId;
    const jp = await this.organization(tx, jpId, 'JP', proposal ? 'jpOrganizationId' : null);
    const cn = await this.organization(tx, cnId, 'CN', proposal ? 'cnOrganizationId' : 'counterpartId');
    const offer = dto.offerId ? await this.offer(tx, dto.offerId, cn.id) : null;

    // One creation at a time per Japanese firm and edition: the quota count stays true.
    await lockFirmRequests(tx, editionId, jp.id);
    const existing = await findPair(tx, editionId, jp.id, cn.id);
    if (existing) throw pairExists(existing);
    if (!proposal) {
      assertRequestQuota(await pendingRequests(tx, editionId, jp.id), edition.maxPendingRequests);
    }
    const status: MeetingStatus = proposal ? 'proposed' : 'requested';
    const meeting = await insertMeeting(tx, {
      editionId,
      jpOrganizationId: jp.id,
      cnOrganizationId: cn.id,
      offerId: offer?.id ?? null,
      origin: proposal ? 'proposal' : 'request',
      sector: offer?.sector ?? sharedSector(jp.sectors, cn.sectors),
      message: dto.message?.trim() || null,
      priority: dto.priority ?? 2,
      status,
      version: 1,
      createdBy: caller.id,
      answerDeadline: answerDeadline(now, edition, this.options.answerWindowHours),
      // The requester wants the meeting; a proposal waits for both.
      jpAcceptedAt: proposal ? null : now,
      cnAcceptedAt: null,
      slotPublishedAt: null,
      jpConfirmedAt: null,
      cnConfirmedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const side = proposal ? 'bureau' : 'jp';
    const action = proposal ? 'propose' : 'request';
    await this.transitions.record(tx, { meetingId: meeting.id, actorId: caller.id, side, action, from: null, to: status, note: null, at: now });
    await this.notifications.queueMeetingTransition(tx, {
      meetingId: meeting.id,
      action,
      from: null,
      to: status,
      note: null,
      actorId: caller.id,
      notifyBureau: !proposal,
    });
    if (proposal) {
      await this.audit.record(tx, {
        actorId: caller.id,
        action: 'meeting.propose',
        entity: 'meeting',
        entityId: meeting.id,
        editionId,
        details: { to: status, jpOrganizationId: jp.id, cnOrganizationId: cn.id },
      });
    }
    return meeting.id;
  }

  private async view(manager: EntityManager, id: string, caller: AuthUser): Promise<MeetingView> {
    const meeting = await meetingWithRelations(manager, id);
    if (!meeting || !sideOf(caller, meeting)) throw meetingNotFound(id);
    const [score] = await this.matchScores.scoresFor(meeting.editionId, [matchPair(meeting)], manager);
    const [reasons] = await this.matchScores.partsFor(meeting.editionId, [matchPair(meeting)], 3, manager);
    const view = meetingView(meeting, viewerOf(caller), await this.contacts(manager, [meeting]), score, reasons);
    const slot = caller.role === 'bureau' || meeting.slotPublishedAt ? await bookedSlot(manager, id) : null;
    return { ...view, slot };
  }

  private async visible(manager: EntityManager, caller: AuthUser, id: string): Promise<Meeting> {
    const meeting = await meetingById(manager, id);
    if (!meeting || !sideOf(caller, meeting)) throw meetingNotFound(id);
    return meeting;
  }

  /** The delegates of every organization in `meetings`, by organization (anonymised people left out). */
  private async contacts(manager: EntityManager, meetings: Meeting[]): Promise<Map<string, ContactRow[]>> {
    const ids = [...new Set(meetings.flatMap((m) => [m.jpOrganizationId, m.cnOrganizationId]))];
    const byOrg = new Map<string, ContactRow[]>();
    if (!ids.length) return byOrg;
    const rows = await contactRows(manager, ids);
    for (const row of rows) byOrg.set(row.organization_id, [...(byOrg.get(row.organization_id) ?? []), row]);
    return byOrg;
  }

  private async edition(manager: EntityManager, id: string): Promise<Edition> {
    return loadEdition(manager, id);
  }

  /** A verified organization of `country`; `field` names the body field that chose it (null: the caller's own). */
  private async organization(manager: EntityManager, id: string, country: 'JP' | 'CN', field: string | null): Promise<Organization> {
    const org = await organizationById(manager, id);
    const kind = country === 'JP' ? 'Japanese firm' : 'Ji\u2019nan company';
    if (field && (!org || org.country !== country || org.verification !== 'verified')) {
      throw invalidField(field, `must name a verified ${kind}`);
    }
    if (!org || org.verification !== 'verified') {
      throw new DomainError('ORGANIZATION_NOT_VERIFIED', 'the bureau must verify your firm before it requests meetings');
    }
    return org;
  }

  private async offer(manager: EntityManager, id: string, cnId: string): Promise<Offer> {
    const offer = await offerById(manager, id);
    if (!offer || offer.organizationId !== cnId || offer.status !== 'published') {
      throw invalidField('offerId', 'must name a published offer of the Ji\u2019nan company');
    }
    return offer;
  }
}

function viewerOf(caller: AuthUser): Viewer {
  return { side: caller.role, organizationId: caller.organizationId };
}

function pairExists(existing: { id: string; status: MeetingStatus }): DomainError {
  return new DomainError(
    'MEETING_PAIR_EXISTS',
    `a meeting between these two organizations already exists in this edition: ${existing.id} (${existing.status})`,
  );
}

/** The negotiation session a meeting without an offer belongs in: a sector both share, else the Ji'nan company's. */
function sharedSector(jp: Sector[], cn: Sector[]): Sector {
  return cn.find((s) => jp.includes(s)) ?? cn[0];
}

/** The score the matching run gave this pair (the offer's, or the company's best). */
function matchPair(m: Meeting): MatchPair {
  return { jpOrganizationId: m.jpOrganizationId, cnOrganizationId: m.cnOrganizationId, offerId: m.offerId };
}
