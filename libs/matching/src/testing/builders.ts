import type { MatchingFirm, MatchingOffer } from '../lib/domain';

/** A firm with neutral defaults, for hand-written scenarios. */
export function aFirm(overrides: Partial<MatchingFirm> & Pick<MatchingFirm, 'id'>): MatchingFirm {
  return { sectors: ['health'], cooperationTypes: ['investment'], seeks: {}, sizeBand: 'medium', languages: ['ja'], ...overrides };
}

/** An offer with neutral defaults, for hand-written scenarios. */
export function anOffer(overrides: Partial<MatchingOffer> & Pick<MatchingOffer, 'id'>): MatchingOffer {
  return {
    organizationId: `co-${overrides.id}`,
    sector: 'health',
    cooperationType: 'investment',
    title: {},
    summary: {},
    partnerSought: {},
    company: { sectors: ['health'], languages: ['zh'] },
    ...overrides,
  };
}
