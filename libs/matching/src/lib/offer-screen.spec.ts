import { DEVELOPMENT_CONFIG, generatePlantedData } from '../testing/planted-data';
import type { MatchingFirm, MatchingOffer } from './domain';
import { COOPERATION_TYPES, SECTORS } from './domain';
import type { FirmRecommendations } from './match-result';
import type { ShownResults } from './offer-screen';
import { mayJoinFeedback, offerCanMoveFirm, offerFitEstimate } from './offer-screen';
import type { PreparedOffers } from './prepare-offers';
import { prepareOffers } from './prepare-offers';
import { scoreAll } from './rank';
import { firmProfile, structuralScore } from './firm-profile';
import { combinedFrom } from './score-pair';
import { firmQuery, rawScore } from './text-relevance';

const OPTIONS = { topK: 20, topCompanies: 10 };

function shownOf(results: FirmRecommendations, withFeedback = false): ShownResults {
  const { offers, companies } = results;
  return {
    ...(withFeedback ? { feedbackTerms: results.feedbackTerms } : {}),
    offerIds: [...offers.map((o) => o.offerId), ...companies.flatMap((c) => c.offerIds)],
    companyIds: companies.map((c) => c.organizationId),
    lastOfferCents: offers.length < OPTIONS.topK ? -1 : Math.round(offers[offers.length - 1]!.score * 100),
    lastCompanyCents: companies.length < OPTIONS.topCompanies ? -1 : Math.round(companies[companies.length - 1]!.score * 100),
  };
}

/**
 * What the firm's scoring starts from: its own words, and its feedback offers (the best few by its
 * own words, text and structure, as expandQuery picks them, as a set: two can swap places, and the
 * words they lend at a tie, when every idf drifts; which offers they are does not change).
 */
