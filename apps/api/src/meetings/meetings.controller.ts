import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiHeader, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  CancelMeetingDto,
  MeetingQueryDto,
  MeetingTransitionView,
  MeetingView,
  Page,
  ProposeMeetingDto,
  RequestMeetingDto,
  RespondMeetingDto,
  ReviewMeetingDto,
} from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { IDEMPOTENCY_HEADER } from './idempotency';
import { MeetingsService } from './meetings.service';

/**
 * Who may call what is decided per meeting in the service (a party, the party whose
 * turn it is, the bureau), so that a stranger learns nothing: 404, not 403.
 */
@ApiTags('meetings')
@ApiBearerAuth()
@ApiExtraModels(RequestMeetingDto, ProposeMeetingDto)
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  /** The body is validated in the service: a request (jp) and a proposal (bureau) differ. */
  @Post('events/:eventId/meetings')
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'Repeat a request safely: the same key and body return the first response.' })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(RequestMeetingDto) }, { $ref: getSchemaPath(ProposeMeetingDto) }] } })
  create(
    @CurrentUser() user: AuthUser,
    @UuidParam('eventId') editionId: string,
    @Body() body: unknown,
    @Headers(IDEMPOTENCY_HEADER.toLowerCase()) key?: string,
  ): Promise<MeetingView> {
    return this.meetings.create(user, editionId, body, key);
  }

  @Get('events/:eventId/meetings')
  list(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @Query() query: MeetingQueryDto): Promise<Page<MeetingView>> {
    return this.meetings.list(user, editionId, query);
  }

  @Get('meetings/:id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<MeetingView> {
    return this.meetings.get(user, id);
  }

  @Get('meetings/:id/history')
  history(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<MeetingTransitionView[]> {
    return this.meetings.history(user, id);
  }

  @Post('meetings/:id/review')
  @HttpCode(200)
  review(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ReviewMeetingDto): Promise<MeetingView> {
    return this.meetings.review(user, id, dto);
  }

  @Post('meetings/:id/respond')
  @HttpCode(200)
  respond(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: RespondMeetingDto): Promise<MeetingView> {
    return this.meetings.respond(user, id, dto);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: CancelMeetingDto): Promise<MeetingView> {
    return this.meetings.cancel(user, id, dto);
  }
}
