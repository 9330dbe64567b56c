import { Body, Controller, HttpCode, Injectable, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { named } from '@jinan/contracts';
import { IsDefined, IsInt, IsUUID, Max, Min } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { DomainError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/validation';

/** PATCH /api/meetings/:id/booking: the bureau puts a meeting at a slot and table by hand. */
export class MoveBookingDto {
  @IsDefined(named('is required'))
  @IsUUID('all', named('must be a UUID'))
  slotId!: string;

  @IsDefined(named('is required'))
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(999, named('must be at most 999'))
  tableNumber!: number;
}

export interface BookingMoveView {
  meetingId: string;
  status: string;
  slotId: string;
  tableNumber: number;
  startsAt: string;
  endsAt: string;
  version: number;
}

/** A meeting the bureau may place by hand: accepted, or scheduled but not yet confirmed by both. */
const MOVABLE = ['accepted', 'scheduled'];

/**
 * The bureau's manual placement. The code checks what it can read; whether the table
 * and both parties are free at that time is left to the bookings' exclusion
 * constraints, which hold across every instance: a conflict is a 409, never a
 * double booking.
 */
@Injectable()
export class BookingMovesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  move(caller: AuthUser, meetingId: string, dto: MoveBookingDto): Promise<BookingMoveView> {
    return this.db.transaction((tx) => this.moveIn(tx, caller, meetingId, dto));
  }

  private async moveIn(tx: EntityManager, caller: AuthUser, meetingId: string, dto: MoveBookingDto): Promise<BookingMoveView> {
    const [found] = await tx.query(`SELECT edition_id FROM meetings WHERE id = $1`, [meetingId]);
    if (!found) throw new DomainError('BOOKING_MEETING_NOT_FOUND', `no meeting ${meetingId}`);
    // One writer of an edition's bookings at a time, edition first as the scheduler's
    // writer does: concurrent moves queue here instead of deadlocking on the exclusion
    // constraints. (NO KEY: inserts that merely reference the edition are not blocked.)
    await tx.query(`SELECT id FROM editions WHERE id = $1 FOR NO KEY UPDATE`, [found.edition_id]);
    const [meeting] = await tx.query(`SELECT id, edition_id, status, sector, jp_organization_id, cn_organization_id FROM meetings WHERE id = $1 FOR UPDATE`, [
      meetingId,
    ]);
    if (!meeting) throw new DomainError('BOOKING_MEETING_NOT_FOUND', `no meeting ${meetingId}`);
    if (!MOVABLE.includes(meeting.status)) {
      throw new DomainError('BOOKING_NOT_MOVABLE', `a ${meeting.status} meeting cannot be placed; only accepted or scheduled meetings can`);
    }
    const [slot] = await tx.query(
      `SELECT sl.id, sl.session_id, sl.starts_at, sl.ends_at, se.sector FROM slots sl JOIN programme_sessions se ON se.id = sl.session_id
        WHERE sl.id = $1 AND sl.edition_id = $2`,
      [dto.slotId, meeting.edition_id],
    );
    if (!slot) throw new DomainError('BOOKING_SLOT_NOT_FOUND', `no slot ${dto.slotId} in this meeting's edition`);
    // The scheduler keeps a meeting in its sector's session; a move elsewhere would be undone.
    if (slot.sector !== meeting.sector) {
      throw new DomainError('BOOKING_WRONG_SESSION', `a ${meeting.sector} meeting takes place in the ${meeting.sector} session, not the ${slot.sector} one`);
    }
    const [table] = await tx.query(`SELECT id FROM negotiation_tables WHERE session_id = $1 AND number = $2`, [slot.session_id, dto.tableNumber]);
    if (!table) throw new DomainError('BOOKING_TABLE_NOT_FOUND', `the slot's session has no table ${dto.tableNumber}`);

    await tx.query(`DELETE FROM bookings WHERE meeting_id = $1`, [meetingId]);
    // A free delegate seat of each party at that time; with none, seat 1 lets the
    // capacity constraint refuse the booking with its own message.
    const freeSeat = (column: 'jp' | 'cn', organizationId: string) =>
      tx
        .query(
          `SELECT s.seat FROM organization_seats s
            WHERE s.organization_id = $1
              AND NOT EXISTS (SELECT 1 FROM bookings b, slots t
                               WHERE t.id = $2 AND b.${column}_organization_id = $1 AND b.${column}_seat = s.seat AND b.during && t.during)
            ORDER BY s.seat LIMIT 1`,
          [organizationId, slot.id],
        )
        .then((rows: { seat: number }[]) => rows[0]?.seat ?? 1);
    const jpSeat = await freeSeat('jp', meeting.jp_organization_id);
    const cnSeat = await freeSeat('cn', meeting.cn_organization_id);
    await tx.query(
      `INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat)
       SELECT $1, $2, s.session_id, s.id, $4, s.during, $5, $6, $7, $8 FROM slots s WHERE s.id = $3`,
      [meetingId, meeting.edition_id, slot.id, table.id, meeting.jp_organization_id, jpSeat, meeting.cn_organization_id, cnSeat],
    );

    // A published slot that moved is no longer what the parties were told: publish again.
    const [updated] = await tx.query(
      `WITH moved AS (
         UPDATE meetings SET status = 'scheduled', slot_published_at = NULL, jp_confirmed_at = NULL, cn_confirmed_at = NULL,
                version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING status, version)
       SELECT * FROM moved`,
      [meetingId],
    );
    await tx.query(
      `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, note)
       VALUES ($1, $2, 'bureau', $3, $4, 'scheduled', $5)`,
      [meetingId, caller.id, meeting.status === 'accepted' ? 'schedule' : 'move', meeting.status, `placed by hand at table ${dto.tableNumber}`],
    );
    await this.audit.record(tx, {
      actorId: caller.id,
      action: 'booking.move',
      entity: 'meeting',
      entityId: meetingId,
      editionId: meeting.edition_id,
      details: { slotId: slot.id, tableNumber: dto.tableNumber, from: meeting.status },
    });
    return {
      meetingId,
      status: updated.status,
      slotId: slot.id,
      tableNumber: dto.tableNumber,
      startsAt: new Date(slot.starts_at).toISOString(),
      endsAt: new Date(slot.ends_at).toISOString(),
      version: updated.version,
    };
  }
}

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller('meetings')
export class BookingMovesController {
  constructor(private readonly moves: BookingMovesService) {}

  @Roles('bureau')
  @Patch(':id/booking')
  @HttpCode(200)
  move(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: MoveBookingDto): Promise<BookingMoveView> {
    return this.moves.move(user, id, dto);
  }
}
