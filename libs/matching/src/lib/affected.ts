import { conceptTokens } from './concepts/concept-tokens';
import type { Language, MatchingFirm, MatchingOffer, MultilingualText } from './domain';
import { LANGUAGES } from './domain';
import { normaliseText } from './normalise-text';
import { TokenKind, tokenise } from './tokenise';

/**
 * The index terms of some texts that can make a firm and an offer meet: concepts (~robot)
 * and surface words (Han bigrams, katakana runs, English words; single Han characters are
 * left out, they meet nearly everything). An offer can only gain or lose text relevance for
 * a firm whose terms share one of these, so an incremental job finds the firms an offer
 * change affects through an inverted index term → firms built from firmTerms.
 */
export function textTerms(texts: readonly MultilingualText[]): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const language of LANGUAGES) {
      const value = text[language];
      if (!value) continue;
      const normalised = normaliseText(value);
      tokenise(normalised, (term, kind) => {
        if (kind !== TokenKind.CjkUnigram) terms.add(term);
      });
      conceptTokens(normalised, language as Language, (concept) => terms.add(concept));
    }
  }
  return terms;
}

export function firmTerms(firm: Pick<MatchingFirm, 'seeks'>): Set<string> {
  return textTerms([firm.seeks]);
}

export function offerTerms(offer: Pick<MatchingOffer, 'title' | 'summary' | 'partnerSought'>): Set<string> {
  return textTerms([offer.title, offer.summary, offer.partnerSought]);
}
