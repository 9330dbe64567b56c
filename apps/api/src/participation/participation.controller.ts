import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParticipationView, UpdateParticipationDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { ParticipationService } from './participation.service';

@ApiTags('participation')
@ApiBearerAuth()
@Controller('events/:eventId/organizations/:organizationId/participation')
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Get()
  get(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @UuidParam('organizationId') organizationId: string): Promise<ParticipationView> {
    return this.participation.get(user, editionId, organizationId);
  }

  @Put()
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('eventId') editionId: string,
    @UuidParam('organizationId') organizationId: string,
    @Body() dto: UpdateParticipationDto,
  ): Promise<ParticipationView> {
    return this.participation.update(user, editionId, organizationId, dto);
  }
}
