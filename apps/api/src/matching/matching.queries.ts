import { ScorePartView } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import type { HotReads } from '../common/hot-reads/hot-reads';
import { CORPUS_STAMP_SQL } from './matching-input';

/**
 * The matching domain's reads of results: the edition's current run, a firm's
 * recommendations, and the run's scores of given pairs. (A run's input is read by
 * matching-input.ts and written by recommendation-writer.ts.) `db` is the DataSource's
 * or a transaction's manager.
 */
type Db = Pick<EntityManager, 'query'>;

/** The edition's current results: its latest succeeded run (the only one with rows). */
export const CURRENT_RUN_SQL = `SELECT id FROM matching_runs WHERE edition_id = $1 AND status = 'succeeded' ORDER BY finished_at DESC LIMIT 1`;

export interface CurrentRunRow {
  id: string;
  algorithm_version: string | null;
  weights_version: string | null;
  input_at: Date | null;
  changes_through: string;
  finished_at: Date;
}

export async function currentRun(db: Db, editionId: string): Promise<CurrentRunRow | undefined> {
  const [run] = await db.query(
    `SELECT id, algorithm_version, weights_version, input_at, changes_through, finished_at FROM matching_runs WHERE id = (${CURRENT_RUN_SQL})`,
    [editionId],
  );
  return run;
}

/**
 * A firm's recommendations from the run, in one round trip (the read a firm makes most; three
 * queries at once took three connections and three wake-ups of PostgreSQL, and a CPU profile
 * under load put a quarter of the instance's time in sending queries): the ranked offers still
 * published by a still verified company, the ranked companies still verified, and whether a
 * change the run's rows do not reflect yet (after `changesThrough`) concerns an offer, a
 * company, or this firm (another firm's profile does not move this one's results). Rows come
 * as JSON text in the contract's shape (RecommendedOfferView, RecommendedCompanyView), which
 * the API sends as it is: parsing ~40 KB of JSON from PostgreSQL and serialising it again took
 * 15 % of an instance's CPU under this read at 100× (pg's parseRow 10 %, Express's stringify
 * 5 %), and their garbage more. One plan suits every firm (index lookups from the run and
 * the firm, the offers and companies by id): the API runs it on the hot reads' pool, prepared
 * (planning took 1.5–2 ms of PostgreSQL's CPU for 1 ms of execution at 100×). `stale` is
 * written for that plan: `id > $4 AND (kind <> 'firm' OR entity_id = $2)` planned without
 * values became a scan of every change row (15 ms over 100,000 dead ones); the newest offer or
 * company change is read from the end of the primary key, this firm's from its entity index.
 * $1 run, $2 firm, $3 limit per list, $4 the run's changes_through.
 */
export const RECOMMENDATIONS_SQL = `SELECT
       (SELECT coalesce(json_agg(json_build_object(
                 'rank', x.rank, 'score', x.score, 'parts', x.parts,
                 'offer', json_build_object('id', x.offer_id, 'sector', x.sector, 'cooperationType', x.cooperation_type,
                                            'titleZh', x.title_zh, 'titleJa', x.title_ja, 'titleEn', x.title_en),
                 'company', json_build_object('id', x.company_id, 'name', json_build_object('zh', x.name_zh, 'ja', x.name_ja, 'en', x.name_en)))
               ORDER BY x.rank), '[]')::text FROM (
          SELECT r.rank, r.score::float8 AS score, r.parts, o.id AS offer_id, o.sector, o.cooperation_type, o.title_zh, o.title_ja, o.title_en,
                 c.id AS company_id, c.name_zh, c.name_ja, c.name_en
            FROM recommendations r
            JOIN offers o ON o.id = r.offer_id
            JOIN organizations c ON c.id = r.cn_organization_id
           WHERE r.run_id = $1 AND r.jp_organization_id = $2 AND r.kind = 'offer' AND o.status = 'published' AND c.verification = 'verified'
           ORDER BY r.rank LIMIT $3) x) AS offers,
       (SELECT coalesce(json_agg(json_build_object(
                 'rank', y.rank, 'score', y.score, 'parts', y.parts,
                 'company', json_build_object('id', y.company_id, 'name', json_build_object('zh', y.name_zh, 'ja', y.name_ja, 'en', y.name_en)),
                 'bestOfferId', y.offer_id, 'offerIds', y.offer_ids)
               ORDER BY y.rank), '[]')::text FROM (
          SELECT r.rank, r.score::float8 AS score, r.parts, r.offer_id, r.offer_ids, c.id AS company_id, c.name_zh, c.name_ja, c.name_en
            FROM recommendations r
            JOIN organizations c ON c.id = r.cn_organization_id
           WHERE r.run_id = $1 AND r.jp_organization_id = $2 AND r.kind = 'company' AND c.verification = 'verified'
           ORDER BY r.rank LIMIT $3) y) AS companies,
       coalesce((SELECT max(id) FROM matching_changes WHERE kind <> 'firm') > $4, false)
         OR EXISTS (SELECT 1 FROM matching_changes WHERE entity_id = $2 AND id > $4) AS stale`;

