import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateOfferDto, OfferQueryDto, OfferView, Page, UpdateOfferDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { OffersService } from './offers.service';

@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: OfferQueryDto): Promise<Page<OfferView>> {
    return this.offers.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<OfferView> {
    return this.offers.get(user, id);
  }

  @Roles('cn')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOfferDto): Promise<OfferView> {
    return this.offers.create(user, dto);
  }

  @Roles('cn')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateOfferDto): Promise<OfferView> {
    return this.offers.update(user, id, dto);
  }

  @Roles('cn')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<OfferView> {
    return this.offers.transition(user, id, 'publish');
  }

  @Roles('cn')
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<OfferView> {
    return this.offers.transition(user, id, 'withdraw');
  }
}
