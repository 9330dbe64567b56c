import { Country, Sector, VerificationState } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * The organizations domain's reads and writes of the organizations table (the profile
 * page's joins are in organization-profile.queries.ts). `db` is the DataSource's or a
 * transaction's manager.
 */

export interface OrganizationFilters {
  /** A counterpart's view: verified organisations and this one (its own); undefined: the bureau's, all. */
  visibleTo?: string | null;
  verification?: VerificationState;
  country?: Country;
  sector?: Sector;
  /** A LIKE pattern on the search text. */
  pattern?: string;
}

/** One page of organisations by English name, and the total. */
export function listOrganizations(db: EntityManager, f: OrganizationFilters, page: number, pageSize: number): Promise<[Organization[], number]> {
  const qb = db.getRepository(Organization).createQueryBuilder('o');
  if (f.visibleTo !== undefined) {
    qb.where("(o.verification = 'verified' OR o.id = :own)", { own: f.visibleTo });
  } else if (f.verification) {
    qb.where('o.verification = :verification', { verification: f.verification });
  }
  if (f.country) qb.andWhere('o.country = :country', { country: f.country });
  if (f.sector) qb.andWhere(':sector = ANY(o.sectors)', { sector: f.sector });
  if (f.pattern) qb.andWhere('o.search_text LIKE :pattern', { pattern: f.pattern });
  return qb
    .orderBy('o.name_en', 'ASC', 'NULLS LAST')
    .addOrderBy('o.id')
    .skip((page - 1) * pageSize)
    .take(pageSize)
    .getManyAndCount();
}

export function organizationById(db: EntityManager, id: string): Promise<Organization | null> {
  return db.getRepository(Organization).findOneBy({ id });
}

/** The organisation, locked for the rest of the transaction. */
export function lockOrganization(tx: EntityManager, id: string): Promise<Organization | null> {
  return tx.getRepository(Organization).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** A new, unsaved organisation (the entity's defaults applied). */
export function newOrganization(tx: EntityManager, fields: Partial<Organization>): Organization {
  return tx.getRepository(Organization).create(fields);
}

export function saveOrganization(tx: EntityManager, org: Organization): Promise<Organization> {
  return tx.getRepository(Organization).save(org);
}
