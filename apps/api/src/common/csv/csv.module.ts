import { Module } from '@nestjs/common';
import { CsvStreamer } from './csv-streamer';

/** The one CSV writer (streamed from a cursor, formula-escaped), for every module that exports CSV. */
@Module({ providers: [CsvStreamer], exports: [CsvStreamer] })
export class CsvModule {}
