import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MatchingRunView, RecommendationQueryDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { MatchingRunner } from './matching-runner';
import { MatchingService, RecommendationsJson } from './matching.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('events/:eventId')
export class MatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly runner: MatchingRunner,
  ) {}

  @Roles('bureau')
  @Post('matching/runs')
  @HttpCode(202)
  async createRun(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string): Promise<MatchingRunView> {
    const run = await this.matching.createRun(user, editionId);
    await this.runner.dispatch(run.id);
    return run;
  }

  @Roles('bureau')
  @Get('matching/runs/:runId')
  getRun(@UuidParam('eventId') editionId: string, @UuidParam('runId') runId: string): Promise<MatchingRunView> {
    return this.matching.getRun(editionId, runId);
  }

  @Roles('jp', 'bureau')
  @Get('recommendations')
  // A RecommendationsView, serialised by the service (PostgreSQL's JSON sent as it is).
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: 'RecommendationsView (libs/contracts)' })
  recommendations(
    @CurrentUser() user: AuthUser,
    @UuidParam('eventId') editionId: string,
    @Query() query: RecommendationQueryDto,
  ): Promise<RecommendationsJson> {
    return this.matching.recommendations(user, editionId, query);
  }
}
