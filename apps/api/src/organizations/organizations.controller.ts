import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OrganizationProfileView, OrganizationQueryDto, OrganizationView, Page, UpdateOrganizationDto, VerifyOrganizationDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: OrganizationQueryDto): Promise<Page<OrganizationView>> {
    return this.organizations.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<OrganizationView> {
    return this.organizations.get(user, id);
  }

  /** The profile page: offers, delegates (as privacy allows) and the caller's meetings with it. */
  @Get(':id/profile')
  profile(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<OrganizationProfileView> {
    return this.organizations.profile(user, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.update(user, id, dto);
  }

  @Roles('bureau')
  @Post(':id/verification')
  @HttpCode(200)
  verify(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: VerifyOrganizationDto): Promise<OrganizationView> {
    return this.organizations.verify(user, id, dto);
  }
}
