import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RemindersRunView, RunRemindersDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('events/:eventId/reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** The recipients by kind: a preview ({dryRun: true}) or a round sent now. */
  @Roles('bureau')
  @Post('run')
  @HttpCode(200)
  run(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @Body() dto: RunRemindersDto): Promise<RemindersRunView> {
    return this.reminders.run(user, editionId, dto.dryRun);
  }
}
