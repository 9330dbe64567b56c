import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { CsvExport, CsvStreamer } from '../common/csv/csv-streamer';
import { loadEdition } from '../editions/editions';
import type { Locale } from '@jinan/contracts';
import { MEETINGS_CSV, ORGANIZATIONS_CSV, SCHEDULE_CSV } from './csv-columns';
import { csvHeaders } from './csv-headers';

/** The bureau's CSV exports of an edition, in the edition's zone, streamed by CsvStreamer. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly csv: CsvStreamer,
  ) {}

  meetings(res: Response, editionId: string, locale: Locale | null = null): Promise<void> {
    return this.forEdition(res, editionId, 'meetings.csv', MEETINGS_CSV, (zone) => [editionId, zone], locale);
  }

  schedule(res: Response, editionId: string, locale: Locale | null = null): Promise<void> {
    return this.forEdition(res, editionId, 'schedule.csv', SCHEDULE_CSV, (zone) => [editionId, zone], locale);
  }

  organizations(res: Response, editionId: string, locale: Locale | null = null): Promise<void> {
    return this.forEdition(res, editionId, 'organizations.csv', ORGANIZATIONS_CSV, () => [editionId], locale);
  }

  private async forEdition(
    res: Response,
    editionId: string,
    filename: string,
    query: CsvExport,
    params: (zone: string) => unknown[],
    locale: Locale | null,
  ): Promise<void> {
    const zone = (await loadEdition(this.db, editionId)).timeZone;
    await this.csv.send(res, filename, { ...query, columns: csvHeaders(query.columns, locale) }, params(zone));
  }
}
