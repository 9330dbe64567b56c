import { publishSession } from './bulk-publish';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CLOCK, Clock } from '../common/clock';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AgendaQueryDto,
  AgendaView,
  CreateScheduleRunDto,
  LeftOutView,
  PublishScheduleDto,
  PublishScheduleView,
  ScheduleGridView,
  ScheduleRunView,
} from '@jinan/contracts';
import { checkPins, loadMipSolver, scheduleMeetings, validateSchedule } from '@jinan/scheduling';
import { DataSource } from 'typeorm';
import { LOCK_SPACE } from '../jobs/advisory-lock';
import { RunLifecycle, RunStep } from '../jobs/run-lifecycle';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { isoInZone } from '../editions/edition.view';
import { loadEdition } from '../editions/editions';
import { MatchScoreService } from '../matching/match-score.service';
import { MeetingTransitionsService } from '../meetings/meeting-transitions.service';
import { selfBookedMeetings } from '../meetings/slot-options.queries';
import { EditionCache } from '../editions/edition-cache';
import { AgendaCache } from './agenda-cache';
import { NotificationsService } from '../notifications/notifications.service';
import { StaleScheduleInput, writeSchedule } from './schedule-writer';
import { loadSchedulingInput, RunOptions } from './scheduling-input';
import { gridRows, latestScheduleRun, releaseBooking, sessionsToPublish } from './scheduling.queries';
import { isIanaZone } from '../common/time/iana-zone';

/** A run whose input keeps changing under it gives up after this many tries. */
const MAX_ATTEMPTS = 3;

interface RunRow {
  id: string;
  edition_id: string;
  status: ScheduleRunView['status'];
  progress: number;
  requested_by: string | null;
  options: RunOptions;
  statistics: ScheduleRunView['statistics'];
  left_out: LeftOutView[] | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

@Injectable()
export class SchedulingService implements OnModuleInit {
  private readonly logger = new Logger(SchedulingService.name);
  private readonly runs: RunLifecycle<RunRow>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly transitions: MeetingTransitionsService,
    private readonly notifications: NotificationsService,
    private readonly matchScores: MatchScoreService,
    private readonly editions: EditionCache,
    private readonly agendas: AgendaCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.runs = new RunLifecycle<RunRow>(db, { table: 'schedule_runs', lockSpace: LOCK_SPACE.scheduleRun, label: 'scheduler run', claimProgress: 10 });
  }

  /** A meeting that leaves its slot (slot declined, cancelled) frees it in the same transaction. */
  onModuleInit(): void {
    this.transitions.onSlotReleased(async (tx, meeting) => {
      await releaseBooking(tx, meeting.id);
    });
  }

  /**
   * Publishes the scheduled, unpublished slots (of the given sessions, or all), one
   * transaction per session, set-based (bulk-publish.ts): the same transition, audit and
   * outbox notification rows the state machine writes, so both parties are notified and
   * asked to confirm or decline; the mails go out from the outbox job, never inline.
   */
  async publish(caller: AuthUser, editionId: string, dto: PublishScheduleDto): Promise<PublishScheduleView> {
    await this.assertEdition(editionId);
    const sessions = await sessionsToPublish(this.db.manager, editionId, dto.sessionIds ?? null);
    if (!sessions.length) throw new DomainError('SCHEDULE_NOTHING_TO_PUBLISH', 'there is no scheduled, unpublished meeting to publish');
    let published = 0;
    for (const sessionId of sessions) {
      const now = this.clock.now();
      published += await this.db.transaction(async (tx) => {
        const ids = await publishSession(tx, editionId, sessionId, caller.id, now);
        await this.notifications.queuePublishNotices(tx, ids, caller.id, now);
        return ids.length;
      });
    }
    await this.notifications.kick();
    return { editionId, published };
  }

