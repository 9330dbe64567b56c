import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntryView, AuditQueryDto, Page, PAGE_SIZE_DEFAULT } from '@jinan/contracts';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { CsvStreamer } from '../common/csv/csv-streamer';
import { loadEdition } from '../editions/editions';
import { AUDIT_CSV_COLUMNS, auditCsv, auditPage } from './audit-trail.queries';

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
    const { total, rows } = await auditPage(this.db, editionId, query, page, pageSize);
    return {
      page,
      pageSize,
      total,
      items: rows.map((r) => ({
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
    const { sql, params } = auditCsv(editionId, filter);
    await this.csv.send(res, 'audit.csv', { columns: AUDIT_CSV_COLUMNS, sql }, params);
  }
}
