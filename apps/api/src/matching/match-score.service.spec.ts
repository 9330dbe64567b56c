import type { ScorePartView } from '@jinan/contracts';
import type { MatchingFirm, MatchingOffer } from '@jinan/matching';
import { prepareOffers, scorePair } from '@jinan/matching';
import { aFirm, anOffer } from '@jinan/matching/testing';
import type { DataSource } from 'typeorm';
import { MatchScoreService } from './match-score.service';

/** What the database holds, in memory: the current run's scores and parts by pair, the verified firms, the offers. */
const db = {
  stamp: 's1',
  offerLoads: 0,
  runScores: new Map<string, number>(),
  runParts: new Map<string, ScorePartView[]>(),
  firms: [] as MatchingFirm[],
  offers: [] as MatchingOffer[],
};
const pairKey = (p: { jpOrganizationId: string; cnOrganizationId: string; offerId: string | null }) =>
  `${p.jpOrganizationId}/${p.cnOrganizationId}/${p.offerId}`;

jest.mock('./matching.queries', () => ({
  runScores: async (_db: unknown, _e: string, pairs: { jpOrganizationId: string; cnOrganizationId: string; offerId: string | null }[]) =>
    pairs.map((p) => db.runScores.get(pairKey(p)) ?? null),
  runParts: async (_db: unknown, _e: string, pairs: { jpOrganizationId: string; cnOrganizationId: string; offerId: string | null }[]) =>
    pairs.map((p) => db.runParts.get(pairKey(p)) ?? null),
  corpusStamp: async () => db.stamp,
}));
jest.mock('./matching-input', () => ({
  loadFirms: async (_db: unknown, ids: string[]) => db.firms.filter((f) => ids.includes(f.id)),
  loadOffers: async () => (db.offers.length && db.offerLoads++, db.offers),
}));

const firm: MatchingFirm = aFirm({ id: 'jp1' });
const offer = (id: string, over: Partial<MatchingOffer> = {}): MatchingOffer => anOffer({ id, organizationId: 'cn1', ...over });
const part = (name: ScorePartView['name'], points: number): ScorePartView =>
  ({ name, value: points, share: 0, points, reason: { key: name } }) as unknown as ScorePartView;

describe('MatchScoreService (the run first, the engine for the rest)', () => {
  let service: MatchScoreService;
  beforeEach(() => {
    db.stamp = 's1';
    db.offerLoads = 0;
    db.firms = [firm];
    // o1 fits the firm (sector and type); o2 does not (another sector, another type).
    db.offers = [offer('o1'), offer('o2', { sector: 'digital', cooperationType: 'procurement', company: { sectors: ['digital'], languages: ['zh'] } })];
    db.runScores = new Map([['jp1/cn9/null', 77]]);
    db.runParts = new Map();
    service = new MatchScoreService({ manager: {} } as unknown as DataSource);
  });

  it("takes the run's score where the run has the pair, whatever the engine would say now", async () => {
    expect(await service.scoreFor('e1', 'jp1', 'cn9', null)).toBe(77);
  });

  it("scores the other pairs on demand: an offer's own score, or the company's best offer", async () => {
    const prepared = prepareOffers(db.offers);
    const o1 = scorePair(firm, 'o1', prepared).score;
    const o2 = scorePair(firm, 'o2', prepared).score;
    expect(o1).toBeGreaterThan(o2);
    const scores = await service.scoresFor('e1', [
      { jpOrganizationId: 'jp1', cnOrganizationId: 'cn1', offerId: 'o2' },
      { jpOrganizationId: 'jp1', cnOrganizationId: 'cn1', offerId: null },
      { jpOrganizationId: 'jp1', cnOrganizationId: 'cn9', offerId: null },
    ]);
    expect(scores).toEqual([o2, o1, 77]);
  });

  it('answers null when there is nothing to score: a firm not verified, a company without offers, an offer of another company', async () => {
    const scores = await service.scoresFor('e1', [
      { jpOrganizationId: 'jp-unverified', cnOrganizationId: 'cn1', offerId: null },
      { jpOrganizationId: 'jp1', cnOrganizationId: 'cn-no-offers', offerId: null },
      { jpOrganizationId: 'jp1', cnOrganizationId: 'cn-other', offerId: 'o1' },
    ]);
    expect(scores).toEqual([null, null, null]);
  });

  it('gives the strongest parts first, at most `top`, leaving out the parts that gave nothing', async () => {
    db.runParts.set('jp1/cn9/null', [part('language', 5), part('sector', 30), part('scale', 0), part('text', 12), part('cooperation', 20)]);
    const [parts] = await service.partsFor('e1', [{ jpOrganizationId: 'jp1', cnOrganizationId: 'cn9', offerId: null }], 3);
    expect(parts.map((p) => [p.name, p.points])).toEqual([
      ['sector', 30],
      ['cooperation', 20],
      ['text', 12],
    ]);
    const [none] = await service.partsFor('e1', [{ jpOrganizationId: 'jp-unverified', cnOrganizationId: 'cn1', offerId: null }]);
    expect(none).toEqual([]);
  });

  it('prepares the offers once, and again only when an offer or a company changed (the stamp)', async () => {
    const pair = [{ jpOrganizationId: 'jp1', cnOrganizationId: 'cn1', offerId: null }];
    await service.scoresFor('e1', pair);
    await service.scoresFor('e1', pair);
    expect(db.offerLoads).toBe(1);
    db.stamp = 's2';
    await service.scoresFor('e1', pair);
    expect(db.offerLoads).toBe(2);
  });
});
