export type {
  CooperationType,
  Language,
  Locale,
  MatchingFirm,
  MatchingOffer,
  MatchingOfferCompany,
  MultilingualText,
  ScorePartName,
  Sector,
  SizeBand,
} from './lib/domain';
export { COOPERATION_TYPES, LANGUAGES, LOCALES, SCORE_PARTS, SECTORS, SIZE_BANDS } from './lib/domain';
export type { CompanyMatch, FirmRecommendations, MatchingRun, OfferMatch, ScoreAllOptions, ScorePart } from './lib/match-result';
export { normaliseText } from './lib/normalise-text';
export { MatchingInputError } from './lib/input-error';
export { firmTerms, offerTerms, textTerms } from './lib/affected';
export type { SearchHit, SearchOptions } from './lib/search';
export { queryLanguage, searchOffers } from './lib/search';
export { CONCEPT_PREFIX, conceptTokens } from './lib/concepts/concept-tokens';
export type { ConceptSink } from './lib/concepts/concept-tokens';
export { conceptTables } from './lib/concepts/concept-table';
export { LIST_SEPARATORS } from './lib/reasons';
export { TokenKind, tokenise } from './lib/tokenise';
export type { MatchedTerm } from './lib/text-relevance';
export type { PreparedOffers } from './lib/prepare-offers';
export { patchPreparedOffers, prepareOffers } from './lib/prepare-offers';
export type { MessageKey, Reason, ReasonKey } from './lib/reasons';
export { REASON_MESSAGES, REASON_PARAM_LABELS, explain, formatReason } from './lib/reasons';
export { firmDemand, scoreAll } from './lib/rank';
export type { ShownResults } from './lib/offer-screen';
export { offerCanMoveFirm, offerFitEstimate, oldOfferCanMoveFirm } from './lib/offer-screen';
export type { ScorePairOptions } from './lib/score-pair';
export { scorePair } from './lib/score-pair';
export { ALGORITHM_VERSION } from './lib/version';
export type { MatchingWeights } from './lib/weights';
export { DEFAULT_WEIGHTS, validateWeights } from './lib/weights';
export type { OfferSearchTerms, SearchableOffer, SearchCorpus, SearchQueryTerm } from './lib/search-terms';
export { TermLayer, bm25Factor, explainSearchPage, idf as searchIdf, offerSearchTerms, searchQueryTerms, searchRelevance } from './lib/search-terms';
