import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgendaQueryDto, AgendaView, CreateScheduleRunDto, PublishScheduleDto, PublishScheduleView, ScheduleGridView, ScheduleRunView } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { ScheduleRunner } from './schedule-runner';
import { SchedulingService } from './scheduling.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller('events/:eventId')
export class SchedulingController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly runner: ScheduleRunner,
  ) {}

  @Roles('bureau')
  @Post('schedule/runs')
  @HttpCode(202)
  async createRun(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @Body() dto: CreateScheduleRunDto): Promise<ScheduleRunView> {
    const run = await this.scheduling.createRun(user, editionId, dto);
    await this.runner.dispatch(run.id);
    return run;
  }

  // Declared before :runId so that "latest" is not read as a malformed id.
  @Roles('bureau')
  @Get('schedule/runs/latest')
  latestRun(@UuidParam('eventId') editionId: string): Promise<ScheduleRunView> {
    return this.scheduling.latestRun(editionId);
  }

  @Roles('bureau')
  @Get('schedule/runs/:runId')
  getRun(@UuidParam('eventId') editionId: string, @UuidParam('runId') runId: string): Promise<ScheduleRunView> {
    return this.scheduling.getRun(editionId, runId);
  }

  @Roles('bureau')
  @Post('schedule/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @Body() dto: PublishScheduleDto): Promise<PublishScheduleView> {
    return this.scheduling.publish(user, editionId, dto);
  }

  @Roles('bureau')
  @Get('schedule')
  grid(@UuidParam('eventId') editionId: string): Promise<ScheduleGridView> {
    return this.scheduling.grid(editionId);
  }

  @Get('agenda')
  agenda(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @Query() query: AgendaQueryDto): Promise<AgendaView> {
    return this.scheduling.agenda(user, editionId, query);
  }
}
