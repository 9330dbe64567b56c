import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntryView, AuditQueryDto, Page, PAGE_SIZE_DEFAULT } from '@jinan/contracts';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { CsvStreamer } from '../common/csv/csv-streamer';
import { loadEdition } from '../events/editions';
import { AUDIT_CSV_COLUMNS, auditQuery } from './audit-query';

/** Reads the audit trail for the bureau (writing stays with AuditService.record). */
@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly csv: CsvStreamer,
  ) {}

  async list(editionId: string, query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    await loadEdition(this.db, editionId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
    const { from, where, params } = auditQuery(editionId, query);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM ${from} ${where}`, params);
    const rows = await this.db.query(`SELECT * FROM ${from} ${where} ORDER BY at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params);
    return {
      page,
      pageSize,
      total,
      items: rows.map((r: Record<string, never>) => ({
        id: r['id'],
        source: r['source'],
        at: (r['at'] as Date).toISOString(),
        actor: r['actor_id'] || r['actor_role'] === 'system' ? { id: r['actor_id'], name: r['actor_name'], role: r['actor_role'] ?? 'unknown' } : null,
        action: r['action'],
        entity: r['entity'],
        entityId: r['entity_id'],
        details: r['details'],
      })),
    };
  }

  /** The whole filtered trail, oldest first, streamed like the other exports. */
  async csvExport(res: Response, editionId: string, filter: AuditQueryDto): Promise<void> {
    await loadEdition(this.db, editionId);
    const { from, where, params } = auditQuery(editionId, filter);
    const sql = `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), source, actor_id, actor_name, actor_role, action, entity, entity_id, details::text
                   FROM ${from} ${where} ORDER BY at, id`;
    await this.csv.send(res, 'audit.csv', { columns: AUDIT_CSV_COLUMNS, sql }, params);
  }
}
