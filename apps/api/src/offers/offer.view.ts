import { OfferView } from '@jinan/contracts';
import { Offer } from './offer.entity';

export function offerView(o: Offer): OfferView {
  return {
    id: o.id,
    organizationId: o.organizationId,
    organizationName: {
      zh: o.organization?.nameZh ?? null,
      ja: o.organization?.nameJa ?? null,
      en: o.organization?.nameEn ?? null,
    },
    sector: o.sector,
    cooperationType: o.cooperationType,
    titleZh: o.titleZh,
    titleJa: o.titleJa,
    titleEn: o.titleEn,
    summaryZh: o.summaryZh,
    summaryJa: o.summaryJa,
    summaryEn: o.summaryEn,
    partnerSought: o.partnerSought,
    investmentMinMcny: o.investmentMinMcny,
    investmentMaxMcny: o.investmentMaxMcny,
    status: o.status,
    publishedAt: o.publishedAt?.toISOString() ?? null,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
  };
}
