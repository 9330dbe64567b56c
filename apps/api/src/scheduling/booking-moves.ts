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
import {
  freeSeat,
  insertPlacedBooking,
  lockEditionBookings,
  lockMeetingToPlace,
  markScheduledAgain,
  meetingEdition,
  recordPlacement,
  releaseBooking,
  slotInEdition,
  tableOfSession,
} from './scheduling.queries';

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
    const editionId = await meetingEdition(tx, meetingId);
    if (!editionId) throw new DomainError('BOOKING_MEETING_NOT_FOUND', `no meeting ${meetingId}`);
    await lockEditionBookings(tx, editionId);
    const meeting = await lockMeetingToPlace(tx, meetingId);
    if (!meeting) throw new DomainError('BOOKING_MEETING_NOT_FOUND', `no meeting ${meetingId}`);
    if (!MOVABLE.includes(meeting.status)) {
      throw new DomainError('BOOKING_NOT_MOVABLE', `a ${meeting.status} meeting cannot be placed; only accepted or scheduled meetings can`);
    }
    const slot = await slotInEdition(tx, dto.slotId, meeting.edition_id);
    if (!slot) throw new DomainError('BOOKING_SLOT_NOT_FOUND', `no slot ${dto.slotId} in this meeting's edition`);
    // The scheduler keeps a meeting in its sector's session; a move elsewhere would be undone.
    if (slot.sector !== meeting.sector) {
      throw new DomainError('BOOKING_WRONG_SESSION', `a ${meeting.sector} meeting takes place in the ${meeting.sector} session, not the ${slot.sector} one`);
    }
    const tableId = await tableOfSession(tx, slot.session_id, dto.tableNumber);
    if (!tableId) throw new DomainError('BOOKING_TABLE_NOT_FOUND', `the slot's session has no table ${dto.tableNumber}`);

    await releaseBooking(tx, meetingId);
    // A free delegate seat of each party at that time; with none, seat 1 lets the
    // capacity constraint refuse the booking with its own message.
    const jpSeat = (await freeSeat(tx, 'jp', meeting.jp_organization_id, slot.id)) ?? 1;
    const cnSeat = (await freeSeat(tx, 'cn', meeting.cn_organization_id, slot.id)) ?? 1;
    await insertPlacedBooking(tx, {
      meetingId,
      editionId: meeting.edition_id,
      slotId: slot.id,
      tableId,
      jpOrganizationId: meeting.jp_organization_id,
      jpSeat,
      cnOrganizationId: meeting.cn_organization_id,
      cnSeat,
    });

    // A published slot that moved is no longer what the parties were told: publish again.
    const updated = await markScheduledAgain(tx, meetingId);
    await recordPlacement(tx, {
      meetingId,
      actorId: caller.id,
      action: meeting.status === 'accepted' ? 'schedule' : 'move',
      from: meeting.status,
      note: `placed by hand at table ${dto.tableNumber}`,
    });
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
