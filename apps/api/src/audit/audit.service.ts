import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  editionId?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  /** Written with the caller's transaction manager, so the entry commits with the change. */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.query('INSERT INTO audit_log (actor_id, action, entity, entity_id, edition_id, details) VALUES ($1, $2, $3, $4, $5, $6)', [
      record.actorId,
      record.action,
      record.entity,
      record.entityId ?? null,
      record.editionId ?? null,
      JSON.stringify(record.details ?? {}),
    ]);
  }
}
