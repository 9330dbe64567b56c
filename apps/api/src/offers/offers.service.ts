import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreateOfferDto, MatchedTermsView, OfferQueryDto, OfferStatus, OfferView, Page, PAGE_SIZE_DEFAULT, UpdateOfferDto } from '@jinan/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { changes } from '../audit/changes';
import { DomainError } from '../common/errors/domain-error';
import { ChangeAwareCache } from '../common/change-feed/change-aware-cache';
import { ChangeFeed } from '../common/change-feed/change-feed';
import { containsPattern, searchText } from '../common/text/search-text';
import { Organization } from '../organizations/organization.entity';
import { OfferSearchIndex } from './offer-search.index';
import { Offer } from './offer.entity';
import { offerView } from './offer.view';

/** Which status an action moves an offer from and to. */
const TRANSITIONS: Record<'publish' | 'withdraw', { from: OfferStatus[]; to: OfferStatus }> = {
  publish: { from: ['draft', 'withdrawn'], to: 'published' },
  withdraw: { from: ['published'], to: 'withdrawn' },
};

/** Rendered pages of ranked search results kept per instance (a page is ~20 offers, tens of KiB). */
const CACHED_SEARCH_PAGES = 500;

@Injectable()
export class OffersService {
  private readonly searchPages: ChangeAwareCache<Page<OfferView> | null>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly search: OfferSearchIndex,
    feed: ChangeFeed,
  ) {
    this.searchPages = new ChangeAwareCache(feed, { kind: 'offers', maxEntries: CACHED_SEARCH_PAGES, ttlMs: 10 * 60_000 });
  }

  /**
   * Published offers of verified companies; with `q`, ranked by relevance (OfferSearchIndex:
   * the matching engine's words and concepts in PostgreSQL, any language on either side),
   * falling back to the substring search when no offer has any of the query's terms. With
   * `scope=mine` a company lists its own offers in every status (substring search there).
   */
  async list(caller: AuthUser, query: OfferQueryDto): Promise<Page<OfferView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
    if (query.scope !== 'mine' && query.q?.trim()) {
      const q = query.q.trim();
      // The same for every caller (published offers of verified companies): a venue's repeated
      // queries are answered from this instance's copy until an offer, a company or the index changes.
      const key = JSON.stringify([q, query.sector ?? null, query.cooperationType ?? null, page, pageSize]);
      const rendered = await this.searchPages.get('', key, async () => {
        const ranked = await this.search.search(q, { sector: query.sector, cooperationType: query.cooperationType }, page, pageSize);
        return ranked && this.rankedPage(ranked.items, ranked.total, page, pageSize);
      });
      // Nothing the index knows (a code, a fragment of a word): fall back to the exact substring search below.
      if (rendered) return rendered;
    }
    const qb = this.db.getRepository(Offer).createQueryBuilder('o').innerJoinAndSelect('o.organization', 'org');
    if (query.scope === 'mine') {
      qb.where('o.organization_id = :own', { own: caller.organizationId });
    } else {
      qb.where("o.status = 'published' AND org.verification = 'verified'");
    }
    if (query.sector) qb.andWhere('o.sector = :sector', { sector: query.sector });
    if (query.cooperationType) qb.andWhere('o.cooperation_type = :type', { type: query.cooperationType });
    if (query.q?.trim()) qb.andWhere('o.search_text LIKE :pattern', { pattern: containsPattern(query.q) });
    const [rows, total] = await qb
      .orderBy('o.published_at', 'DESC', 'NULLS LAST')
      .addOrderBy('o.id')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(offerView), page, pageSize, total };
  }

  /** One page of relevance-ranked offers, in rank order, each with the words it matched. */
  private async rankedPage(slice: { id: string; matched: MatchedTermsView }[], total: number, page: number, pageSize: number): Promise<Page<OfferView>> {
    const rows =
      slice.length === 0 ? [] : await this.db.getRepository(Offer).find({ where: { id: In(slice.map((r) => r.id)) }, relations: { organization: true } });
    const byId = new Map(rows.map((o) => [o.id, o]));
    const items = slice.flatMap((r) => {
      const offer = byId.get(r.id);
      return offer ? [{ ...offerView(offer), matched: r.matched }] : [];
    });
    return { items, page, pageSize, total };
  }

  async get(caller: AuthUser, id: string): Promise<OfferView> {
    const offer = await this.db.getRepository(Offer).findOne({ where: { id }, relations: { organization: true } });
    const visible =
      offer &&
      (caller.role === 'bureau' ||
        offer.organizationId === caller.organizationId ||
        (offer.status === 'published' && offer.organization?.verification === 'verified'));
    if (!visible) throw notFound(id);
    return offerView(offer);
  }

  async create(caller: AuthUser, dto: CreateOfferDto): Promise<OfferView> {
    if (caller.role !== 'cn' || !caller.organizationId) {
      throw new DomainError('OFFER_ONLY_JINAN_COMPANIES', 'only Ji\u2019nan companies publish offers');
    }
    assertInvestmentRange(dto.investmentMinMcny ?? null, dto.investmentMaxMcny ?? null);
    const repo = this.db.getRepository(Offer);
    const offer = repo.create({
      ...nullable(dto),
      organizationId: caller.organizationId,
      status: 'draft',
      publishedAt: null,
    });
    offer.searchText = offerSearchText(offer);
    const saved = await this.db.transaction(async (tx) => {
      const row = await tx.getRepository(Offer).save(offer);
      await this.audit.record(tx, {
        actorId: caller.id,
        action: 'offer.created',
        entity: 'offer',
        entityId: row.id,
        details: { organizationId: row.organizationId },
      });
      return row;
    });
    return this.get(caller, saved.id);
  }

  async update(caller: AuthUser, id: string, dto: UpdateOfferDto): Promise<OfferView> {
    await this.db.transaction(async (tx) => {
      const offer = await this.lockOwn(tx, caller, id);
      const before = { ...offer };
      Object.assign(offer, dto);
      assertInvestmentRange(offer.investmentMinMcny, offer.investmentMaxMcny);
      offer.searchText = offerSearchText(offer);
      await tx.getRepository(Offer).save(offer);
      await this.audit.record(tx, {
        actorId: caller.id,
        action: 'offer.updated',
        entity: 'offer',
        entityId: id,
        details: changes(before, offer, Object.keys(dto)),
      });
    });
    return this.get(caller, id);
  }

  async transition(caller: AuthUser, id: string, action: 'publish' | 'withdraw'): Promise<OfferView> {
    const { from, to } = TRANSITIONS[action];
    await this.db.transaction(async (tx) => {
      const offer = await this.lockOwn(tx, caller, id);
      if (!from.includes(offer.status)) {
        throw new DomainError('OFFER_WRONG_STATUS', `cannot ${action} an offer that is ${offer.status}`);
      }
      if (action === 'publish') {
        const org = await tx.getRepository(Organization).findOneByOrFail({ id: offer.organizationId });
        if (org.verification !== 'verified') {
          throw new DomainError('ORGANIZATION_NOT_VERIFIED', 'the bureau must verify your company before its offers are published');
        }
      }
      const fromStatus = offer.status;
      offer.status = to;
      offer.publishedAt = to === 'published' ? new Date() : null;
      await tx.getRepository(Offer).save(offer);
      await this.audit.record(tx, { actorId: caller.id, action: `offer.${action}`, entity: 'offer', entityId: id, details: { from: fromStatus, to } });
    });
    return this.get(caller, id);
  }

  /**
   * The caller's own offer, row-locked. Someone else's answers as GET would: 404 unless
   * the caller could see it anyway (published by a verified company), so a write never
   * reveals that a draft exists; a visible one answers 403.
   */
  private async lockOwn(tx: EntityManager, caller: AuthUser, id: string): Promise<Offer> {
    const offer = await tx.getRepository(Offer).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!offer) throw notFound(id);
    if (offer.organizationId !== caller.organizationId) {
      const org = await tx.getRepository(Organization).findOneBy({ id: offer.organizationId });
      const visible = caller.role === 'bureau' || (offer.status === 'published' && org?.verification === 'verified');
      if (!visible) throw notFound(id);
      throw new DomainError('OFFER_NOT_YOURS', 'you can only change your own company\u2019s offers');
    }
    return offer;
  }
}

function nullable(dto: CreateOfferDto) {
  return {
    ...dto,
    titleJa: dto.titleJa ?? null,
    titleEn: dto.titleEn ?? null,
    summaryJa: dto.summaryJa ?? null,
    summaryEn: dto.summaryEn ?? null,
    partnerSought: dto.partnerSought ?? null,
    investmentMinMcny: dto.investmentMinMcny ?? null,
    investmentMaxMcny: dto.investmentMaxMcny ?? null,
  };
}

function assertInvestmentRange(min: number | null, max: number | null): void {
  if (min !== null && max !== null && min > max) {
    throw new DomainError('OFFER_INVESTMENT_RANGE', 'investmentMinMcny must not exceed investmentMaxMcny', [
      { field: 'investmentMinMcny', messages: ['investmentMinMcny must not exceed investmentMaxMcny'] },
    ]);
  }
}

function offerSearchText(o: Offer): string {
  return searchText(o.titleZh, o.titleJa, o.titleEn, o.summaryZh, o.summaryJa, o.summaryEn, o.partnerSought);
}

function notFound(id: string): DomainError {
  return new DomainError('OFFER_NOT_FOUND', `no offer ${id}`);
}