  /** Queues a run; the database refuses a second one while one is queued or running. */
  async createRun(caller: AuthUser, editionId: string, dto: CreateScheduleRunDto): Promise<ScheduleRunView> {
    await this.assertEdition(editionId);
    await this.assertPins(editionId, dto);
    const id = await this.db.transaction(async (tx) => {
      const runId = await this.runs.queue(tx, { edition_id: editionId, requested_by: caller.id, options: JSON.stringify(dto) });
      await this.audit.record(tx, { actorId: caller.id, action: 'schedule.run', entity: 'schedule_run', entityId: runId, editionId, details: { ...dto } });
      return runId;
    });
    return this.getRun(editionId, id);
  }

  /** The edition's most recent run, so a screen can pick up where the last one left off. */
  async latestRun(editionId: string): Promise<ScheduleRunView> {
    await this.assertEdition(editionId);
    const row = await latestScheduleRun<RunRow>(this.db.manager, editionId);
    if (!row) throw new DomainError('SCHEDULE_RUN_NOT_FOUND', `no scheduler run yet in edition ${editionId}`);
    return runView(row);
  }

  async getRun(editionId: string, runId: string): Promise<ScheduleRunView> {
    const row = await this.runs.find(editionId, runId);
    if (!row) throw new DomainError('SCHEDULE_RUN_NOT_FOUND', `no scheduler run ${runId} in edition ${editionId}`);
    return runView(row);
  }

  /**
   * Executes a queued run: read a snapshot, solve, check the result with the independent
   * validator, write it in one transaction. Safe to call again (a finished run is left
   * alone), so a job that died midway is simply run again.
   */
  executeRun(runId: string): Promise<void> {
    return this.runs.execute(runId, (claimed, step) => this.solveAndWrite(claimed, step));
  }

  /** Runs queued or interrupted (their instance died) when this instance started. */
  unfinishedRuns(): Promise<string[]> {
    return this.runs.unfinished();
  }

  /** Solves and writes, solving again when the input changed under the run (a few times). */
  private async solveAndWrite(claimed: RunRow, step: RunStep): Promise<void> {
    const runId = claimed.id;
    for (let attempt = 1; ; attempt++) {
      // In a `participants` edition the parties' own bookings stay where they are (pinned).
      const pin = [...(claimed.options.pin ?? []), ...(await selfBookedMeetings(this.db.manager, claimed.edition_id))];
      const loaded = await loadSchedulingInput(this.db.manager, claimed.edition_id, { ...claimed.options, pin }, this.matchScores);
      await step.progress(30);
      const result = scheduleMeetings(loaded.input, {
        seed: claimed.options.seed ?? 1,
        solver: await loadMipSolver(),
        maxGapsPerOrganization: claimed.options.maxGapsPerOrganization,
      });
      const violations = validateSchedule(loaded.input, result.assignments);
      if (violations.length) throw new Error(`the engine produced an invalid schedule: ${violations[0].message}`);
      await step.progress(80);
      try {
        await this.db.transaction(async (tx) => {
          await writeSchedule(tx, claimed.edition_id, runId, claimed.requested_by, loaded, result);
          const leftOut: LeftOutView[] = result.leftOut.map((l) => ({ meetingId: l.meetingId, ...l.reason }));
          await step.succeed(tx, { statistics: JSON.stringify(result.statistics), left_out: JSON.stringify(leftOut) });
        });
        return;
      } catch (error) {
        if (!(error instanceof StaleScheduleInput) || attempt >= MAX_ATTEMPTS) throw error;
        this.logger.warn(`run ${runId}: ${error.message}; solving again`);
      }
    }
  }

  /** The bureau's grid: every booking of the edition with its slot, table and parties. */
  async grid(editionId: string): Promise<ScheduleGridView> {
    await this.assertEdition(editionId);
    const rows = await gridRows(this.db.manager, editionId);
    return {
      editionId,
      bookings: rows.map((r: Record<string, string & number & boolean>) => ({
        meetingId: r['meeting_id'],
        sessionId: r['session_id'],
        slotId: r['slot_id'],
        tableNumber: r['table_number'],
        status: r['status'],
        published: r['published'],
        jp: { id: r['jp_id'], name: { zh: r['jp_zh'], ja: r['jp_ja'], en: r['jp_en'] } },
        cn: { id: r['cn_id'], name: { zh: r['cn_zh'], ja: r['cn_ja'], en: r['cn_en'] } },
      })),
    };
  }

