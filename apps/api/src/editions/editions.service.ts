import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreateEditionDto, defaultEditionDates, EditionSummary, EditionView, EVENT_TIME_ZONE, UpdateEditionDto, UpdateSessionDto } from '@jinan/contracts';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { Edition } from './edition.entity';
import { editionSummary, editionView } from './edition.view';
import { loadEdition } from './editions';
import { NegotiationTable } from './negotiation-table.entity';
import { programmeFromTemplate, SessionPlan, slotsFor } from './programme-template';
import { ProgrammeSession } from './programme-session.entity';
import { Slot } from './slot.entity';
import { isIanaZone } from '../common/time/iana-zone';

const EDITION_NAME = {
  zh: '跨国公司领导人对话会（济南）暨中日产业创新发展交流会',
  ja: '多国籍企業トップ対話会（済南）・中日産業イノベーション発展交流会',
  en: 'Dialogue Sessions for Executives from Multinational Corporations (Ji\u2019nan) & China–Japan Industrial Innovation and Development Exchange Conference',
};

@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<EditionSummary[]> {
    const editions = await this.db.getRepository(Edition).find({ order: { year: 'DESC' } });
    return editions.map(editionSummary);
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<EditionView> {
    const edition = await loadEdition(manager, id);
    const sessions = await manager.getRepository(ProgrammeSession).find({
      where: { editionId: id },
      relations: { slots: true, tables: true },
      order: { startsAt: 'ASC', sector: 'ASC' },
    });
    return editionView(edition, sessions);
  }

  /**
   * A new edition with default dates (overridable) and the "1 + 3" programme template.
   * `manager` lets the demo seed create it inside its own transaction.
   */
  async create(caller: AuthUser | null, dto: CreateEditionDto, manager?: EntityManager): Promise<EditionView> {
    const timeZone = dto.timeZone ?? EVENT_TIME_ZONE;
    if (!isIanaZone(timeZone)) {
      throw new DomainError('EVENT_INVALID_TIME_ZONE', 'timeZone must be an IANA zone such as Asia/Shanghai', [
        { field: 'timeZone', messages: ['timeZone must be an IANA zone such as Asia/Shanghai'] },
      ]);
    }
    const defaults = defaultEditionDates(dto.year, timeZone);
    const startDate = dto.startDate ?? defaults.startDate;
    const endDate = dto.endDate ?? (dto.startDate ? DateTime.fromISO(dto.startDate, { zone: timeZone }).plus({ days: 1 }).toISODate()! : defaults.endDate);
    assertDates(startDate, endDate);
    const slotMinutes = dto.slotMinutes ?? 20;
    const inTransaction = <T>(fn: (tx: EntityManager) => Promise<T>) => (manager ? fn(manager) : this.db.transaction(fn));
    const id = await inTransaction(async (tx) => {
      const edition = await tx.getRepository(Edition).save(
        tx.getRepository(Edition).create({
          year: dto.year,
          nameZh: `${dto.year}${EDITION_NAME.zh}`,
          nameJa: `${dto.year}${EDITION_NAME.ja}`,
          nameEn: `${EDITION_NAME.en} ${dto.year}`,
          timeZone,
          startDate,
          endDate,
          slotMinutes,
          maxMeetingsPerOrgPerDay: dto.maxMeetingsPerOrgPerDay ?? 8,
          maxPendingRequests: dto.maxPendingRequests ?? 30,
          status: 'open',
        }),
      );
      const plans = programmeFromTemplate({
        startDate,
        timeZone,
        slotMinutes,
        tablesPerSession: dto.tablesPerSession ?? 40,
        interpretersPerSession: dto.interpretersPerSession ?? 4,
      });
      await this.insertProgramme(tx, edition.id, plans);
      await this.audit.record(tx, {
        actorId: caller?.id ?? null,
        action: 'event.create',
        entity: 'event',
        entityId: edition.id,
        editionId: edition.id,
        details: { year: dto.year },
      });
      return edition.id;
    });
    return this.get(id, manager);
  }

  /** Sets the scheduling mode, the gap scope, reminder settings (merged with those set before) and when requests opened. */
  async update(caller: AuthUser, editionId: string, dto: UpdateEditionDto): Promise<EditionView> {
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(Edition);
      const edition = await loadEdition(tx, editionId, { forUpdate: true });
      if (dto.schedulingMode) edition.schedulingMode = dto.schedulingMode;
      if (dto.gapScope) edition.gapScope = dto.gapScope;
      if (dto.reminders) edition.reminderSettings = { ...edition.reminderSettings, ...definedOnly(dto.reminders) };
      if (dto.requestsOpenAt) edition.requestsOpenAt = new Date(dto.requestsOpenAt);
      await repo.save(edition);
      await this.audit.record(tx, { actorId: caller.id, action: 'event.update', entity: 'event', entityId: editionId, editionId, details: { ...dto } });
    });
    return this.get(editionId);
  }

  /**
   * Reshapes a negotiation session and regenerates its slots and tables. Refused by
   * the database (foreign keys) once meetings are booked in them.
   */
  async updateSession(caller: AuthUser, editionId: string, sessionId: string, dto: UpdateSessionDto): Promise<EditionView> {
    await this.db.transaction(async (tx) => {
      const session = await tx.getRepository(ProgrammeSession).findOne({ where: { id: sessionId, editionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw new DomainError('SESSION_NOT_FOUND', `no session ${sessionId} in edition ${editionId}`);
      if (dto.startsAt) session.startsAt = new Date(dto.startsAt);
      if (dto.endsAt) session.endsAt = new Date(dto.endsAt);
      if (session.endsAt <= session.startsAt) {
        throw new DomainError('EVENT_INVALID_DATES', 'endsAt must be after startsAt', [{ field: 'endsAt', messages: ['endsAt must be after startsAt'] }]);
      }
      if (dto.venue) session.venue = dto.venue;
      const reshape = dto.slotMinutes !== undefined || dto.tableCount !== undefined || dto.startsAt || dto.endsAt;
      if (reshape && session.kind !== 'negotiation') {
        if (dto.slotMinutes !== undefined || dto.tableCount !== undefined) {
          throw new DomainError('SESSION_NOT_NEGOTIATION', 'only negotiation sessions have slots and tables');
        }
      }
      if (dto.slotMinutes !== undefined) session.slotMinutes = dto.slotMinutes;
      if (dto.tableCount !== undefined) session.tableCount = dto.tableCount;
      if (session.kind === 'negotiation' && reshape) assertSlotCount(session);
      if (dto.interpreters !== undefined) {
        if (session.kind !== 'negotiation') throw new DomainError('SESSION_NOT_NEGOTIATION', 'only negotiation sessions have interpreters');
        session.interpreters = dto.interpreters;
      }
      await tx.getRepository(ProgrammeSession).save(session);
      if (session.kind === 'negotiation' && reshape) {
        await tx.getRepository(Slot).delete({ sessionId });
        await tx.getRepository(NegotiationTable).delete({ sessionId });
        await this.insertSlotsAndTables(tx, editionId, session, await this.breaksOf(tx, editionId));
      }
      await this.audit.record(tx, { actorId: caller.id, action: 'session.update', entity: 'session', entityId: sessionId, editionId, details: { ...dto } });
    });
    return this.get(editionId);
  }

  private async insertProgramme(tx: EntityManager, editionId: string, plans: SessionPlan[]): Promise<void> {
    const breaks = plans.filter((p) => p.kind === 'break').map((p) => ({ startsAt: p.startsAt.toJSDate(), endsAt: p.endsAt.toJSDate() }));
    for (const plan of plans) {
      const session = await tx.getRepository(ProgrammeSession).save(
        tx.getRepository(ProgrammeSession).create({
          editionId,
          kind: plan.kind,
          sector: plan.sector,
          titleZh: plan.title.zh,
          titleJa: plan.title.ja,
          titleEn: plan.title.en,
          venue: plan.venue,
          startsAt: plan.startsAt.toJSDate(),
          endsAt: plan.endsAt.toJSDate(),
          slotMinutes: plan.slotMinutes,
          tableCount: plan.tableCount,
          interpreters: plan.interpreters,
        }),
      );
      if (plan.kind === 'negotiation') await this.insertSlotsAndTables(tx, editionId, session, breaks);
    }
  }

  private async breaksOf(tx: EntityManager, editionId: string) {
    return tx.getRepository(ProgrammeSession).find({ where: { editionId, kind: 'break' } });
  }

  private async insertSlotsAndTables(
    tx: EntityManager,
    editionId: string,
    session: ProgrammeSession,
    breaks: { startsAt: Date; endsAt: Date }[],
  ): Promise<void> {
    const utc = (d: Date) => DateTime.fromJSDate(d, { zone: 'utc' });
    const slots = slotsFor(
      utc(session.startsAt),
      utc(session.endsAt),
      session.slotMinutes!,
      breaks.map((b) => ({ startsAt: utc(b.startsAt), endsAt: utc(b.endsAt) })),
    );
    if (slots.length) {
      await tx
        .getRepository(Slot)
        .insert(slots.map((s) => ({ sessionId: session.id, editionId, index: s.index, startsAt: s.startsAt.toJSDate(), endsAt: s.endsAt.toJSDate() })));
    }
    const tables = Array.from({ length: session.tableCount! }, (_, i) => ({ sessionId: session.id, number: i + 1, label: null }));
    await tx.getRepository(NegotiationTable).insert(tables);
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function assertDates(startDate: string, endDate: string): void {
  const start = DateTime.fromISO(startDate, { zone: 'utc' });
  const end = DateTime.fromISO(endDate, { zone: 'utc' });
  if (!start.isValid)
    throw new DomainError('EVENT_INVALID_DATES', 'startDate is not a calendar date', [{ field: 'startDate', messages: ['startDate is not a calendar date'] }]);
  if (!end.isValid)
    throw new DomainError('EVENT_INVALID_DATES', 'endDate is not a calendar date', [{ field: 'endDate', messages: ['endDate is not a calendar date'] }]);
  if (end < start)
    throw new DomainError('EVENT_INVALID_DATES', 'endDate must not be before startDate', [
      { field: 'endDate', messages: ['endDate must not be before startDate'] },
    ]);
}

/**
 * Slots one negotiation session may have: a full day of 5-minute slots is 288. Checked
 * before anything is written, so a session stretched over months is a 400 naming the
 * field, not an INSERT beyond PostgreSQL's 65,535 bind parameters (which answered 503).
 */
export const MAX_SLOTS_PER_SESSION = 1000;

function assertSlotCount(session: ProgrammeSession): void {
  const minutes = (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
  if (minutes / session.slotMinutes! > MAX_SLOTS_PER_SESSION) {
    const message = `endsAt makes ${Math.floor(minutes / session.slotMinutes!)} slots of ${session.slotMinutes} minutes; a session has at most ${MAX_SLOTS_PER_SESSION}`;
    throw new DomainError('INVALID_INPUT', message, [{ field: 'endsAt', messages: [message] }]);
  }
}
