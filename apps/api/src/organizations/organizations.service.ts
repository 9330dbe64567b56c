import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Country,
  OrganizationProfileDto,
  OrganizationProfileView,
  OrganizationQueryDto,
  OrganizationView,
  Page,
  PAGE_SIZE_DEFAULT,
  UpdateOrganizationDto,
  VerifyOrganizationDto,
} from '@jinan/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { changes } from '../audit/changes';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { containsPattern, searchText } from '../common/text/search-text';
import { contactsShared, delegatesOf, meetingsBetween, publishedOffers } from './organization-profile.queries';
import { Organization } from './organization.entity';
import { listOrganizations, lockOrganization, newOrganization, OrganizationFilters, organizationById, saveOrganization } from './organizations.queries';
import { organizationView } from './organization.view';

/** Changes that send a verified organisation back to the bureau's review. */
const MATERIAL_FIELDS = ['nameZh', 'nameJa', 'nameEn', 'sectors'] as const;

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Called inside the registration transaction. */
  async createForRegistration(tx: EntityManager, country: Country, dto: OrganizationProfileDto): Promise<Organization> {
    assertNativeName(country, dto);
    const org = newOrganization(tx, {
      ...dto,
      country,
      nameZh: dto.nameZh ?? null,
      nameJa: dto.nameJa ?? null,
      nameEn: dto.nameEn ?? null,
      delegates: dto.delegates ?? 1,
      cooperationTypes: dto.cooperationTypes ?? [],
      verification: 'pending',
    });
    org.searchText = organizationSearchText(org);
    return saveOrganization(tx, org);
  }

  /**
   * Counterparts see verified organizations (and their own); the bureau sees all and
   * can filter by verification state.
   */
  async list(caller: AuthUser, query: OrganizationQueryDto): Promise<Page<OrganizationView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
    const filters: OrganizationFilters = {
      // A counterpart sees the verified ones and its own; the bureau all, by verification state.
      visibleTo: caller.role !== 'bureau' ? caller.organizationId : undefined,
      verification: caller.role === 'bureau' ? query.verification : undefined,
      country: query.country,
      sector: query.sector,
      pattern: query.q?.trim() ? containsPattern(query.q) : undefined,
    };
    const [rows, total] = await listOrganizations(this.db.manager, filters, page, pageSize);
    return { items: rows.map(organizationView), page, pageSize, total };
  }

  async get(caller: AuthUser, id: string): Promise<OrganizationView> {
    const org = await organizationById(this.db.manager, id);
    const visible = org && (caller.role === 'bureau' || org.verification === 'verified' || org.id === caller.organizationId);
    if (!visible) throw notFound(id);
    return organizationView(org);
  }

  /**
   * The profile page: the organization as `get` shows it, its published offers, the
   * caller's meetings with it, and its delegates as far as docs/product.md §8 allows (the
   * bureau and the organization itself; a counterpart once a meeting between them is
   * accepted, e-mail and phone then only with each delegate's consent).
   */
  async profile(caller: AuthUser, id: string): Promise<OrganizationProfileView> {
    const organization = await this.get(caller, id);
    const manager = this.db.manager;
    const own = caller.role === 'bureau' || caller.organizationId === id;
    const meetings = caller.organizationId && !own ? await meetingsBetween(manager, caller.organizationId, id) : [];
    const delegates =
      own || contactsShared(meetings)
        ? (await delegatesOf(manager, id)).map((d) => ({
            fullName: d.full_name,
            email: own || d.shares_contact ? d.email : null,
            phone: own || d.shares_contact ? d.phone : null,
          }))
        : null;
    return { organization, offers: await publishedOffers(manager, id), delegates, meetings };
  }

  /** A delegate edits only their own organization; the bureau may correct any. */
  async update(caller: AuthUser, id: string, dto: UpdateOrganizationDto): Promise<OrganizationView> {
    if (caller.role !== 'bureau' && caller.organizationId !== id) {
      throw new DomainError('ORGANIZATION_NOT_YOURS', 'you can only edit your own organization');
    }
    return this.db.transaction(async (tx) => {
      const org = await lockOrganization(tx, id);
      if (!org) throw notFound(id);
      const before = { ...org };
      Object.assign(org, dto);
      assertNativeName(org.country, org);
      org.searchText = organizationSearchText(org);
      const changed = changes(before, org, Object.keys(dto));
      // A verified organisation that changes who it is (a name) or what it does (sectors)
      // goes back to the bureau's queue; the audit entry shows the bureau what changed.
      const material = MATERIAL_FIELDS.filter((f) => f in changed);
      const reReview = caller.role !== 'bureau' && material.length > 0 && org.verification === 'verified';
      if (reReview) {
        org.verification = 'pending';
        org.verifiedAt = null;
      }
      const saved = await saveOrganization(tx, org);
      await this.audit.record(tx, {
        actorId: caller.id,
        action: 'organization.update',
        entity: 'organization',
        entityId: id,
        details: { changes: changed, ...(reReview ? { reReview: { fields: material, from: 'verified', to: 'pending' } } : {}) },
      });
      return organizationView(saved);
    });
  }

  async verify(caller: AuthUser, id: string, dto: VerifyOrganizationDto): Promise<OrganizationView> {
    return this.db.transaction(async (tx) => {
      const org = await lockOrganization(tx, id);
      if (!org) throw notFound(id);
      org.verification = dto.decision;
      org.verifiedAt = dto.decision === 'verified' ? new Date() : null;
      const saved = await saveOrganization(tx, org);
      await this.audit.record(tx, {
        actorId: caller.id,
        action: `organization.${dto.decision}`,
        entity: 'organization',
        entityId: id,
        details: dto.note ? { note: dto.note } : {},
      });
      return organizationView(saved);
    });
  }
}

function assertNativeName(country: Country, o: { nameZh?: string | null; nameJa?: string | null }): void {
  const missing = country === 'JP' ? !o.nameJa : !o.nameZh;
  if (missing) {
    const field = country === 'JP' ? 'nameJa' : 'nameZh';
    throw new DomainError('ORGANIZATION_NATIVE_NAME_MISSING', `${field} is required for a ${country === 'JP' ? 'Japanese firm' : 'Ji\u2019nan company'}`, [
      { field, messages: [`${field} is required`] },
    ]);
  }
}

function organizationSearchText(o: Organization): string {
  return searchText(o.nameZh, o.nameJa, o.nameEn, o.seeksZh, o.seeksJa, o.seeksEn, o.description, o.city);
}

function notFound(id: string): DomainError {
  return new DomainError('ORGANIZATION_NOT_FOUND', `no organization ${id}`);
}
