import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateEditionDto, EditionSummary, EditionView, UpdateEditionDto, UpdateSessionDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { EditionsService } from './editions.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EditionsController {
  constructor(private readonly events: EditionsService) {}

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
  update(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @Body() dto: UpdateEditionDto): Promise<EditionView> {
    return this.events.update(user, editionId, dto);
  }

  @Roles('bureau')
  @Patch(':eventId/sessions/:sessionId')
  updateSession(
    @CurrentUser() user: AuthUser,
    @UuidParam('eventId') editionId: string,
    @UuidParam('sessionId') sessionId: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<EditionView> {
    return this.events.updateSession(user, editionId, sessionId, dto);
  }
}
