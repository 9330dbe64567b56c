import { anOffer } from '../testing/builders';
import type { MatchingOffer } from './domain';
import { prepareOffers } from './prepare-offers';
import { searchOffers } from './search';
import type { OfferSearchTerms, SearchCorpus } from './search-terms';
import { explainSearchPage, offerSearchTerms, searchQueryTerms, searchRelevance } from './search-terms';

/**
 * A store of per-offer terms (a database) ranks like the engine's in-memory index: the same
 * offers in the same order with the same relevance, and the same matched words on a page.
 */
const OFFERS: MatchingOffer[] = [
  anOffer({
    id: 'of-1',
    title: { zh: '高端医疗器械联合研发', en: 'Joint R&D of high-end medical equipment' },
    summary: { zh: '联合研发超声诊断设备和手术器械。' },
    companyName: { zh: '济南华康医疗', en: 'Jinan Huakang Medical' },
  }),
  anOffer({
    id: 'of-2',
    title: { zh: '工业机器人系统集成' },
    summary: { zh: '为汽车零部件工厂提供焊接机器人和自动化生产线。', en: 'Welding robots for auto parts plants.' },
    partnerSought: { en: 'Japanese robot makers' },
  }),
  anOffer({ id: 'of-3', title: { zh: '氢燃料电池汽车示范项目' }, summary: { zh: '建设加氢站，推广氢燃料电池公交车。' } }),
  anOffer({ id: 'of-4', title: { zh: '社区养老服务中心' }, summary: { zh: '提供居家养老和失能老人护理服务。' } }),
  anOffer({ id: 'of-5', title: { zh: '护理人才培训', ja: '介護人材の育成' }, summary: { zh: '培养养老护理员。', ja: '介護職員を育成します。' } }),
  anOffer({ id: 'of-6', title: { zh: '康复机器人', en: 'Rehabilitation robots' }, summary: { zh: '上肢康复机器人和护理床。' } }),
  anOffer({ id: 'of-7', title: { zh: '锂电池回收利用' }, summary: { zh: '回收动力电池，提取电池材料。' }, companyName: { zh: '山东绿能' } }),
  anOffer({ id: 'of-8', title: { en: 'Industrial wastewater treatment' }, summary: { en: 'Membrane filtration for chemical park effluent.' } }),
];

const QUERIES = ['水素', '産業用ロボット', '介護', 'medical devices', '医療機器', '电池', 'robot', 'Huakang', '華康医療', '膜'];

function corpusOf(documents: OfferSearchTerms[]): SearchCorpus {
  const df = new Map<string, number>();
  const sums: [number, number, number] = [0, 0, 0];
  for (const doc of documents) {
    for (const term of doc.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    doc.lengths.forEach((l, i) => (sums[i] += l));
  }
  return { documentCount: documents.length, averageLengths: sums.map((s) => s / documents.length) as [number, number, number], documentFrequency: df };
}

describe('offer search from stored terms, against the in-memory engine', () => {
  const prepared = prepareOffers(OFFERS);
  const documents = OFFERS.map((o) => offerSearchTerms(o));
  const corpus = corpusOf(documents);

  it.each(QUERIES)('%s: the same offers, in the same order, with the same relevance', (q) => {
    const engine = searchOffers(prepared, q).hits;
    const terms = searchQueryTerms(q);
    const raw = OFFERS.map((o, i) => ({ id: o.id, raw: searchRelevance(terms, documents[i] as OfferSearchTerms, corpus) })).filter((r) => r.raw > 0);
    const best = Math.max(0, ...raw.map((r) => r.raw));
    const ranked = raw.filter((r) => r.raw >= best * 0.2).sort((a, b) => b.raw - a.raw || (a.id < b.id ? -1 : 1));
    expect(engine.length).toBeGreaterThan(0);
    expect(ranked.map((r) => r.id)).toEqual(engine.map((h) => h.offerId));
    ranked.forEach((r, i) => expect(r.raw).toBe(engine[i]?.relevance));
  });

  it.each(QUERIES)('%s: a page of two hits explains each as the whole corpus does', (q) => {
    const engine = searchOffers(prepared, q).hits;
    const page = engine.slice(0, 2).map((h) => OFFERS.find((o) => o.id === h.offerId) as MatchingOffer);
    const explained = explainSearchPage(page, q, corpus);
    for (const hit of engine.slice(0, 2)) expect(explained.get(hit.offerId)).toEqual(hit.matched);
  });
});
