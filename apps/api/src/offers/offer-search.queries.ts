/**
 * One page of offers ranked as the engine's searchOffers ranks them (libs/matching
 * search-terms.ts searchRelevance, in SQL): $1 the query's terms, $2 their weights before idf,
 * $3 sector, $4 cooperation type (null: any), $5 limit, $6 offset, $7 k1, $8 b, $9 the share of
 * the best relevance below which offers are dropped, $10 each term's query word, $11 whether it
 * is a concept of that word, $12 the search concept weight. Statistics (document count, mean
 * layer lengths, document frequency of each term) are those of the searchable offers.
 * Per word: the larger of its surface share and its concept share; per offer: the words' mean
 * weighted by rarity. Every sum runs in the engine's order over its float4 BM25 factors, so
 * equal offers tie exactly (and break by id, as the engine's do).
 * Each row carries the total and the statistics, for the page's explanations.
 */
export const RANKED_OFFERS_SQL = `
WITH q AS (
  SELECT * FROM unnest($1::text[], $2::float8[], $10::int[], $11::boolean[]) WITH ORDINALITY AS q (term, weight, unit, concept, ord)),
corpus AS (
  SELECT count(*)::float8 AS n,
         coalesce(nullif(avg(cjk_length), 0), 1) AS cjk,
         coalesce(nullif(avg(latin_length), 0), 1) AS latin,
         coalesce(nullif(avg(concept_length), 0), 1) AS concept
    FROM offer_search_documents WHERE searchable),
postings AS MATERIALIZED (
  SELECT t.term, t.offer_id AS id, t.tf, t.layer, d.sector, d.cooperation_type,
         CASE t.layer WHEN 0 THEN d.cjk_length WHEN 1 THEN d.latin_length ELSE d.concept_length END AS length
    FROM offer_search_terms t
    JOIN offer_search_documents d ON d.offer_id = t.offer_id AND d.searchable
   WHERE t.term = ANY($1::text[])),
df AS (SELECT term, count(*)::float8 AS df FROM postings GROUP BY term),
w AS (
  SELECT q.term, q.unit, q.concept, q.ord, q.weight * ln(1 + (corpus.n - df.df + 0.5) / (df.df + 0.5)) AS w
    FROM q JOIN df ON df.term = q.term CROSS JOIN corpus),
units AS (
  SELECT unit,
         coalesce(sum(w * ($7::float8 + 1) ORDER BY ord) FILTER (WHERE NOT concept), 0) AS surface_mass,
         coalesce(max(w) FILTER (WHERE concept), 0) * ($7::float8 + 1) AS concept_full,
         greatest(coalesce(sum(w * ($7::float8 + 1) ORDER BY ord) FILTER (WHERE concept), 0) / $12::float8,
                  coalesce(sum(w * ($7::float8 + 1) ORDER BY ord) FILTER (WHERE NOT concept), 0)) AS weight
    FROM w GROUP BY unit),
total AS (SELECT sum(weight ORDER BY unit) AS weight FROM units),
factors AS (
  SELECT p.id, w.unit, w.concept, w.ord, w.w,
         (p.tf * ($7::float8 + 1) / (p.tf + $7::float8 * (1 - $8::float8 + $8::float8 * p.length
            / CASE p.layer WHEN 0 THEN corpus.cjk WHEN 1 THEN corpus.latin ELSE corpus.concept END)))::real::float8 AS f
    FROM postings p
    JOIN w ON w.term = p.term
   CROSS JOIN corpus
   WHERE ($3::text IS NULL OR p.sector = $3) AND ($4::text IS NULL OR p.cooperation_type = $4)),
shares AS (
  SELECT f.id, f.unit,
         greatest(coalesce(max((f.w / u.concept_full) * f.f) FILTER (WHERE f.concept), 0),
                  CASE WHEN u.surface_mass > 0 THEN coalesce(sum(f.w * f.f ORDER BY f.ord) FILTER (WHERE NOT f.concept), 0) / u.surface_mass ELSE 0 END) AS best
    FROM factors f JOIN units u ON u.unit = f.unit
   GROUP BY f.id, f.unit, u.surface_mass, u.concept_full),
scored AS (
  SELECT s.id, sum(u.weight * s.best ORDER BY s.unit) / total.weight AS score
    FROM shares s JOIN units u ON u.unit = s.unit CROSS JOIN total
   GROUP BY s.id, total.weight),
kept AS (SELECT id, score FROM scored WHERE score > 0 AND score >= $9::float8 * (SELECT max(score) FROM scored))
SELECT k.id, k.score, count(*) OVER () AS total,
       corpus.n, corpus.cjk, corpus.latin, corpus.concept, (SELECT json_object_agg(term, df) FROM df) AS df
  FROM kept k CROSS JOIN corpus
 ORDER BY k.score DESC, k.id
 LIMIT $5 OFFSET $6`;

/** The index's version, and whether any offer waits to be (re-)indexed. */
export const INDEX_STATE_SQL = `SELECT version, EXISTS (SELECT 1 FROM offer_search_pending) AS pending FROM offer_search_state`;

export const BUMP_VERSION_SQL = `UPDATE offer_search_state SET version = version + 1`;

/** The next queued offers ($1 at most), oldest first. */
export const TAKE_PENDING_SQL = `SELECT id, offer_id FROM offer_search_pending ORDER BY id LIMIT $1`;

/** What the index reads of offers $1, whatever their status. */
export const INDEXED_FIELDS_SQL = `SELECT o.id, o.title_zh, o.title_ja, o.title_en, o.summary_zh, o.summary_ja, o.summary_en, o.partner_sought,
       c.name_zh, c.name_ja, c.name_en, o.sector, o.cooperation_type,
       (o.status = 'published' AND c.country = 'CN' AND c.verification = 'verified') AS searchable
  FROM offers o JOIN organizations c ON c.id = o.organization_id
 WHERE o.id = ANY($1::uuid[])`;

export const DELETE_DOCUMENTS_SQL = `DELETE FROM offer_search_documents WHERE offer_id = ANY($1::uuid[])`;

export const DELETE_TERMS_SQL = `DELETE FROM offer_search_terms WHERE offer_id = ANY($1::uuid[])`;

/** $1 offer ids, $2..$4 their layer lengths, $5 searchable, $6 sectors, $7 cooperation types. */
export const INSERT_DOCUMENTS_SQL = `INSERT INTO offer_search_documents (offer_id, cjk_length, latin_length, concept_length, searchable, sector, cooperation_type)
  SELECT * FROM unnest($1::uuid[], $2::real[], $3::real[], $4::real[], $5::boolean[], $6::text[], $7::text[])`;

/** $1 terms, $2 offer ids, $3 tf, $4 layers. */
export const INSERT_TERMS_SQL = `INSERT INTO offer_search_terms (term, offer_id, tf, layer)
  SELECT * FROM unnest($1::text[], $2::uuid[], $3::real[], $4::smallint[])`;

export const DELETE_PENDING_SQL = `DELETE FROM offer_search_pending WHERE id = ANY($1::bigint[])`;
