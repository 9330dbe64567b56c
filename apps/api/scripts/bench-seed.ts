import { scheduleMeetings } from '@jinan/scheduling';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { generateInstance } from '@jinan/scheduling/testing';
import { MatchScoreService } from '../src/matching/match-score.service';
import { writeSchedule } from '../src/scheduling/schedule-writer';
import { loadSchedulingInput } from '../src/scheduling/scheduling-input';

const SECTORS = ['health', 'environment', 'digital'] as const;

export interface BenchEdition {
  editionId: string;
  /** Users (by id, with token version 0) of organizations with a published agenda. */
  agendaUsers: string[];
  /** Japanese firms' users, for recommendation reads. */
  jpUsers: string[];
  /** Approved requests and the user of the Ji'nan company that answers each. */
  pending: { meetingId: string; userId: string }[];
  scheduled: number;
}

/**
 * The L tier of the scheduling generator (1,800 organizations, 7,500 requests over three
 * sector sessions) poured into the demo edition: a Chinese-speaking organization becomes
 * a Ji'nan company, any other a Japanese firm; cross-border requests become accepted
 * meetings, scheduled by the real engine and published; every organization gets a
 * delegate account. Then `pendingCount` approved requests wait for the Ji'nan side's answer.
 */
export async function seedBenchEdition(db: DataSource, seed: number, pendingCount: number): Promise<BenchEdition> {
  const [{ id: editionId }] = await db.query(`SELECT id FROM editions ORDER BY created_at LIMIT 1`);
  const instance = generateInstance('L', seed);
  const country = instance.organizations.map((o) => (o.languages.includes('zh') ? 'CN' : 'JP'));
  const sector = instance.organizations.map((_, i) => SECTORS[i % SECTORS.length]);

  const ids: string[] = (
    await db.query(
      `INSERT INTO organizations (country, name_zh, name_ja, name_en, sectors, size_band, languages, delegates, city, verification, verified_at, search_text)
       SELECT c, CASE WHEN c = 'CN' THEN '基准公司' || n END, CASE WHEN c = 'JP' THEN 'ベンチ株式会社' || n END, 'Bench Co. ' || n,
              ARRAY[s], 'medium', string_to_array(l, ','), d, CASE WHEN c = 'CN' THEN '济南' ELSE 'Tokyo' END, 'verified', now(), 'bench ' || n
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[]) WITH ORDINALITY AS x(c, s, l, d, n, i)
        ORDER BY i RETURNING id`,
      [
        country,
        sector,
        instance.organizations.map((o) => o.languages.join(',')),
        instance.organizations.map((o) => o.delegates),
        instance.organizations.map((_, i) => i + 1),
      ],
    )
  ).map((r: { id: string }) => r.id);
  const passwordHash = await argon2.hash('bench1234', { type: argon2.argon2id });
  const users: string[] = (
    await db.query(
      `INSERT INTO users (email, password_hash, role, organization_id, full_name, locale, time_zone)
       SELECT 'bench' || i || '@bench.test', $1, lower(c), o, 'Bench delegate ' || i, CASE WHEN c = 'JP' THEN 'ja' ELSE 'zh-CN' END,
              CASE WHEN c = 'JP' THEN 'Asia/Tokyo' ELSE 'Asia/Shanghai' END
         FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS x(o, c, i) ORDER BY i RETURNING id`,
      [passwordHash, ids, country],
    )
  ).map((r: { id: string }) => r.id);

  // Cross-border requests become accepted meetings in the Ji'nan company's sector.
  const pairs = new Set<string>();
  const accepted: { jp: number; cn: number }[] = [];
  for (const m of instance.meetings) {
    const [a, b] = m.organizationIds.map((id) => Number(id.slice(4)) - 1);
    if (country[a] === country[b]) continue;
    const [jp, cn] = country[a] === 'JP' ? [a, b] : [b, a];
    if (pairs.has(`${jp}:${cn}`)) continue;
    pairs.add(`${jp}:${cn}`);
    accepted.push({ jp, cn });
  }
  await insertMeetings(db, editionId, accepted, ids, sector, 'accepted');

  // The real engine places them; the result is published.
  const loaded = await loadSchedulingInput(db.manager, editionId, {}, new MatchScoreService(db));
  const result = scheduleMeetings(loaded.input, { seed });
  await db.transaction(async (tx) => {
    const [{ id: runId }] = await tx.query(`INSERT INTO schedule_runs (edition_id, status, options, attempts) VALUES ($1, 'succeeded', '{}', 1) RETURNING id`, [
      editionId,
    ]);
    await writeSchedule(tx, editionId, runId, null, loaded, result);
  });
  await db.query(`UPDATE meetings SET slot_published_at = now() WHERE edition_id = $1 AND status = 'scheduled'`, [editionId]);

  // Requests approved by the bureau, each waiting for its Ji'nan company's answer.
  const jps = ids.map((_, i) => i).filter((i) => country[i] === 'JP');
  const cns = ids.map((_, i) => i).filter((i) => country[i] === 'CN');
  const approved: { jp: number; cn: number }[] = [];
  for (let k = 0; approved.length < pendingCount && k < jps.length * cns.length; k++) {
    const jp = jps[k % jps.length];
    const cn = cns[(k * 7919 + Math.floor(k / jps.length)) % cns.length];
    if (pairs.has(`${jp}:${cn}`)) continue;
    pairs.add(`${jp}:${cn}`);
    approved.push({ jp, cn });
  }
  const pendingIds = await insertMeetings(db, editionId, approved, ids, sector, 'approved');

  const [{ n: scheduled }] = await db.query(`SELECT count(*)::int AS n FROM meetings WHERE edition_id = $1 AND status = 'scheduled'`, [editionId]);
  const booked = new Set<string>(
    (await db.query(`SELECT DISTINCT unnest(ARRAY[jp_organization_id, cn_organization_id]) AS id FROM bookings WHERE edition_id = $1`, [editionId])).map(
      (r: { id: string }) => r.id,
    ),
  );
  return {
    editionId,
    agendaUsers: users.filter((_, i) => booked.has(ids[i])),
    jpUsers: users.filter((_, i) => country[i] === 'JP'),
    pending: pendingIds.map((meetingId, k) => ({ meetingId, userId: users[approved[k].cn] })),
    scheduled,
  };
}

async function insertMeetings(
  db: DataSource,
  editionId: string,
  pairs: { jp: number; cn: number }[],
  ids: string[],
  sector: string[],
  status: 'accepted' | 'approved',
): Promise<string[]> {
  const out: string[] = [];
  for (let from = 0; from < pairs.length; from += 5000) {
    const chunk = pairs.slice(from, from + 5000);
    const rows: { id: string }[] = await db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, cn_accepted_at, answer_deadline)
       SELECT $1, jp, cn, 'request', s, $5, CASE WHEN $5 = 'accepted' THEN now() END, CASE WHEN $5 = 'approved' THEN now() + interval '20 days' END
         FROM unnest($2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS x(jp, cn, s, i) ORDER BY i RETURNING id`,
      [editionId, chunk.map((p) => ids[p.jp]), chunk.map((p) => ids[p.cn]), chunk.map((p) => sector[p.cn]), status],
    );
    out.push(...rows.map((r) => r.id));
  }
  return out;
}
