import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EditionStatsView, OrganizationWithoutMeetingView, Page, PageQueryDto } from '@jinan/contracts';
import { Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('events/:eventId')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Roles('bureau')
  @Get('stats')
  forEdition(@UuidParam('eventId') editionId: string): Promise<EditionStatsView> {
    return this.stats.forEdition(editionId);
  }

  @Roles('bureau')
  @Get('stats/without-meeting')
  withoutMeeting(@UuidParam('eventId') editionId: string, @Query() query: PageQueryDto): Promise<Page<OrganizationWithoutMeetingView>> {
    return this.stats.withoutMeetingPage(editionId, query);
  }
}