  /**
   * One organization's agenda: its published meetings (the bureau also sees the
   * unpublished ones), times in the requested zone and in the edition's.
   */
  async agenda(caller: AuthUser, editionId: string, query: AgendaQueryDto): Promise<AgendaView> {
    const edition = await this.editions.get(editionId);
    const organizationId = caller.role === 'bureau' ? query.organizationId : caller.organizationId;
    if (!organizationId) {
      throw new DomainError('AGENDA_NO_ORGANIZATION', 'organizationId is required for the bureau', [
        { field: 'organizationId', messages: ['organizationId is required'] },
      ]);
    }
    const zone = query.zone ?? caller.timeZone;
    if (!isIanaZone(zone)) {
      throw new DomainError('AGENDA_INVALID_ZONE', 'zone must be an IANA zone such as Asia/Tokyo', [
        { field: 'zone', messages: ['zone must be an IANA zone such as Asia/Tokyo'] },
      ]);
    }
    const editionZone = edition.timeZone;
    const rows = await this.agendas.rows(editionId, organizationId, caller.role === 'bureau');
    return {
      editionId,
      organizationId,
      zone,
      editionZone,
      items: rows.map((r: Record<string, never>) => ({
        meetingId: r['id'],
        status: r['status'],
        startsAt: isoInZone(r['starts_at'], zone),
        endsAt: isoInZone(r['ends_at'], zone),
        editionStartsAt: isoInZone(r['starts_at'], editionZone),
        editionEndsAt: isoInZone(r['ends_at'], editionZone),
        sessionId: r['session_id'],
        sector: r['sector'],
        venue: r['venue'],
        tableNumber: r['table_number'],
        counterpart: { id: r['other_id'], name: { zh: r['name_zh'], ja: r['name_ja'], en: r['name_en'] } },
        offer: r['offer_id'] ? { id: r['offer_id'], titleZh: r['title_zh'], titleJa: r['title_ja'], titleEn: r['title_en'] } : null,
        confirmedByMe: r['confirmed_by_me'],
      })),
    };
  }

  /**
   * Pins are checked before a run is queued: an id that is not a booked, schedulable meeting of
   * this event is named; pins that cannot all hold (one table, a party absent, over a party's
   * delegates or daily maximum, over the interpreter pool) are refused naming meetings and rule.
   */
  private async assertPins(editionId: string, dto: CreateScheduleRunDto): Promise<void> {
    const pin = [...(dto.pin ?? []), ...(await selfBookedMeetings(this.db.manager, editionId))];
    const loaded = await loadSchedulingInput(this.db.manager, editionId, { ...dto, pin }, this.matchScores);
    const unknown = (dto.pin ?? []).filter((id) => !loaded.meetings.get(id)?.booking);
    if (unknown.length) {
      const message = `pin: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not booked meetings' : 'is not a booked meeting'} of this edition`;
      throw new DomainError('SCHEDULE_UNKNOWN_PIN', message, [{ field: 'pin', messages: [message] }]);
    }
    const conflicts = checkPins(loaded.input);
    if (conflicts.length) {
      throw new DomainError('SCHEDULE_PIN_CONFLICT', conflicts.map((c) => `${c.rule}: ${c.message}`).join('; '), [
        { field: 'pin', messages: conflicts.map((c) => `${c.rule}: ${c.message}`) },
      ]);
    }
  }

  private async assertEdition(editionId: string): Promise<void> {
    await loadEdition(this.db, editionId);
  }
}

function runView(row: RunRow): ScheduleRunView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    editionId: row.edition_id,
    status: row.status,
    progress: row.progress,
    createdAt: row.created_at.toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    statistics: row.statistics,
    leftOut: row.left_out ?? [],
    error: row.error,
  };
}
