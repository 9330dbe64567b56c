import type { MatchingFirm, MatchingOffer } from '@jinan/matching';
import { FirmIndex } from './engine-adapter';

const firm = (id: string, seeks: string): MatchingFirm =>
  ({ id, sectors: ['environment'], cooperationTypes: ['joint_venture'], seeks: { en: seeks }, sizeBand: 'large', languages: ['en'] }) as MatchingFirm;
const offer = (text: string): MatchingOffer =>
  ({
    id: 'offer',
    organizationId: 'company',
    sector: 'environment',
    cooperationType: 'joint_venture',
    title: { en: text },
    summary: {},
    partnerSought: {},
    investmentMinMillionCny: null,
    investmentMaxMillionCny: null,
    company: { sectors: ['environment'], languages: ['en'] },
  }) as MatchingOffer;
const many = (prefix: string, n: number, seeks: string) => Array.from({ length: n }, (_, i) => firm(`${prefix}${String(i).padStart(3, '0')}`, seeks));

describe('FirmIndex: the firms an offer change can move', () => {
  it('reaches every firm that shares a word few firms use', () => {
    const index = new FirmIndex([firm('a', 'membrane filtration'), firm('b', 'solar inverters'), firm('c', 'membrane bioreactors')]);
    expect(index.firmsFor(offer('membrane water treatment'))).toEqual(['a', 'c']);
  });

  it('reaches the firm written for, even when all its words are a popular topic’s', () => {
    // Every word of the target is used by more than 50 firms (common), but it shares more of
    // them with the offer than any other firm does.
    const firms = [
      ...many('fuel', 120, 'hydrogen fuel cells'),
      ...many('station', 80, 'hydrogen refuelling stations'),
      firm('target', 'hydrogen fuel cells refuelling stations'),
    ];
    const index = new FirmIndex(firms, 0.02, 1);
    expect(index.firmsFor(offer('hydrogen fuel cells refuelling stations'))).toEqual(['target']);
  });

  it('ranks by the rarity of the shared words, and a word every firm uses reaches nobody', () => {
    const firms = [...many('any', 60, 'company cooperation'), ...many('solar', 55, 'company solar'), firm('grid', 'company grid')];
    const index = new FirmIndex(firms, 0.02, 3);
    expect(index.firmsFor(offer('company cooperation'))).toEqual(['any000', 'any001', 'any002']);
    expect(index.firmsFor(offer('company'))).toEqual([]);
    // 'grid' is rare (one firm): reached as such; the three closest through 'solar' besides.
    expect(index.firmsFor(offer('solar grid'))).toEqual(['grid', 'solar000', 'solar001', 'solar002']);
  });

  it('takes a changed or removed profile in as an index built afresh would', () => {
    const firms = [...many('solar', 55, 'company solar'), firm('a', 'membrane filtration'), firm('b', 'grid storage')];
    const index = new FirmIndex(firms, 0.02, 3);
    index.update([firm('a', 'solar inverters'), firm('c', 'membrane bioreactors')], ['b', 'solar000']);
    const now = [...firms.filter((f) => !['a', 'b', 'solar000'].includes(f.id)), firm('a', 'solar inverters'), firm('c', 'membrane bioreactors')];
    const fresh = new FirmIndex(now, 0.02, 3);
    for (const text of ['membrane filtration', 'grid storage', 'solar inverters', 'company solar', 'membrane bioreactors']) {
      expect(index.firmsFor(offer(text))).toEqual(fresh.firmsFor(offer(text)));
    }
    expect(index.firmsFor(offer('membrane filtration'))).toEqual(['c']);
    expect(index.firmsFor(offer('grid storage'))).toEqual([]);
    // The profiles it holds are the ones taken in last (what the pass scores): changed, added, removed.
    expect(index.profile('a')).toEqual(firm('a', 'solar inverters'));
    expect(index.profile('c')).toEqual(firm('c', 'membrane bioreactors'));
    expect(index.profile('solar001')).toEqual(firm('solar001', 'company solar'));
    expect([index.profile('b'), index.profile('solar000'), index.profile('nobody')]).toEqual([undefined, undefined, undefined]);
  });
});
