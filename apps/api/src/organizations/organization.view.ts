import { OrganizationView } from '@jinan/contracts';
import { Organization } from './organization.entity';

export function organizationView(o: Organization): OrganizationView {
  return {
    id: o.id,
    country: o.country,
    nameZh: o.nameZh,
    nameJa: o.nameJa,
    nameEn: o.nameEn,
    sectors: o.sectors,
    sizeBand: o.sizeBand,
    languages: o.languages,
    delegates: o.delegates,
    cooperationTypes: o.cooperationTypes,
    seeksZh: o.seeksZh,
    seeksJa: o.seeksJa,
    seeksEn: o.seeksEn,
    description: o.description,
    website: o.website,
    city: o.city,
    verification: o.verification,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
  };
}
