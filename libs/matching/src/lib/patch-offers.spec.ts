import { DEVELOPMENT_CONFIG, generatePlantedData } from '../testing/planted-data';
import type { MatchingOffer } from './domain';
import type { PreparedOffers } from './prepare-offers';
import { patchPreparedOffers, prepareOffers } from './prepare-offers';
import { scoreAll } from './rank';
import { DEFAULT_WEIGHTS } from './weights';

/** The index as a fresh build would hold it, by term (patched ids differ): idf and postings (offer id, factor). */
function indexByTerm(prepared: PreparedOffers): Map<string, { idf: number; postings: [string, number][] }> {
  const { text } = prepared;
  const out = new Map<string, { idf: number; postings: [string, number][] }>();
  for (const [term, t] of text.termIds) {
    const postings: [string, number][] = [];
    for (let p = text.postingStart[t] as number; p < (text.postingStart[t + 1] as number); p++) {
      postings.push([(prepared.offers[text.postingDoc[p] as number] as MatchingOffer).id, text.postingWeight[p] as number]);
    }
    out.set(term, { idf: text.idf[t] as number, postings });
  }
  return out;
}

/** Each offer's forward list by term: what its terms weigh. */
function forwardByTerm(prepared: PreparedOffers): Record<string, Record<string, number>> {
  const { text } = prepared;
  const out: Record<string, Record<string, number>> = {};
  prepared.offers.forEach((offer, d) => {
    const row: Record<string, number> = {};
    for (let i = text.docStart[d] as number; i < (text.docStart[d + 1] as number); i++)
      row[text.terms[text.docTerm[i] as number] as string] = text.docWeight[i] as number;
    out[offer.id] = row;
  });
  return out;
}

describe('patchPreparedOffers: the offers prepared again without reading the unchanged ones', () => {
  const data = generatePlantedData({ ...DEVELOPMENT_CONFIG, firms: 40, offers: 400, seed: 11 });
  const firms = data.firms;
  const all = data.offers.map((o, i) => (i % 50 === 0 ? { ...o, companyName: { zh: `济南${i}号科技有限公司` } } : o));
  const start = all.slice(0, 360);
  const later = all.slice(360);
  // Edited: another offer's title and summary, and a company that stops working in English.
  const edited = start.slice(100, 110).map((o, i) => ({
    ...o,
    title: (start[200 + i] as MatchingOffer).title,
    summary: (start[210 + i] as MatchingOffer).summary,
    company: { ...o.company, languages: o.company.languages.filter((l) => l !== 'en') },
  }));
  const removed = start.slice(0, 20).map((o) => o.id);
  const final = [...start.slice(20, 100), ...edited, ...start.slice(110), ...later];

  it('scores every firm as a fresh preparation of the offers now does, reasons and index included', () => {
    const base = prepareOffers(start, DEFAULT_WEIGHTS, true);
    const patched = patchPreparedOffers(base, [...edited, ...later], removed);
    const fresh = prepareOffers(final, DEFAULT_WEIGHTS, true);
    expect(patched.offers.map((o) => o.id)).toEqual(fresh.offers.map((o) => o.id));
    expect(patched.organizationIds).toEqual(fresh.organizationIds);
    expect([...patched.company]).toEqual([...fresh.company]);
    expect([...patched.scale]).toEqual([...fresh.scale]);
    expect([...patched.companyLanguages]).toEqual([...fresh.companyLanguages]);
    expect(indexByTerm(patched)).toEqual(indexByTerm(fresh));
    expect(forwardByTerm(patched)).toEqual(forwardByTerm(fresh));
    expect(patched.text.maxIdf).toBe(fresh.text.maxIdf);
    expect(scoreAll(firms, patched, { topK: 20, topCompanies: 10 })).toEqual(scoreAll(firms, fresh, { topK: 20, topCompanies: 10 }));
    // The base is left as it was.
    expect(base.offers.map((o) => o.id)).toEqual(start.map((o) => o.id).sort());
    expect(scoreAll(firms, base, { topK: 20 })).toEqual(scoreAll(firms, prepareOffers(start), { topK: 20 }));
  });

  it('patches a patched index as well (each change one after the other), and an offer back after leaving', () => {
    // Each patch written over the arrays of the one before its base (retired), as a worker does.
    let retired: PreparedOffers | undefined;
    let prepared = prepareOffers(start, DEFAULT_WEIGHTS, true);
    const patch = (changed: MatchingOffer[], gone: string[]) => {
      const next = patchPreparedOffers(prepared, changed, gone, retired);
      retired = prepared;
      prepared = next;
    };
    patch([], removed);
    patch(edited, []);
    for (let i = 0; i < later.length; i += 13) patch(later.slice(i, i + 13), []);
    patch([], [(later[0] as MatchingOffer).id]);
    patch([later[0] as MatchingOffer], []);
    const fresh = prepareOffers(final, DEFAULT_WEIGHTS, true);
    expect(indexByTerm(prepared)).toEqual(indexByTerm(fresh));
    expect(scoreAll(firms, prepared, { topK: 20, topCompanies: 10 })).toEqual(scoreAll(firms, fresh, { topK: 20, topCompanies: 10 }));
  });

  it('refuses an index that was not prepared to be patched, and to write over the base', () => {
    expect(() => patchPreparedOffers(prepareOffers(start), later, [])).toThrow('not built to be patched');
    const base = prepareOffers(start, DEFAULT_WEIGHTS, true);
    expect(() => patchPreparedOffers(base, later, [], base)).toThrow('cannot be retired');
  });
});
