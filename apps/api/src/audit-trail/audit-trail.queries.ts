import { AuditQueryDto } from '@jinan/contracts';
import { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/**
 * The bureau's audit trail of one edition: audit_log (every bureau action, platform
 * runs) — with the actions that belong to no edition (organisation and offer edits,
 * verification, accounts: source 'platform'), which concern every edition — merged with meeting_transitions (every meeting's every move, by anyone). A
 * bureau move of a meeting is written to both in one transaction; the trail keeps the
 * audit_log row and drops its twin (same meeting, action, actor, from and to, within a
 * minute).
 */
const MERGED = `
  SELECT CASE WHEN a.edition_id IS NULL THEN 'platform' ELSE 'bureau' END AS source, 'bureau:' || a.id AS id, a.at, a.actor_id,
         u.full_name AS actor_name, u.role AS actor_role, a.action, a.entity, a.entity_id, a.details
    FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
   WHERE a.edition_id = $1 OR a.edition_id IS NULL
  UNION ALL
  SELECT 'meeting', 'meeting:' || t.id, t.at, t.actor_id, u.full_name, t.actor_role,
         'meeting.' || t.action, 'meeting', t.meeting_id,
         jsonb_strip_nulls(jsonb_build_object('from', t.from_status, 'to', t.to_status, 'note', t.note))
    FROM meeting_transitions t JOIN meetings m ON m.id = t.meeting_id LEFT JOIN users u ON u.id = t.actor_id
   WHERE m.edition_id = $1
     AND NOT EXISTS (
       SELECT 1 FROM audit_log a
        WHERE a.edition_id = $1 AND a.entity = 'meeting' AND a.entity_id = t.meeting_id AND a.action = 'meeting.' || t.action
          AND a.actor_id IS NOT DISTINCT FROM t.actor_id
          AND a.details->>'from' IS NOT DISTINCT FROM t.from_status AND a.details->>'to' = t.to_status
          AND a.at BETWEEN t.at - interval '1 minute' AND t.at + interval '1 minute')`;

/** The merged trail filtered as asked: SQL over `entries` and its parameters ($1 is the edition). */
export function auditQuery(editionId: string, filter: AuditQueryDto): { where: string; params: unknown[]; from: string } {
  const params: unknown[] = [editionId];
  const conditions: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.actor) add((p) => `actor_id = ${p}::uuid`, filter.actor);
  if (filter.action) add((p) => `action = ${p}`, filter.action);
  if (filter.entity) add((p) => `(entity = ${p} OR entity_id::text = ${p})`, filter.entity);
  if (filter.source) add((p) => `source = ${p}`, filter.source);
  if (filter.from) add((p) => `at >= ${p}::timestamptz`, filter.from);
  if (filter.to) add((p) => `at < ${p}::timestamptz`, filter.to);
  return { from: `(${MERGED}) entries`, where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export const AUDIT_CSV_COLUMNS = ['at', 'source', 'actor_id', 'actor_name', 'actor_role', 'action', 'entity', 'entity_id', 'details'];

/** One page of the filtered trail, newest first, with the total count. */
export async function auditPage(
  db: Db,
  editionId: string,
  filter: AuditQueryDto,
  page: number,
  pageSize: number,
): Promise<{ total: number; rows: Record<string, never>[] }> {
  const { from, where, params } = auditQuery(editionId, filter);
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM ${from} ${where}`, params);
  const rows = await db.query(`SELECT * FROM ${from} ${where} ORDER BY at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params);
  return { total, rows };
}

/** The whole filtered trail, oldest first, as the CSV's columns (AUDIT_CSV_COLUMNS). */
export function auditCsv(editionId: string, filter: AuditQueryDto): { sql: string; params: unknown[] } {
  const { from, where, params } = auditQuery(editionId, filter);
  const sql = `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), source, actor_id, actor_name, actor_role, action, entity, entity_id, details::text
                 FROM ${from} ${where} ORDER BY at, id`;
  return { sql, params };
}
