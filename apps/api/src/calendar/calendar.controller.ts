import { Controller, Delete, Get, Header, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CalendarFeedStatusView, CalendarFeedView } from '@jinan/contracts';
import { Environment, ENVIRONMENT, publicBaseUrl } from '../config/environment';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { CalendarService } from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Roles('jp', 'cn')
  @Get('events/:eventId/agenda.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', ICS)
  @Header('Content-Disposition', 'attachment; filename="agenda.ics"')
  @Header('Cache-Control', 'private, no-store')
  agenda(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string): Promise<string> {
    return this.calendar.editionCalendar(user, editionId);
  }

  /** The link is built on PUBLIC_BASE_URL, never on the request's Host or X-Forwarded-Proto (a client could name any scheme and host). */
  @Roles('jp', 'cn')
  @Post('me/calendar-feed')
  createFeed(@CurrentUser() user: AuthUser): Promise<CalendarFeedView> {
    return this.calendar.createFeed(user, publicBaseUrl(this.env));
  }

  @Roles('jp', 'cn')
  @Get('me/calendar-feed')
  feedStatus(@CurrentUser() user: AuthUser): Promise<CalendarFeedStatusView> {
    return this.calendar.feedStatus(user);
  }

  @Roles('jp', 'cn')
  @Delete('me/calendar-feed')
  @HttpCode(204)
  revokeFeed(@CurrentUser() user: AuthUser): Promise<void> {
    return this.calendar.revokeFeed(user);
  }

  /** The token in the address is the credential (calendar apps send no header). */
  @Public()
  @Get('calendar/:token.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', ICS)
  @Header('Cache-Control', 'private, no-store')
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.feedCalendar(token);
  }
}
