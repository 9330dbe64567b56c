import type { MatchingFirm, MatchingOffer, MultilingualText } from '../src/lib/domain';
import { normaliseText } from '../src/lib/normalise-text';

/** Boosts added to the cosine for an offer in one of the firm's sectors, and of a cooperation type it seeks. */
const SECTOR_BOOST = 0.1;
const COOPERATION_BOOST = 0.05;

/**
 * The baseline the engine must beat: character-bigram TF-IDF. Every text (all languages,
 * folded with the engine's normaliser, so simplified/traditional/shinjitai are one) becomes
 * the bigrams of adjacent non-space characters; log-tf × idf vectors, L2-normalised; a firm's
 * offers rank by cosine + sector boost + cooperation boost, ties by id.
 */
export function bigramRankings(firms: readonly MatchingFirm[], offers: readonly MatchingOffer[], k: number): Map<string, string[]> {
  const sorted = [...offers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Map<string, number>();
  const docs = sorted.map((o) => countBigrams([o.title, o.summary, o.partnerSought], ids, true));
  const df = new Float64Array(ids.size);
  for (const doc of docs) for (const t of doc.keys()) df[t] = (df[t] as number) + 1;
  const n = sorted.length;
  const idf = Float64Array.from(df, (x) => Math.log((n + 1) / (x + 1)) + 1);
  // Postings: term → [doc, normalised weight].
  const postings: { doc: number; w: number }[][] = Array.from({ length: ids.size }, () => []);
  docs.forEach((doc, d) => {
    const vec = weigh(doc, idf);
    for (const [t, w] of vec) (postings[t] as { doc: number; w: number }[]).push({ doc: d, w });
  });
  const result = new Map<string, string[]>();
  const score = new Float64Array(n);
  for (const firm of firms) {
    score.fill(0);
    const query = weigh(countBigrams([firm.seeks], ids, false), idf);
    for (const [t, w] of query) for (const p of postings[t] as { doc: number; w: number }[]) score[p.doc] = (score[p.doc] as number) + w * p.w;
    for (let d = 0; d < n; d++) {
      const o = sorted[d] as MatchingOffer;
      if (firm.sectors.includes(o.sector)) score[d] = (score[d] as number) + SECTOR_BOOST;
      if (firm.cooperationTypes.includes(o.cooperationType)) score[d] = (score[d] as number) + COOPERATION_BOOST;
    }
    const top: number[] = [];
    for (let d = 0; d < n; d++) {
      const s = score[d] as number;
      if (top.length === k && s <= (score[top[k - 1] as number] as number)) continue;
      let i = top.length;
      while (i > 0 && (score[top[i - 1] as number] as number) < s) i--;
      top.splice(i, 0, d);
      if (top.length > k) top.pop();
    }
    result.set(
      firm.id,
      top.map((d) => (sorted[d] as MatchingOffer).id),
    );
  }
  return result;
}

function countBigrams(texts: readonly MultilingualText[], ids: Map<string, number>, grow: boolean): Map<number, number> {
  const counts = new Map<number, number>();
  for (const text of texts) {
    for (const value of Object.values(text)) {
      if (!value) continue;
      const chars = Array.from(normaliseText(value).replace(/[\s\p{P}]+/gu, ' '));
      for (let i = 0; i + 1 < chars.length; i++) {
        if (chars[i] === ' ' || chars[i + 1] === ' ') continue;
        const gram = (chars[i] as string) + (chars[i + 1] as string);
        let id = ids.get(gram);
        if (id === undefined) {
          if (!grow) continue;
          id = ids.size;
          ids.set(gram, id);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function weigh(counts: Map<number, number>, idf: Float64Array): Map<number, number> {
  const vec = new Map<number, number>();
  let norm = 0;
  for (const [t, c] of counts) {
    const w = (1 + Math.log(c)) * (idf[t] as number);
    vec.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of vec) vec.set(t, w / norm);
  return vec;
}
