import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from './pagination';
import { named } from './validation';

/**
 * `bureau`: the audit_log rows of the edition (bureau and platform runs); `platform`: the
 * audit_log rows of no edition (organisation, offer and account actions by anyone);
 * `meeting`: a meeting transition.
 */
export const AUDIT_SOURCES = ['bureau', 'meeting', 'platform'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** Filters and page of the trail; the CSV export takes the same filters and ignores the page. */
export class AuditQueryDto extends PageQueryDto {
  /** A user id. */
  @IsOptional()
  @IsUUID('all', named('must be a UUID'))
  actor?: string;

  /** Exact action, e.g. `meeting.approve`, `schedule.run`; a meeting transition's action is `meeting.<action>`. */
  @IsOptional()
  @IsString(named('must be a string'))
  @MaxLength(100, named('must be at most 100 characters'))
  action?: string;

  /** Entity kind (`meeting`, `organization`, `schedule_run`, …) or one entity's id. */
  @IsOptional()
  @IsString(named('must be a string'))
  @MaxLength(100, named('must be at most 100 characters'))
  entity?: string;

  @IsOptional()
  @IsIn(AUDIT_SOURCES, named(`must be one of: ${AUDIT_SOURCES.join(', ')}`))
  source?: AuditSource;

  /** ISO 8601 instant with an offset; inclusive. */
  @IsOptional()
  @IsISO8601({ strict: true }, named('must be an ISO 8601 date-time'))
  from?: string;

  /** ISO 8601 instant with an offset; exclusive. */
  @IsOptional()
  @IsISO8601({ strict: true }, named('must be an ISO 8601 date-time'))
  to?: string;
}

export interface AuditEntryView {
  /** `bureau:<id>` or `meeting:<id>`: stable across pages. */
  id: string;
  source: AuditSource;
  at: string;
  actor: { id: string; name: string | null; role: string } | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** For a meeting transition: from, to and note. */
  details: Record<string, unknown>;
}
