/**
 * Instance generators and a baseline, for API tests, seeds and benchmarks
 * (`@jinan/scheduling/testing`): kept out of the engine's entry point. The fast-check
 * arbitraries (small-instance.ts) and the HiGHS model (highs-model.ts) stay out of this
 * entry too: they load packages only the engine's own tests and benchmark need.
 */
export type { Tier, TierShape } from './generate-instance';
export { TIERS, generateInstance } from './generate-instance';
export type { Measured } from './baseline';
export { greedyFirstFit, measureSlots } from './baseline';
