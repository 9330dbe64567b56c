import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { CsvStreamer } from './exports.service';

@Module({ controllers: [ExportsController], providers: [CsvStreamer], exports: [CsvStreamer] })
export class ExportsModule {}
