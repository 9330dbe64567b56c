import { DEFAULT_WEIGHTS, validateWeights } from './weights';

describe('weights are a versioned document that is checked before use', () => {
  it('accepts the current weights (weights.v3.json) and rejects shares that do not sum to 1 or a matrix value out of range', () => {
    expect(DEFAULT_WEIGHTS.version).toBe('weights-v3');
    const copy = JSON.parse(JSON.stringify(DEFAULT_WEIGHTS));
    copy.parts.text = 0.5;
    expect(() => validateWeights(copy)).toThrow('parts must sum to 1');
    const badMatrix = JSON.parse(JSON.stringify(DEFAULT_WEIGHTS));
    badMatrix.sector.related.health.digital = 1.5;
    expect(() => validateWeights(badMatrix)).toThrow('sector.related.health.digital');
  });
});
