import { Module } from '@nestjs/common';
import { OfferSearchIndex } from './offer-search.index';
import { OfferSearchRepository } from './offer-search.repository';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

@Module({ controllers: [OffersController], providers: [OffersService, OfferSearchRepository, OfferSearchIndex], exports: [OffersService] })
export class OffersModule {}
