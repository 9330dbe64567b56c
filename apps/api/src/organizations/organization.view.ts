import { OrganizationView, PartyRef } from '@jinan/contracts';
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

/** A raw SQL row (pg returns columns by name). */
export type Row = Record<string, never>;

/** An organization read from a row's columns `<idKey>`, `<prefix>zh`, `<prefix>ja`, `<prefix>en`. */
export function partyRef(r: Row, idKey: string, prefix: string): PartyRef {
  return { id: r[idKey], name: { zh: r[`${prefix}zh`], ja: r[`${prefix}ja`], en: r[`${prefix}en`] } };
}
