import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';

/** A CSV: its header row and the SQL whose rows (in array mode) fill it, in that order. */
export interface CsvExport {
  columns: string[];
  sql: string;
}

/** Rows fetched from the server-side cursor at a time: the export's memory bound. */
const BATCH_SIZE = 500;

/**
 * Writes a CSV to the response as PostgreSQL produces it: a server-side cursor
 * (pg-query-stream) read BATCH_SIZE rows at a time, through csv-stringify, with the
 * stream's back-pressure all the way to the client, so a 100× edition never sits in
 * memory. UTF-8 with a byte-order mark, so spreadsheet programs read Chinese and
 * Japanese right.
 */
@Injectable()
export class CsvStreamer {
  private readonly logger = new Logger(CsvStreamer.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Streams `query` (parameters `params`) to `res` as `filename`. Call after validating access. */
  async send(res: Response, filename: string, query: CsvExport, params: unknown[]): Promise<void> {
    const runner = this.db.createQueryRunner('slave');
    const client: PoolClient = await runner.connect();
    try {
      const rows = client.query(new QueryStream(query.sql, params, { batchSize: BATCH_SIZE, highWaterMark: BATCH_SIZE, rowMode: 'array' }));
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      // escape_formulas: a cell starting with = + - @ tab or CR gets a leading ' so a
      // spreadsheet shows it as text instead of running it (CSV/formula injection: names,
      // titles and cities are typed by anyone who registers).
      const csv = stringify({ bom: true, header: true, columns: query.columns, escape_formulas: true, cast: { boolean: (v) => (v ? 'yes' : 'no') } });
      await pipeline(rows, csv, res);
    } catch (error) {
      // Headers are gone by now: the client sees a cut-off download, the log says why.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.error(`export ${filename} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!res.writableEnded) res.destroy();
    } finally {
      await runner.release();
    }
  }
}
