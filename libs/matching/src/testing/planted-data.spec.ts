import { prepareOffers } from '../lib/prepare-offers';
import { scoreAll } from '../lib/rank';
import { scorePair } from '../lib/score-pair';
import { evaluateRankings, rankingsOf, sectorOnlyRankings } from './evaluate';
import { DEVELOPMENT_CONFIG, HELD_OUT_CONFIG, generatePlantedData, relevanceGrade } from './planted-data';

describe('planted data is reproducible and has a known truth', () => {
  it('gives the same data for the same seed and every firm some relevant offers', () => {
    const config = { ...DEVELOPMENT_CONFIG, firms: 20, offers: 300, seed: 5 };
    const data = generatePlantedData(config);
    expect(generatePlantedData(config)).toEqual(data);
    expect(data.offers).toHaveLength(300);
    for (const firm of data.firms) expect(data.offers.some((o) => relevanceGrade(data.truth, firm, o) > 0)).toBe(true);
  });
});

describe.each([
  ['development', DEVELOPMENT_CONFIG, 11],
  ['held-out', HELD_OUT_CONFIG, 29],
])('engine quality on %s planted data, 120 firms × 1,200 offers', (_name, config, seed) => {
  const data = generatePlantedData({ ...config, firms: 120, offers: 1200, seed });
  const prepared = prepareOffers(data.offers);
  const run = scoreAll(data.firms, prepared, { topK: 10 });
  const engine = evaluateRankings(data, rankingsOf(run));
  const baseline = evaluateRankings(data, sectorOnlyRankings(data.firms, data.offers, 10));

  it('reaches precision@10 ≥ 0.8 and at least 1.5 × the sector-only baseline', () => {
    expect(engine.precisionAtK).toBeGreaterThanOrEqual(0.8);
    expect(engine.precisionAtK).toBeGreaterThanOrEqual(1.5 * baseline.precisionAtK);
    expect(engine.ndcgAtK).toBeGreaterThan(baseline.ndcgAtK);
  });

  it('scores every listed pair the same through scorePair', () => {
    for (const firm of data.firms.slice(0, 5)) {
      const listed = run.firms.find((f) => f.firmId === firm.id)?.offers ?? [];
      for (const match of listed) expect(scorePair(firm, match.offerId, prepared, { demand: run.demand })).toEqual(match);
    }
  });
});
