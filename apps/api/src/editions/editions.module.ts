import { Module } from '@nestjs/common';
import { EditionsController } from './editions.controller';
import { EditionCache } from './edition-cache';
import { EditionsService } from './editions.service';

@Module({ controllers: [EditionsController], providers: [EditionsService, EditionCache], exports: [EditionsService, EditionCache] })
export class EditionsModule {}
