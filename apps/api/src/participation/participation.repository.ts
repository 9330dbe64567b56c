import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { loadEdition } from '../editions/editions';

/** A negotiation half-day of the edition and whether the organisation attends it. */
export interface HalfDayRow {
  starts_at: Date;
  ends_at: Date;
  attending: boolean;
}

export interface TimeBlock {
  starts_at: Date;
  ends_at: Date;
}

/**
 * The participation domain's SQL. Attendance is kept as the time an organisation is away
 * (a multirange), so the scheduler's availability of any slot is one overlap test.
 */
@Injectable()
export class ParticipationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The edition's zone; 404 when there is no such edition. */
  async editionZone(editionId: string): Promise<string> {
    return (await loadEdition(this.db, editionId)).timeZone;
  }

  async organizationExists(organizationId: string): Promise<boolean> {
    const [org] = await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId]);
    return !!org;
  }

  /** The edition's negotiation half-days (distinct session blocks), in order. */
  negotiationBlocks(editionId: string): Promise<TimeBlock[]> {
    return this.db.query(`SELECT DISTINCT starts_at, ends_at FROM programme_sessions WHERE edition_id = $1 AND kind = 'negotiation' ORDER BY starts_at`, [
      editionId,
    ]);
  }

  /** Each negotiation half-day with whether the organisation attends it (not away during it). */
  halfDays(editionId: string, organizationId: string): Promise<HalfDayRow[]> {
    return this.db.query(
      `SELECT b.starts_at, b.ends_at, NOT coalesce(p.absent && tstzrange(b.starts_at, b.ends_at), false) AS attending
         FROM (SELECT DISTINCT starts_at, ends_at FROM programme_sessions WHERE edition_id = $1 AND kind = 'negotiation') b
         LEFT JOIN participations p ON p.edition_id = $1 AND p.organization_id = $2
        ORDER BY b.starts_at`,
      [editionId, organizationId],
    );
  }

  async joinsSiteVisit(editionId: string, organizationId: string): Promise<boolean> {
    const [row] = await this.db.query(`SELECT joins_site_visit FROM participations WHERE edition_id = $1 AND organization_id = $2`, [
      editionId,
      organizationId,
    ]);
    return row?.joins_site_visit ?? false;
  }

  /** The edition's (first) park visit, if it has one. */
  async siteVisit(editionId: string): Promise<TimeBlock | null> {
    const [visit] = await this.db.query(
      `SELECT starts_at, ends_at FROM programme_sessions WHERE edition_id = $1 AND kind = 'site_visit' ORDER BY starts_at LIMIT 1`,
      [editionId],
    );
    return visit ?? null;
  }

  /** Replaces the organisation's attendance: `absent` blocks become its away multirange. */
  async save(editionId: string, organizationId: string, absent: TimeBlock[], joinsSiteVisit: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO participations (edition_id, organization_id, absent, joins_site_visit, updated_at)
       VALUES ($1, $2, coalesce((SELECT range_agg(tstzrange(a.s, a.e)) FROM unnest($3::timestamptz[], $4::timestamptz[]) AS a(s, e)), '{}'), $5, now())
       ON CONFLICT (edition_id, organization_id)
       DO UPDATE SET absent = EXCLUDED.absent, joins_site_visit = EXCLUDED.joins_site_visit, updated_at = now()`,
      [editionId, organizationId, absent.map((a) => a.starts_at), absent.map((a) => a.ends_at), joinsSiteVisit],
    );
  }
}
