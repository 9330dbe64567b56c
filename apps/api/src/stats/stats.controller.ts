import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EditionStatsView } from '@jinan/contracts';
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
}
