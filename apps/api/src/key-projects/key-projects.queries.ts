import { KeyProjectView } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import { CsvExport } from '../common/csv/csv-streamer';

/** The key-projects domain's SQL; `db` is the DataSource's or a transaction's manager. */
type Db = Pick<EntityManager, 'query'>;

interface KeyProjectRow {
  id: string;
  edition_id: string;
  meeting_id: string;
  feedback_id: string | null;
  title_zh: string;
  title_ja: string;
  title_en: string;
  signing_parties: string[];
  created_at: Date;
  sector: string;
  jp_id: string;
  jp_zh: string | null;
  jp_ja: string | null;
  jp_en: string | null;
  cn_id: string;
  cn_zh: string | null;
  cn_ja: string | null;
  cn_en: string | null;
}

const SELECT = `SELECT k.*, m.sector,
         jp.id AS jp_id, jp.name_zh AS jp_zh, jp.name_ja AS jp_ja, jp.name_en AS jp_en,
         cn.id AS cn_id, cn.name_zh AS cn_zh, cn.name_ja AS cn_ja, cn.name_en AS cn_en
    FROM key_projects k
    JOIN meetings m ON m.id = k.meeting_id
    JOIN organizations jp ON jp.id = m.jp_organization_id
    JOIN organizations cn ON cn.id = m.cn_organization_id`;

/** The ceremony list: in the order the bureau marked them. */
export async function listKeyProjects(db: Db, editionId: string): Promise<KeyProjectView[]> {
  const rows: KeyProjectRow[] = await db.query(`${SELECT} WHERE k.edition_id = $1 ORDER BY k.created_at, k.id`, [editionId]);
  return rows.map(keyProjectView);
}

export async function findKeyProject(db: Db, id: string): Promise<KeyProjectView | undefined> {
  const [row]: KeyProjectRow[] = await db.query(`${SELECT} WHERE k.id = $1`, [id]);
  return row ? keyProjectView(row) : undefined;
}

/** The meeting, if it belongs to the edition. */
export async function meetingInEdition(db: Db, meetingId: string, editionId: string): Promise<{ id: string; status: string } | undefined> {
  const [meeting] = await db.query(`SELECT id, status FROM meetings WHERE id = $1 AND edition_id = $2`, [meetingId, editionId]);
  return meeting;
}

/** The latest answer reporting a signed agreement for the meeting (the follow-up before the initial one), if any. */
export async function latestSignedOutcome(db: Db, meetingId: string): Promise<string | undefined> {
  const [signed] = await db.query(
    `SELECT id FROM meeting_feedback WHERE meeting_id = $1 AND outcome = 'agreement_signed' ORDER BY stage DESC, at DESC LIMIT 1`,
    [meetingId],
  );
  return signed?.id;
}

export async function insertKeyProject(
  tx: Db,
  k: {
    editionId: string;
    meetingId: string;
    feedbackId: string | null;
    title: { zh: string; ja: string; en: string };
    signingParties: string[];
    createdBy: string;
  },
): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO key_projects (edition_id, meeting_id, feedback_id, title_zh, title_ja, title_en, signing_parties, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [k.editionId, k.meetingId, k.feedbackId, k.title.zh, k.title.ja, k.title.en, JSON.stringify(k.signingParties), k.createdBy],
  );
  return row.id;
}

/** Deletes the key project of the edition; returns its meeting, or undefined when there was none. */
export async function deleteKeyProject(tx: Db, id: string, editionId: string): Promise<{ meeting_id: string } | undefined> {
  // (In a CTE so the driver returns the deleted rows, not [rows, count].)
  const [row] = await tx.query(`WITH gone AS (DELETE FROM key_projects WHERE id = $1 AND edition_id = $2 RETURNING meeting_id) SELECT * FROM gone`, [
    id,
    editionId,
  ]);
  return row;
}

/** How many key projects the edition has, and how many come from a signed outcome (the dashboard's counts). */
export async function countKeyProjects(db: Db, editionId: string): Promise<{ total: number; fromSignedOutcomes: number }> {
  const [row] = await db.query(`SELECT count(*)::int AS total, count(feedback_id)::int AS from_signed FROM key_projects WHERE edition_id = $1`, [editionId]);
  return { total: row.total, fromSignedOutcomes: row.from_signed };
}

/** The CSV export: one row per key project, titles in the three languages, the parties in their own scripts. */
export const KEY_PROJECTS_CSV: CsvExport = {
  columns: [
    'key_project_id',
    'meeting_id',
    'sector',
    'title_zh',
    'title_ja',
    'title_en',
    'signing_parties',
    'japanese_firm',
    'jinan_company',
    'from_signed_outcome',
    'marked_at',
  ],
  sql: `SELECT k.id, k.meeting_id, m.sector, k.title_zh, k.title_ja, k.title_en,
               (SELECT string_agg(p, ' / ') FROM jsonb_array_elements_text(k.signing_parties) AS p),
               coalesce(jp.name_ja, jp.name_en), coalesce(cn.name_zh, cn.name_en), k.feedback_id IS NOT NULL,
               to_char(k.created_at AT TIME ZONE e.time_zone, 'YYYY-MM-DD HH24:MI')
          FROM key_projects k
          JOIN editions e ON e.id = k.edition_id
          JOIN meetings m ON m.id = k.meeting_id
          JOIN organizations jp ON jp.id = m.jp_organization_id
          JOIN organizations cn ON cn.id = m.cn_organization_id
         WHERE k.edition_id = $1
         ORDER BY k.created_at, k.id`,
};

function keyProjectView(r: KeyProjectRow): KeyProjectView {
  return {
    id: r.id,
    editionId: r.edition_id,
    meetingId: r.meeting_id,
    fromSignedOutcome: r.feedback_id !== null,
    title: { zh: r.title_zh, ja: r.title_ja, en: r.title_en },
    signingParties: r.signing_parties,
    jp: { id: r.jp_id, name: { zh: r.jp_zh, ja: r.jp_ja, en: r.jp_en } },
    cn: { id: r.cn_id, name: { zh: r.cn_zh, ja: r.cn_ja, en: r.cn_en } },
    sector: r.sector,
    createdAt: r.created_at.toISOString(),
  };
}