export interface RecommendationRows {
  /** RecommendedOfferView[] as JSON text. */
  offers: string;
  /** RecommendedCompanyView[] as JSON text. */
  companies: string;
  stale: boolean;
}

/** RECOMMENDATIONS_SQL for one firm: prepared on the hot reads' pool when there is one (the API), else on `db`. */
export async function recommendationsOf(
  db: Db,
  hot: HotReads | undefined,
  run: { id: string; changesThrough: string },
  organizationId: string,
  limit: number,
): Promise<RecommendationRows> {
  const params = [run.id, organizationId, limit, run.changesThrough];
  const [row] = hot ? await hot.query<RecommendationRows>('recommendations', RECOMMENDATIONS_SQL, params) : await db.query(RECOMMENDATIONS_SQL, params);
  return row as RecommendationRows;
}

export interface PairKey {
  jpOrganizationId: string;
  cnOrganizationId: string;
  offerId: string | null;
}

const PAIRS = `unnest($2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS p(jp, cn, offer, i)`;
const pairParams = (editionId: string, pairs: readonly PairKey[]) => [
  editionId,
  pairs.map((p) => p.jpOrganizationId),
  pairs.map((p) => p.cnOrganizationId),
  pairs.map((p) => p.offerId),
];

/**
 * The current run's score of each pair, in the order of `pairs` (null where it has none):
 * an offer row, or the company row whose best offer it is; without an offer, the
 * company's best score among its offer and company rows (the company row's, if any).
 */
export async function runScores(db: Db, editionId: string, pairs: readonly PairKey[]): Promise<(number | null)[]> {
  const rows: { score: number | null }[] = await db.query(
    `SELECT (SELECT max(r.score)::float8 FROM recommendations r
              WHERE r.run_id = (${CURRENT_RUN_SQL}) AND r.jp_organization_id = p.jp AND r.cn_organization_id = p.cn
                AND (p.offer IS NULL OR r.offer_id = p.offer)) AS score
       FROM ${PAIRS}
      ORDER BY p.i`,
    pairParams(editionId, pairs),
  );
  return rows.map((r) => r.score);
}

/** The parts of the row runScores reads (its best-scored one), in the order of `pairs` (null where it has none). */
export async function runParts(db: Db, editionId: string, pairs: readonly PairKey[]): Promise<(ScorePartView[] | null)[]> {
  const rows: { parts: ScorePartView[] | null }[] = await db.query(
    `SELECT (SELECT r.parts FROM recommendations r
              WHERE r.run_id = (${CURRENT_RUN_SQL}) AND r.jp_organization_id = p.jp AND r.cn_organization_id = p.cn
                AND (p.offer IS NULL OR r.offer_id = p.offer)
              ORDER BY r.score DESC LIMIT 1) AS parts
       FROM ${PAIRS}
      ORDER BY p.i`,
    pairParams(editionId, pairs),
  );
  return rows.map((r) => r.parts);
}

/** Changes whenever an offer or a company changes: the prepared offers are kept until it does. */
export async function corpusStamp(db: Db): Promise<string> {
  const [{ stamp }] = (await db.query(CORPUS_STAMP_SQL)) as { stamp: string }[];
  return stamp;
}
