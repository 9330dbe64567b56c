import { Module } from '@nestjs/common';
import { CsvModule } from '../common/csv/csv.module';
import { KeyProjectsController } from './key-projects.controller';
import { KeyProjectsService } from './key-projects.service';

@Module({ imports: [CsvModule], controllers: [KeyProjectsController], providers: [KeyProjectsService] })
export class KeyProjectsModule {}
