import { Injectable } from '@nestjs/common';
import { ParticipationView, UpdateParticipationDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { isoInZone } from '../editions/edition.view';
import { ParticipationRepository, TimeBlock } from './participation.repository';

/** Which negotiation half-days an organisation attends, and whether it joins the park visit. */
@Injectable()
export class ParticipationService {
  constructor(private readonly repo: ParticipationRepository) {}

  async get(caller: AuthUser, editionId: string, organizationId: string): Promise<ParticipationView> {
    assertAccess(caller, organizationId);
    const zone = await this.repo.editionZone(editionId);
    await this.assertOrganization(organizationId);
    const halfDays = await this.repo.halfDays(editionId, organizationId);
    const visit = await this.repo.siteVisit(editionId);
    return {
      editionId,
      organizationId,
      halfDays: halfDays.map((h) => ({ startsAt: isoInZone(h.starts_at, zone), endsAt: isoInZone(h.ends_at, zone), attending: h.attending })),
      joinsSiteVisit: await this.repo.joinsSiteVisit(editionId, organizationId),
      siteVisit: visit ? { startsAt: isoInZone(visit.starts_at, zone), endsAt: isoInZone(visit.ends_at, zone) } : null,
    };
  }

  /** Every half-day named must be one of the edition's; those not attended become time away. */
  async update(caller: AuthUser, editionId: string, organizationId: string, dto: UpdateParticipationDto): Promise<ParticipationView> {
    assertAccess(caller, organizationId);
    await this.repo.editionZone(editionId);
    await this.assertOrganization(organizationId);
    const blocks = await this.repo.negotiationBlocks(editionId);
    const absent: TimeBlock[] = [];
    dto.halfDays.forEach((halfDay, i) => {
      const block = blocks.find((b) => b.starts_at.getTime() === new Date(halfDay.startsAt).getTime());
      if (!block) {
        const field = `halfDays.${i}.startsAt`;
        throw new DomainError('PARTICIPATION_UNKNOWN_HALF_DAY', `${field} is not the start of a negotiation half-day of this edition`, [
          { field, messages: [`${field} is not the start of a negotiation half-day of this edition`] },
        ]);
      }
      if (!halfDay.attending) absent.push(block);
    });
    await this.repo.save(editionId, organizationId, absent, dto.joinsSiteVisit);
    return this.get(caller, editionId, organizationId);
  }

  private async assertOrganization(organizationId: string): Promise<void> {
    if (!(await this.repo.organizationExists(organizationId))) throw new DomainError('ORGANIZATION_NOT_FOUND', `no organization ${organizationId}`);
  }
}

/** A party reads and sets its own attendance; the bureau anyone's. */
function assertAccess(caller: AuthUser, organizationId: string): void {
  if (caller.role !== 'bureau' && caller.organizationId !== organizationId) {
    throw new DomainError('PARTICIPATION_NOT_YOURS', 'you can only see and set your own organization\u2019s attendance');
  }
}
