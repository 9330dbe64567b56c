import { cooperationFit, languageFit, scaleFit, sectorFit, spreadFit, textFit } from './parts';
import { DEFAULT_WEIGHTS as W } from './weights';

describe('sector fit uses the related-sector matrix of the weights', () => {
  it('is 1 in the same sector, the matrix value in a related one, companySectorOnly through the company', () => {
    expect(sectorFit(['health'], 'health', ['health'], W)).toEqual({ value: 1, reason: { key: 'matching.reason.sector.same', params: { sector: 'health' } } });
    // related.health.digital = 0.5 in weights.v1.json
    expect(sectorFit(['health'], 'digital', ['digital'], W).value).toBe(0.5);
    // environment → digital is 0.4, but the company also works in environment: companySectorOnly 0.6
    expect(sectorFit(['environment'], 'digital', ['digital', 'environment'], W)).toEqual({
      value: 0.6,
      reason: { key: 'matching.reason.sector.company', params: { sector: 'environment' } },
    });
  });
});

describe('cooperation fit', () => {
  it('is 1 for a type sought, the related value for a near one, unspecified when the firm named none', () => {
    expect(cooperationFit(['investment'], 'investment', W).value).toBe(1);
    // related.investment.joint_venture = 0.6
    expect(cooperationFit(['investment', 'procurement'], 'joint_venture', W)).toEqual({
      value: 0.6,
      reason: { key: 'matching.reason.cooperation.related', params: { type: 'joint_venture', sought: 'investment' } },
    });
    expect(cooperationFit(['procurement'], 'joint_rnd', W).value).toBe(0);
    expect(cooperationFit([], 'joint_rnd', W).value).toBe(0.5);
  });
});

describe('scale fit of a small firm (comfortable with 0–20 million CNY)', () => {
  it('is 1 inside, falls one third per decade away (decadesToZero 1.5), notStated without a range', () => {
    expect(scaleFit('small', { investmentMinMillionCny: 10, investmentMaxMillionCny: 50 }, W).value).toBe(1);
    // 200 is one decade above 20: 1 − 1 / 1.5 = 0.3333
    expect(scaleFit('small', { investmentMinMillionCny: 200, investmentMaxMillionCny: 400 }, W).value).toBeCloseTo(1 / 3, 12);
    // a single bound is a point: 2,000 is two decades above 20 → 0
    expect(scaleFit('small', { investmentMinMillionCny: 2000 }, W).value).toBe(0);
    expect(scaleFit('small', {}, W)).toEqual({ value: 0.6, reason: { key: 'matching.reason.scale.notStated', params: {} } });
    // a very large firm (100+) offered 10: one decade below → 1/3
    expect(scaleFit('very_large', { investmentMinMillionCny: 5, investmentMaxMillionCny: 10 }, W).value).toBeCloseTo(1 / 3, 12);
  });
});

describe('language and spread', () => {
  it('needs one shared working language; spread costs nothing up to 8 matched firms, then 8 / demand', () => {
    expect(languageFit(['ja', 'en'], ['zh', 'en'], W)).toEqual({ value: 1, reason: { key: 'matching.reason.language.shared', params: { language: 'en' } } });
    expect(languageFit(['ja'], ['zh'], W).value).toBe(0);
    expect(spreadFit(8, W).value).toBe(1);
    expect(spreadFit(16, W)).toEqual({ value: 0.5, reason: { key: 'matching.reason.spread.crowded', params: { demand: 16 } } });
  });
});

describe('text fit saturates coverage: 1 − exp(−coverage / 0.12)', () => {
  it('maps coverage 0.12 to 1 − e⁻¹ and says "some" between 0.2 and 0.6', () => {
    expect(textFit(0.12, ['医療'], W).value).toBeCloseTo(1 - Math.exp(-1), 12);
    // 1 − e^(−0.5) = 0.3935: above someAbove (0.2), below strongAbove (0.6)
    expect(textFit(0.06, ['医療'], W).reason).toEqual({ key: 'matching.reason.text.some', params: { terms: '医療' } });
    expect(textFit(0, [], W)).toEqual({ value: 0, reason: { key: 'matching.reason.text.none', params: {} } });
  });
});
