import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({ a: 1 })).toBe(1);
    expect(jsonDepth({ a: [{ b: 'x' }] })).toBe(3);
  });

  it('walks 50,000 levels without overflowing the stack, stopping past the limit', () => {
    const deep = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000));
    expect(jsonDepth(deep)).toBe(50_000);
    expect(jsonDepth(deep, 32)).toBe(33);
  });
});
