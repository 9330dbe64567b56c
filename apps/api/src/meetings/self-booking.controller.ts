import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnswerSlotProposalDto, ProposeSlotDto, SlotOptionsView, SlotProposalView } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { SelfBookingService } from './self-booking.service';

/** Self-scheduling: slot options, and proposals of another slot between the two parties. */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings/:id')
export class SelfBookingController {
  constructor(private readonly selfBooking: SelfBookingService) {}

  @Get('slot-options')
  options(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<SlotOptionsView> {
    return this.selfBooking.options(user, id);
  }

  @Get('slot-proposals')
  proposals(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<SlotProposalView[]> {
    return this.selfBooking.proposals(user, id);
  }

  @Post('slot-proposals')
  propose(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ProposeSlotDto): Promise<SlotProposalView> {
    return this.selfBooking.propose(user, id, dto);
  }

  @Post('slot-proposals/:proposalId/answer')
  @HttpCode(200)
  answer(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('proposalId') proposalId: string,
    @Body() dto: AnswerSlotProposalDto,
  ): Promise<SlotProposalView[]> {
    return this.selfBooking.answer(user, id, proposalId, dto);
  }
}
