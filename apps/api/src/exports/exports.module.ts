import { Module } from '@nestjs/common';
import { CsvModule } from '../common/csv/csv.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [CsvModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
