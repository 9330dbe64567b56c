import { aFirm, anOffer } from '../testing/builders';
import type { CooperationType, Sector } from './domain';
import { MatchingInputError } from './input-error';
import { prepareOffers } from './prepare-offers';
import { scoreAll } from './rank';

describe('unknown enum values are a named error, never a TypeError or a NaN score', () => {
  it('names the firm and field of an unknown sector', () => {
    const firm = aFirm({ id: 'jp-9', sectors: ['space' as Sector] });
    expect(() => scoreAll([firm], [anOffer({ id: 'of-1' })])).toThrow(new MatchingInputError('firm jp-9', 'sectors[0]', 'space'));
    expect(() => scoreAll([firm], [anOffer({ id: 'of-1' })])).toThrow(MatchingInputError);
  });

  it('names the offer and field of an unknown cooperation type', () => {
    const offer = anOffer({ id: 'of-7', cooperationType: 'barter' as CooperationType });
    expect(() => prepareOffers([offer])).toThrow('offer of-7: cooperationType has unknown value "barter"');
  });
});
