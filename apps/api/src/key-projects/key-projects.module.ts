import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { KeyProjectsController } from './key-projects.controller';
import { KeyProjectsService } from './key-projects.service';

@Module({ imports: [ExportsModule], controllers: [KeyProjectsController], providers: [KeyProjectsService] })
export class KeyProjectsModule {}
