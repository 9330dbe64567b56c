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
    const repo = tx.getRepository(Organization);
    const org = repo.create({
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
    return repo.save(org);
  }

  /**
   * Counterparts see verified organizations (and their own); the bureau sees all and
   * can filter by verification state.
   */
  async list(caller: AuthUser, query: OrganizationQueryDto): Promise<Page<OrganizationView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
    const qb = this.db.getRepository(Organization).createQueryBuilder('o');
    if (caller.role !== 'bureau') {
      qb.where("(o.verification = 'verified' OR o.id = :own)", { own: caller.organizationId });
    } else if (query.verification) {
      qb.where('o.verification = :verification', { verification: query.verification });
    }
    if (query.country) qb.andWhere('o.country = :country', { country: query.country });
    if (query.sector) qb.andWhere(':sector = ANY(o.sectors)', { sector: query.sector });
    if (query.q?.trim()) qb.andWhere('o.search_text LIKE :pattern', { pattern: containsPattern(query.q) });
    const [rows, total] = await qb
      .orderBy('o.name_en', 'ASC', 'NULLS LAST')
      .addOrderBy('o.id')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(organizationView), page, pageSize, total };
  }

  async get(caller: AuthUser, id: string): Promise<OrganizationView> {
    const org = await this.db.getRepository(Organization).findOneBy({ id });
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
      const repo = tx.getRepository(Organization);
      const org = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
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
      const saved = await repo.save(org);
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
      const repo = tx.getRepository(Organization);
      const org = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound(id);
      org.verification = dto.decision;
      org.verifiedAt = dto.decision === 'verified' ? new Date() : null;
      const saved = await repo.save(org);
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
