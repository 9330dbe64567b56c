import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ParticipationView, UpdateParticipationDto } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { isoInZone } from '../events/edition.view';
import { loadEdition } from '../events/editions';

interface HalfDayRow {
  starts_at: Date;
  ends_at: Date;
  attending: boolean;
}

/**
 * Attendance is kept as the time an organization is away (a multirange), so the
 * scheduler's availability of any slot is one overlap test in SQL.
 */
@Injectable()
export class ParticipationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(caller: AuthUser, editionId: string, organizationId: string): Promise<ParticipationView> {
    assertAccess(caller, organizationId);
    const zone = await this.editionZone(editionId);
    await this.assertOrganization(organizationId);
    const halfDays: HalfDayRow[] = await this.db.query(
      `SELECT b.starts_at, b.ends_at, NOT coalesce(p.absent && tstzrange(b.starts_at, b.ends_at), false) AS attending
         FROM (SELECT DISTINCT starts_at, ends_at FROM programme_sessions WHERE edition_id = $1 AND kind = 'negotiation') b
         LEFT JOIN participations p ON p.edition_id = $1 AND p.organization_id = $2
        ORDER BY b.starts_at`,
      [editionId, organizationId],
    );
    const [participation] = await this.db.query(`SELECT joins_site_visit FROM participations WHERE edition_id = $1 AND organization_id = $2`, [
      editionId,
      organizationId,
    ]);
    const [visit] = await this.db.query(
      `SELECT starts_at, ends_at FROM programme_sessions WHERE edition_id = $1 AND kind = 'site_visit' ORDER BY starts_at LIMIT 1`,
      [editionId],
    );
    return {
      editionId,
      organizationId,
      halfDays: halfDays.map((h) => ({ startsAt: isoInZone(h.starts_at, zone), endsAt: isoInZone(h.ends_at, zone), attending: h.attending })),
      joinsSiteVisit: participation?.joins_site_visit ?? false,
      siteVisit: visit ? { startsAt: isoInZone(visit.starts_at, zone), endsAt: isoInZone(visit.ends_at, zone) } : null,
    };
  }

  async update(caller: AuthUser, editionId: string, organizationId: string, dto: UpdateParticipationDto): Promise<ParticipationView> {
    assertAccess(caller, organizationId);
    await this.editionZone(editionId);
    await this.assertOrganization(organizationId);
    const blocks: { starts_at: Date; ends_at: Date }[] = await this.db.query(
      `SELECT DISTINCT starts_at, ends_at FROM programme_sessions WHERE edition_id = $1 AND kind = 'negotiation'`,
      [editionId],
    );
    const absent: [Date, Date][] = [];
    dto.halfDays.forEach((halfDay, i) => {
      const block = blocks.find((b) => b.starts_at.getTime() === new Date(halfDay.startsAt).getTime());
      if (!block) {
        const field = `halfDays.${i}.startsAt`;
        throw new DomainError('PARTICIPATION_UNKNOWN_HALF_DAY', `${field} is not the start of a negotiation half-day of this event`, [
          { field, messages: [`${field} is not the start of a negotiation half-day of this event`] },
        ]);
      }
      if (!halfDay.attending) absent.push([block.starts_at, block.ends_at]);
    });
    await this.db.query(
      `INSERT INTO participations (edition_id, organization_id, absent, joins_site_visit, updated_at)
       VALUES ($1, $2, coalesce((SELECT range_agg(tstzrange(a.s, a.e)) FROM unnest($3::timestamptz[], $4::timestamptz[]) AS a(s, e)), '{}'), $5, now())
       ON CONFLICT (edition_id, organization_id)
       DO UPDATE SET absent = EXCLUDED.absent, joins_site_visit = EXCLUDED.joins_site_visit, updated_at = now()`,
      [editionId, organizationId, absent.map((a) => a[0]), absent.map((a) => a[1]), dto.joinsSiteVisit],
    );
    return this.get(caller, editionId, organizationId);
  }

  private async editionZone(editionId: string): Promise<string> {
    return (await loadEdition(this.db, editionId)).timeZone;
  }

  private async assertOrganization(organizationId: string): Promise<void> {
    const [org] = await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId]);
    if (!org) throw new DomainError('ORGANIZATION_NOT_FOUND', `no organization ${organizationId}`);
  }
}

/** A party reads and sets its own attendance; the bureau anyone's. */
function assertAccess(caller: AuthUser, organizationId: string): void {
  if (caller.role !== 'bureau' && caller.organizationId !== organizationId) {
    throw new DomainError('PARTICIPATION_NOT_YOURS', 'you can only see and set your own organization\u2019s attendance');
  }
}
