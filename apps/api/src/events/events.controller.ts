import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateEditionDto, EditionSummary, EditionView, UpdateEditionDto, UpdateSessionDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  list(): Promise<EditionSummary[]> {
    return this.events.list();
  }

  @Get(':eventId')
  get(@UuidParam('eventId') id: string): Promise<EditionView> {
    return this.events.get(id);
  }

  @Roles('bureau')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateEditionDto): Promise<EditionView> {
    return this.events.create(user, dto);
  }

  /** The scheduling mode and reminder settings of the edition. */
  @Roles('bureau')
  @Patch(':eventId')
  update(@CurrentUser() user: AuthUser, @UuidParam('eventId') eventId: string, @Body() dto: UpdateEditionDto): Promise<EditionView> {
    return this.events.update(user, eventId, dto);
  }

  @Roles('bureau')
  @Patch(':eventId/sessions/:sessionId')
  updateSession(
    @CurrentUser() user: AuthUser,
    @UuidParam('eventId') eventId: string,
    @UuidParam('sessionId') sessionId: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<EditionView> {
    return this.events.updateSession(user, eventId, sessionId, dto);
  }
}
