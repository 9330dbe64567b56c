import * as contracts from '@jinan/contracts/enums';
import * as matching from '@jinan/matching';
import type { SchedulingInput } from '@jinan/scheduling';

/**
 * The engines import no other project, so libs/matching (and libs/scheduling, for its
 * languages) mirror the contracts' vocabulary. The API passes values from one to the
 * other unchecked: the mirrors must hold the same values.
 */
describe("the engines' mirrors of the contracts' enums", () => {
  const pairs = {
    SECTORS: [matching.SECTORS, contracts.SECTORS],
    COOPERATION_TYPES: [matching.COOPERATION_TYPES, contracts.COOPERATION_TYPES],
    SIZE_BANDS: [matching.SIZE_BANDS, contracts.SIZE_BANDS],
    LANGUAGES: [matching.LANGUAGES, contracts.LANGUAGES],
    LOCALES: [matching.LOCALES, contracts.LOCALES],
  } as const;

  it.each(Object.keys(pairs) as (keyof typeof pairs)[])('%s: the same values (order aside)', (name) => {
    const [mirror, original] = pairs[name];
    expect([...mirror].sort()).toEqual([...original].sort());
  });

  it('agree as types too (checked by npm run typecheck:tests)', () => {
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    type SchedulingLanguage = SchedulingInput['organizations'][number]['languages'][number];
    const checks: [
      Same<matching.Sector, contracts.Sector>,
      Same<matching.CooperationType, contracts.CooperationType>,
      Same<matching.SizeBand, contracts.SizeBand>,
      Same<matching.Language, contracts.Language>,
      Same<matching.Locale, contracts.Locale>,
      Same<SchedulingLanguage, contracts.Language>,
    ] = [true, true, true, true, true, true];
    expect(checks.every(Boolean)).toBe(true);
  });
});