function queryBasis(firm: MatchingFirm, prepared: PreparedOffers): { own: string[]; feedback: string[] } {
  const query = firmQuery(firm, prepared);
  const profile = firmProfile(firm, prepared);
  const { documents } = prepared.weights.text.feedback;
  const scored = prepared.offers
    .map((o, d) => ({ id: o.id, raw: rawScore(prepared, query, d), d }))
    .filter((x) => x.raw > 0)
    .map((x) => ({ id: x.id, score: combinedFrom(structuralScore(profile, prepared, x.d), query, prepared, x.raw, 0) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return {
    own: query.terms.map((t) => prepared.text.terms[t] as string),
    feedback: scored
      .slice(0, documents)
      .map((x) => x.id)
      .sort(),
  };
}

function names(results: FirmRecommendations): string[] {
  return [...results.offers.map((o) => o.offerId), ...results.companies.flatMap((c) => c.offerIds)];
}

describe('offerCanMoveFirm: which reached firms a new offer can move', () => {
  const data = generatePlantedData({ ...DEVELOPMENT_CONFIG, firms: 160, offers: 2400, seed: 23 });
  const before = prepareOffers(data.offers);
  const run = scoreAll(data.firms, before, { ...OPTIONS, feedbackTerms: true });
  const firmWords = data.firms[7]!;
  // New offers of a new company: one with a firm's own words (as the scale bench adds), and
  // copies of existing offers (each a near twin of an offer some firms show).
  const text = Object.values(firmWords.seeks).join(' ');
  const template = data.offers[0]!;
  const added: MatchingOffer[] = [
    {
      ...template,
      id: 'of-9000001',
      organizationId: 'co-900001',
      sector: firmWords.sectors[0]!,
      cooperationType: firmWords.cooperationTypes[0]!,
      company: { ...template.company, sectors: firmWords.sectors, languages: firmWords.languages },
      title: { zh: text, en: text },
      summary: { zh: text },
      partnerSought: { zh: text },
    },
    ...[300, 2000].map((i, k) => ({ ...data.offers[i]!, id: `of-900000${k + 2}`, organizationId: 'co-900001' })),
  ];

  // Demand 0: a new offer, the spread part at its most. 400: an offer most firms' pools hold,
  // whose spread part is near nothing: it can join a firm's feedback without being shown.
  it.each(added.flatMap((o) => [false, true].flatMap((kept) => [[o.id, 0, kept, o] as const, [o.id, 400, kept, o] as const])))(
    '%s at demand %d, feedback words kept %s: a firm it cannot move shows it nowhere and keeps its own words and feedback offers',
    (_, demand, withFeedback, offer) => {
      const after = prepareOffers([...data.offers, offer]);
      const fresh = scoreAll(data.firms, after, { ...OPTIONS, demand: { ...run.demand, [offer.id]: demand } });
      const d = after.positionById.get(offer.id) as number;
      let kept = 0;
      data.firms.forEach((firm, f) => {
        const moved = offerCanMoveFirm(firm, after, d, shownOf(run.firms[f]!, withFeedback), demand);
        const now = fresh.firms[f]!;
        if (names(now).includes(offer.id)) expect({ firm: firm.id, moved }).toEqual({ firm: firm.id, moved: true });
        if (!moved) {
          kept++;
          expect({ firm: firm.id, ...queryBasis(firm, after) }).toEqual({ firm: firm.id, ...queryBasis(firm, before) });
        }
      });
      // It leaves many firms alone: a copy of an offer 116–159 of 160 with the bound, 156–160 with
      // the kept feedback words; the offer with a firm's words (among them words no offer had, which
      // many firms use) 62–72 and 75. Every firm here is screened, not only those an index of rarer
      // words would reach.
      expect(kept).toBeGreaterThan(data.firms.length / 3);
    },
  );

  it("moves the firm whose own words the offer repeats, and that firm's results then show it", () => {
    const offer = added[0]!;
    const after = prepareOffers([...data.offers, offer]);
    const f = data.firms.indexOf(firmWords);
    expect(offerCanMoveFirm(firmWords, after, after.positionById.get(offer.id) as number, shownOf(run.firms[f]!), 0)).toBe(true);
    expect(names(scoreAll([firmWords], after, { ...OPTIONS, demand: run.demand }).firms[0]!)).toContain(offer.id);
  });

  it('orders the firms an offer moves by its estimated score for them: the firms that would show it first', () => {
    // IncrementalMatching commits re-scored firms in this order.
    const offer = added[0]!;
    const after = prepareOffers([...data.offers, offer]);
    const d = after.positionById.get(offer.id) as number;
    const fresh = scoreAll(data.firms, after, { ...OPTIONS, demand: { ...run.demand, [offer.id]: 0 } });
    const estimate = data.firms.map((firm) => offerFitEstimate(firm, after, d));
    for (const e of estimate) expect(e >= 0 && e <= 1).toBe(true);
    const order = data.firms.map((_, f) => f).sort((a, b) => (estimate[b] as number) - (estimate[a] as number) || a - b);
    // The firm whose words it repeats comes first; the firms a fresh scoring shows it to come
    // before those it shows it to none: in the first half of the order, all of them.
    expect(order[0]).toBe(data.firms.indexOf(firmWords));
    const showing = order.filter((f) => names(fresh.firms[f]!).includes(offer.id));
    expect(showing.length).toBeGreaterThan(0);
    for (const f of showing) expect(order.indexOf(f)).toBeLessThan(order.length / 2);
  });

  it('estimates with the structure as well as the words: of two firms with the same words, the one whose sector and cooperation fit the offer comes first', () => {
    const offer = added[0]!;
    const after = prepareOffers([...data.offers, offer]);
    const d = after.positionById.get(offer.id) as number;
    const fit: MatchingFirm = { ...firmWords, id: 'fit', sectors: [offer.sector], cooperationTypes: [offer.cooperationType] };
    const misfit: MatchingFirm = {
      ...firmWords,
      id: 'misfit',
      sectors: SECTORS.filter((s) => s !== offer.sector).slice(0, 1),
      cooperationTypes: COOPERATION_TYPES.filter((t) => t !== offer.cooperationType).slice(0, 1),
    };
    const wordless: MatchingFirm = { ...fit, id: 'wordless', seeks: { en: 'unrelated zebra violin' } };
    expect(offerFitEstimate(fit, after, d)).toBeGreaterThan(offerFitEstimate(misfit, after, d));
    // The words count too: the same structure without the offer's words comes after.
    expect(offerFitEstimate(fit, after, d)).toBeGreaterThan(offerFitEstimate(wordless, after, d));
  });

  it('an offer that joins the feedback moves the firm even when its own score stays low', () => {
    // The feedback check alone: a shown list that names no offer sharing the firm's words
    // cannot bound the feedback, so any offer sharing them may join it.
    const firm = data.firms[3]!;
    const d = before.positionById.get(run.firms[3]!.offers[0]!.offerId) as number;
    expect(mayJoinFeedback(firm, before, d, { offerIds: [] })).toBe(true);
    expect(mayJoinFeedback(firm, before, d, shownOf(run.firms[3]!))).toBe(true);
    // The last of twenty shown offers ranks below the feedback's few best.
    const last = before.positionById.get(run.firms[3]!.offers[19]!.offerId) as number;
    expect(mayJoinFeedback(firm, before, last, shownOf(run.firms[3]!))).toBe(false);
  });

  it('a firm whose lists are not full, or that shows the offer’s company, is always moved', () => {
    const shown = shownOf(run.firms[0]!);
    const d = before.positionById.get(data.offers[1500]!.id) as number;
    expect(offerCanMoveFirm(data.firms[0]!, before, d, { ...shown, lastOfferCents: -1 }, 0)).toBe(true);
    expect(offerCanMoveFirm(data.firms[0]!, before, d, { ...shown, companyIds: [data.offers[1500]!.organizationId] }, 0)).toBe(true);
  });
});
