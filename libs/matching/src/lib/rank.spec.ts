import { aFirm, anOffer } from '../testing/builders';
import { DEVELOPMENT_CONFIG, generatePlantedData } from '../testing/planted-data';
import type { MatchingFirm, MatchingOffer } from './domain';
import type { PreparedOffers } from './prepare-offers';
import { prepareOffers } from './prepare-offers';
import { firmDemand, scoreAll } from './rank';
import { scorePair } from './score-pair';
import { DEFAULT_WEIGHTS } from './weights';

describe('ties break by offer id, whatever the input order', () => {
  it('lists two identical offers a before b, and the whole run is the same for shuffled input', () => {
    const firm = aFirm({ id: 'jp-1', seeks: { en: 'hydrogen fuel cells' } });
    const offer = (id: string): MatchingOffer => anOffer({ id, organizationId: 'co-1', title: { en: 'Hydrogen fuel cells' } });
    const runs = [scoreAll([firm], [offer('of-b'), offer('of-a'), offer('of-c')]), scoreAll([firm], [offer('of-c'), offer('of-a'), offer('of-b')])];
    expect(runs[0]?.firms[0]?.offers.map((o) => o.offerId)).toEqual(['of-a', 'of-b', 'of-c']);
    expect(new Set(runs[0]?.firms[0]?.offers.map((o) => o.score)).size).toBe(1);
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('the spread part: twelve firms all matched to one offer', () => {
  it('charges the crowded offer 8 / 12 of its spread share and keeps the others whole', () => {
    const firms = Array.from({ length: 12 }, (_, i) => aFirm({ id: `jp-${String(i).padStart(2, '0')}`, seeks: { en: 'dialysis machines' } }));
    const offers = [
      anOffer({ id: 'of-dialysis', title: { en: 'Dialysis machines' } }),
      ...Array.from({ length: 10 }, (_, i) => anOffer({ id: `of-other-${i}`, title: { en: `Catalogue ${i}` } })),
    ];
    const run = scoreAll(firms, offers, { topK: 11 });
    // Every firm has all 11 offers in its first-pass top 10 (poolSize) except the last one by id.
    expect(run.demand['of-dialysis']).toBe(12);
    const crowded = run.firms[0]?.offers.find((o) => o.offerId === 'of-dialysis');
    // spread = capacity / demand = 8 / 12 → 0.08 × 0.6667 × 100 = 5.33 points
    expect(crowded?.parts.find((p) => p.name === 'spread')).toMatchObject({
      value: 0.6667,
      points: 5.33,
      reason: { key: 'matching.reason.spread.crowded', params: { demand: 12 } },
    });
    expect(scorePair(firms[3] as (typeof firms)[number], 'of-dialysis', prepareOffers(offers), { demand: run.demand })).toEqual(crowded);
  });
});

describe('company recommendations group the offers of one company', () => {
  it('ranks a company by its best offer and lists its offers best first', () => {
    const firm = aFirm({ id: 'jp-1', seeks: { en: 'solar modules and inverters' }, sectors: ['environment'] });
    const offers = [
      anOffer({ id: 'of-1', organizationId: 'co-sun', sector: 'environment', title: { en: 'Inverters' } }),
      anOffer({ id: 'of-2', organizationId: 'co-sun', sector: 'environment', title: { en: 'Solar modules and inverters' } }),
      anOffer({ id: 'of-3', organizationId: 'co-water', sector: 'environment', title: { en: 'Water treatment' } }),
    ];
    const { companies, offers: ranked } = scoreAll([firm], offers).firms[0] ?? { companies: [], offers: [] };
    expect(companies.map((c) => [c.organizationId, c.bestOfferId, c.offerIds])).toEqual([
      ['co-sun', 'of-2', ['of-2', 'of-1']],
      ['co-water', 'of-3', ['of-3']],
    ]);
    expect(companies[0]?.score).toBe(ranked[0]?.score);
  });
});

describe('a run split into firm shards, each scored with the total demand', () => {
  it('gives every firm exactly the scores and reasons of one run over all firms', () => {
    const data = generatePlantedData({ ...DEVELOPMENT_CONFIG, firms: 90, offers: 300, seed: 3 });
    const prepared = prepareOffers(data.offers);
    const whole = scoreAll(data.firms, prepared);
    // Not vacuous: some offers are wanted by more firms than the spread's capacity (8), so spread < 1 there.
    expect(Object.values(whole.demand).some((x) => x > DEFAULT_WEIGHTS.spread.capacity)).toBe(true);
    const shards = [data.firms.slice(0, 40), data.firms.slice(40)];
    // Phase 1: each shard's demand; demand is additive over firms.
    const total: Record<string, number> = {};
    for (const shard of shards) for (const [id, n] of Object.entries(scoreAll(shard, prepared).demand)) total[id] = (total[id] ?? 0) + n;
    expect(total).toEqual(whole.demand);
    // Phase 2: each shard scored with the total.
    const sharded = shards.map((shard) => scoreAll(shard, prepared, { demand: total }));
    expect(sharded.flatMap((run) => run.firms)).toEqual(whole.firms);
    expect(sharded.map((run) => run.demand)).toEqual([whole.demand, whole.demand]);
    // Without it a shard sees only its own firms' demand, and some scores differ.
    expect(scoreAll(shards[0] as MatchingFirm[], prepared).firms).not.toEqual(whole.firms.slice(0, 40));
  });

  it('counts the demand of a shard from the first pass alone, as a whole run over the shard does', () => {
    const data = generatePlantedData({ ...DEVELOPMENT_CONFIG, firms: 90, offers: 300, seed: 3 });
    const prepared = prepareOffers(data.offers);
    const shard = data.firms.slice(0, 40);
    // Any top-K: demand counts each firm's first-pass top spread.poolSize (10), the head of every pool.
    expect(firmDemand(shard, prepared)).toEqual(scoreAll(shard, prepared, { topK: 20, topCompanies: 10 }).demand);
    expect(firmDemand(shard, prepared)).toEqual(scoreAll(shard, prepared, { topK: 3 }).demand);
  });
});

describe('the two-pass shortcut never changes a result', () => {
  /** Every pair scored alone (scorePair with the run's demand), ranked by score then offer id. */
  function bruteForce(firm: MatchingFirm, prepared: PreparedOffers, demand: Record<string, number>, topK: number, topCompanies: number) {
    const scored = [...prepared.offers].map((o) => ({ id: o.id, company: o.organizationId, score: scorePair(firm, o.id, prepared, { demand }).score }));
    const byScore = (a: { score: number; id: string }, b: { score: number; id: string }) => b.score - a.score || (a.id < b.id ? -1 : 1);
    const best = new Map<string, { score: number; id: string }>();
    for (const o of [...scored].sort(byScore)) if (!best.has(o.company)) best.set(o.company, { score: o.score, id: o.company });
    return {
      offers: [...scored]
        .sort(byScore)
        .slice(0, topK)
        .map((o) => [o.id, o.score]),
      companies: [...best.values()]
        .sort(byScore)
        .slice(0, topCompanies)
        .map((c) => [c.id, c.score]),
    };
  }

  const planted = generatePlantedData({ ...DEVELOPMENT_CONFIG, firms: 12, offers: 400, seed: 5 });
  // Sixty offers alike from thirty companies, every other one crowded (a sharded run's total
  // demand: 30,000 firms at 100×): the first pass ties them all, the crowded lose spread after it,
  // so an offer outside the first pass's pool can reach the last place and each firm is ranked
  // again over every offer — the path most firms of a 100× run take.
  const alike = Array.from({ length: 60 }, (_, i) =>
    anOffer({ id: `of-${String(i).padStart(2, '0')}`, organizationId: `co-${String(i % 30).padStart(2, '0')}`, title: { en: 'Hydrogen fuel cell stacks' } }),
  );
  const alikeFirms = ['hydrogen fuel cells', 'fuel cell stacks for buses'].map((seeks, i) => aFirm({ id: `jp-${i}`, seeks: { en: seeks } }));
  it.each([
    ['planted data, the first pass decides', planted.firms, planted.offers, undefined],
    ['planted data, half the offers crowded', planted.firms, planted.offers, Object.fromEntries(planted.offers.map((o, i) => [o.id, i % 2 ? 400 : 1]))],
    ['offers alike, half of them crowded', alikeFirms, alike, Object.fromEntries(alike.map((o, i) => [o.id, i % 2 ? 1 : 400]))],
  ])('ranks offers and companies as every pair scored alone does: %s', (_, firms, offers, demand) => {
    const prepared = prepareOffers(offers);
    const run = scoreAll(firms, prepared, { topK: 5, topCompanies: 4, ...(demand ? { demand } : {}) });
    run.firms.forEach((ranked, f) => {
      const expected = bruteForce(firms[f] as MatchingFirm, prepared, run.demand, 5, 4);
      expect(ranked.offers.map((o) => [o.offerId, o.score])).toEqual(expected.offers);
      expect(ranked.companies.map((c) => [c.organizationId, c.score])).toEqual(expected.companies);
    });
  });
});
