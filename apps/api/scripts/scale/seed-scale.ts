import type { MatchingOffer, MultilingualText } from '@jinan/matching';
import { Client } from 'pg';
// The planted-data generator is a testing helper, not part of @jinan/matching's API.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DEVELOPMENT_CONFIG, generatePlantedData } from '../../../../libs/matching/src/testing/planted-data';
import { searchText } from '../../src/common/text/search-text';

/** PRODUCT.md §7 sizes one edition; the year-round platform is `factor` times that. */
export const PER_FACTOR = { firms: 300, companies: 1500, offers: 3000, requests: 6000, meetings: 3000 };
/** Slots of 20 minutes per negotiation session; tables per session (the schema allows 500). */
const SLOTS_PER_SESSION = 24;
const MAX_TABLES = 500;
/** Rows per INSERT (one JSON document each, as the recommendation writer does). */
const CHUNK = 5000;

export interface ScaleDataset {
  factor: number;
  counts: { firms: number; companies: number; offers: number; requests: number; meetings: number; editions: number };
  bureauUserId: string;
  /** Editions with published agendas (every round but the last). */
  publishedEditionIds: string[];
  /** The last round: scheduled, not yet published (the bulk publish measurement). */
  unpublishedEditionId: string;
  /** Users of organisations with a published meeting in the first round. */
  agendaUsers: { userId: string; organizationId: string }[];
  firmUsers: { userId: string; organizationId: string }[];
  /** Search words, as firms write them. */
  searchTerms: string[];
}

/**
 * A synthetic year-round dataset: the matching engine's planted-data generator writes the
 * firms and offers (realistic multilingual texts), the rest is arithmetic. The requests
 * and meetings are spread over several rounds (editions); in each, the scheduled meetings
 * are laid out slot by slot so that no organisation or table is booked twice at a time
 * (the bookings' exclusion constraints hold). Everything goes in by multi-row INSERTs of
 * 5,000 rows; no API, no per-row round trip.
 */
export async function seedScale(db: Client, factor: number, log: (line: string) => void): Promise<ScaleDataset> {
  const rounds = factor === 1 ? 2 : 4;
  const planted = generatePlantedData({ ...DEVELOPMENT_CONFIG, firms: PER_FACTOR.firms * factor, offers: PER_FACTOR.offers * factor, seed: 16 });
  log(`generated ${planted.firms.length} firms, ${planted.offers.length} offers`);

  const [{ id: bureauUserId }] = (
    await db.query(
      `INSERT INTO users (email, password_hash, role, full_name, locale, time_zone) VALUES ('bureau@scale.test', 'x', 'bureau', 'Scale bureau', 'zh-CN', 'Asia/Shanghai') RETURNING id`,
    )
  ).rows;

  // Japanese firms, as generated.
  const firmIds = await insertJson(
    db,
    planted.firms.map((f, i) => ({
      country: 'JP',
      name_ja: `スケール株式会社${i + 1}`,
      name_en: `Scale KK ${i + 1}`,
      sectors: f.sectors,
      size_band: f.sizeBand,
      languages: f.languages,
      cooperation_types: f.cooperationTypes,
      seeks_zh: f.seeks.zh ?? null,
      seeks_ja: f.seeks.ja ?? null,
      seeks_en: f.seeks.en ?? null,
      city: 'Tokyo',
      search_text: searchText(`スケール株式会社${i + 1}`, `Scale KK ${i + 1}`),
    })),
    ORGANIZATIONS_SQL,
  );
  // Ji'nan companies: the generator's (with offers), then more without offers up to the size.
  const companyKeys = [...new Set(planted.offers.map((o) => o.organizationId))];
  const companyOf = new Map(planted.offers.map((o) => [o.organizationId, o.company]));
  const companyCount = Math.max(companyKeys.length, PER_FACTOR.companies * factor);
  const companyIds = await insertJson(
    db,
    Array.from({ length: companyCount }, (_, i) => {
      const company = companyOf.get(companyKeys[i] ?? '') ?? { sectors: [(['health', 'environment', 'digital'] as const)[i % 3]], languages: ['zh'] };
      return {
        country: 'CN',
        name_zh: `规模公司${i + 1}`,
        name_en: `Scale Co. ${i + 1}`,
        sectors: company.sectors,
        size_band: 'medium',
        languages: company.languages,
        cooperation_types: [],
        seeks_zh: null,
        seeks_ja: null,
        seeks_en: null,
        city: '济南',
        search_text: searchText(`规模公司${i + 1}`, `Scale Co. ${i + 1}`),
      };
    }),
    ORGANIZATIONS_SQL,
  );
  const companyIdByKey = new Map(companyKeys.map((k, i) => [k, companyIds[i] as string]));
  log(`inserted ${firmIds.length} firms, ${companyIds.length} companies`);

  const offerIds = await insertJson(
    db,
    planted.offers.map((o, i) => offerRow(o, i, companyIdByKey.get(o.organizationId) as string)),
    OFFERS_SQL,
  );
  const offerOfCompany = new Map<string, string>();
  planted.offers.forEach((o, i) => offerOfCompany.set(companyIdByKey.get(o.organizationId) as string, offerIds[i] as string));
  log(`inserted ${offerIds.length} offers`);

  // One delegate account per organisation.
  const orgIds = [...firmIds, ...companyIds];
  const userIds = await insertJson(
    db,
    orgIds.map((id, i) => ({
      email: `scale${i + 1}@scale.test`,
      role: i < firmIds.length ? 'jp' : 'cn',
      organization_id: id,
      locale: i < firmIds.length ? 'ja' : 'zh-CN',
      time_zone: i < firmIds.length ? 'Asia/Tokyo' : 'Asia/Shanghai',
    })),
    USERS_SQL,
  );
  const userOf = new Map(orgIds.map((id, i) => [id, userIds[i] as string]));

  // Rounds: each an edition with its sessions, slots, tables, meetings and bookings.
  const editionIds: string[] = [];
  const tables = Math.min(MAX_TABLES, firmIds.length, companyIds.length);
  const perRound = { meetings: Math.round((PER_FACTOR.meetings * factor) / rounds), requests: Math.round((PER_FACTOR.requests * factor) / rounds) };
  let firstRoundBooked = new Set<string>();
  for (let r = 0; r < rounds; r++) {
    const published = r < rounds - 1;
    const [{ id: editionId }] = (
      await db.query(
        `INSERT INTO editions (year, name_zh, name_ja, name_en, start_date, end_date, status)
         VALUES ($1, $2, $3, $4, $5::date, $5::date + 13, 'open') RETURNING id`,
        [2030 + r, `规模第${r + 1}轮`, `スケール第${r + 1}回`, `Scale round ${r + 1}`, `${2030 + r}-0${3 + r}-01`],
      )
    ).rows;
    editionIds.push(editionId);
    const slotCount = Math.ceil(perRound.meetings / tables);
    const sessions = Math.max(3, Math.ceil(slotCount / SLOTS_PER_SESSION));
    const slotsPerSession = Math.ceil(slotCount / sessions);
    const sectorOfSession = (s: number) => (['health', 'environment', 'digital'] as const)[s % 3];
    const sessionIds: string[] = (
      await db.query(
        `INSERT INTO programme_sessions (edition_id, kind, sector, title_zh, title_ja, title_en, venue, starts_at, ends_at, slot_minutes, table_count)
         SELECT $1, 'negotiation', (ARRAY['health', 'environment', 'digital'])[1 + s % 3], '洽谈' || s, '商談' || s, 'Negotiation ' || s, 'Hall ' || s,
                ($2::date + s + time '09:00') AT TIME ZONE 'Asia/Shanghai', ($2::date + s + time '09:00') AT TIME ZONE 'Asia/Shanghai' + $3 * interval '20 minutes', 20, $4
           FROM generate_series(0, $5 - 1) AS s ORDER BY s RETURNING id`,
        [editionId, `${2030 + r}-0${3 + r}-01`, slotsPerSession, tables, sessions],
      )
    ).rows.map((x: { id: string }) => x.id);
    await db.query(
      `INSERT INTO slots (session_id, edition_id, index, starts_at, ends_at)
       SELECT p.id, p.edition_id, i, p.starts_at + i * interval '20 minutes', p.starts_at + (i + 1) * interval '20 minutes'
         FROM programme_sessions p CROSS JOIN generate_series(0, $2 - 1) AS i WHERE p.edition_id = $1`,
      [editionId, slotsPerSession],
    );
    await db.query(
      `INSERT INTO negotiation_tables (session_id, number) SELECT p.id, n FROM programme_sessions p CROSS JOIN generate_series(1, $2) AS n WHERE p.edition_id = $1`,
      [editionId, tables],
    );

    // Slot by slot: table t of global slot g seats firm (t + g) and company (t + g·31 + r·17);
    // within a slot both are distinct (tables ≤ firms, companies), and a pair met before is skipped.
    const pairs = new Set<string>();
    const scheduled: { jp: string; cn: string; session: string; sector: string; slot: number; table: number; offer: string | null }[] = [];
    for (let g = 0; g < slotCount && scheduled.length < perRound.meetings; g++) {
      const s = Math.floor(g / slotsPerSession);
      for (let t = 0; t < tables && scheduled.length < perRound.meetings; t++) {
        const jp = firmIds[(t + g) % firmIds.length] as string;
        const cn = companyIds[(t + g * 31 + r * 17) % companyIds.length] as string;
        if (pairs.has(`${jp}${cn}`)) continue;
        pairs.add(`${jp}${cn}`);
        scheduled.push({
          jp,
          cn,
          session: sessionIds[s] as string,
          sector: sectorOfSession(s),
          slot: g % slotsPerSession,
          table: t + 1,
          offer: offerOfCompany.get(cn) ?? null,
        });
      }
    }
    const meetingIds = await insertJson(
      db,
      scheduled.map((m) => ({ jp: m.jp, cn: m.cn, offer: m.offer, sector: m.sector, status: 'scheduled', published })),
      MEETINGS_SQL(editionId),
    );
    await insertJson(
      db,
      scheduled.map((m, i) => ({ meeting: meetingIds[i], jp: m.jp, cn: m.cn, session: m.session, slot: m.slot, table: m.table })),
      BOOKINGS_SQL(editionId),
    );
    // The other requests wait for an answer.
    const waiting: { jp: string; cn: string; offer: string | null; sector: string; status: string; published: boolean }[] = [];
    for (let k = 0; waiting.length < perRound.requests - scheduled.length; k++) {
      const jp = firmIds[k % firmIds.length] as string;
      const cn = companyIds[(k * 7919 + r * 101 + Math.floor(k / firmIds.length)) % companyIds.length] as string;
      if (pairs.has(`${jp}${cn}`)) continue;
      pairs.add(`${jp}${cn}`);
      waiting.push({ jp, cn, offer: offerOfCompany.get(cn) ?? null, sector: 'digital', status: 'requested', published: false });
    }
    await insertJson(db, waiting, MEETINGS_SQL(editionId));
    // Their history: requested → approved → accepted (the stats count these transitions).
    await db.query(
      `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, at)
       SELECT m.id, NULL, x.role, x.action, x.from_status, x.to_status, m.created_at
         FROM meetings m CROSS JOIN (VALUES ('bureau', 'approve', 'requested', 'approved'), ('cn', 'accept', 'approved', 'accepted')) AS x(role, action, from_status, to_status)
        WHERE m.edition_id = $1 AND m.status = 'scheduled'`,
      [editionId],
    );
    if (r === 0) firstRoundBooked = new Set(scheduled.flatMap((m) => [m.jp, m.cn]));
    log(
      `round ${r + 1}: ${scheduled.length} scheduled (${published ? 'published' : 'unpublished'}), ${waiting.length} waiting, ${sessions} sessions × ${slotsPerSession} slots × ${tables} tables`,
    );
  }
  await db.query('ANALYZE');

  const counts = await db.query(
    `SELECT (SELECT count(*) FROM organizations WHERE country = 'JP')::int AS firms, (SELECT count(*) FROM organizations WHERE country = 'CN')::int AS companies,
            (SELECT count(*) FROM offers)::int AS offers, (SELECT count(*) FROM meetings)::int AS requests,
            (SELECT count(*) FROM bookings)::int AS meetings, (SELECT count(*) FROM editions)::int AS editions`,
  );
  return {
    factor,
    counts: counts.rows[0],
    bureauUserId,
    publishedEditionIds: editionIds.slice(0, -1),
    unpublishedEditionId: editionIds[editionIds.length - 1] as string,
    agendaUsers: orgIds.filter((id) => firstRoundBooked.has(id)).map((id) => ({ userId: userOf.get(id) as string, organizationId: id })),
    firmUsers: firmIds.map((id) => ({ userId: userOf.get(id) as string, organizationId: id })),
    searchTerms: ['医疗器械', '介護', 'battery', '污水处理', 'ロボット', 'sensors', '数据中心', 'elderly care'],
  };
}

/** Inserts rows (one JSON document per chunk) and returns the ids in input order. */
async function insertJson(db: Client, rows: object[], sql: string): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < rows.length; from += CHUNK) {
    const chunk = rows.slice(from, from + CHUNK).map((row, k) => ({ ...row, i: k }));
    const result = await db.query(sql, [JSON.stringify(chunk)]);
    ids.push(...result.rows.map((r: { id: string }) => r.id));
  }
  return ids;
}

const ORGANIZATIONS_SQL = `
  INSERT INTO organizations (country, name_zh, name_ja, name_en, sectors, size_band, languages, cooperation_types, seeks_zh, seeks_ja, seeks_en, city,
                             verification, verified_at, search_text)
  SELECT r.country, r.name_zh, r.name_ja, r.name_en, r.sectors, r.size_band, r.languages, r.cooperation_types, r.seeks_zh, r.seeks_ja, r.seeks_en, r.city,
         'verified', now(), r.search_text
    FROM jsonb_to_recordset($1::jsonb) AS r(country text, name_zh text, name_ja text, name_en text, sectors text[], size_band text,
         languages text[], cooperation_types text[], seeks_zh text, seeks_ja text, seeks_en text, city text, search_text text, i int)
   ORDER BY r.i RETURNING id`;

const OFFERS_SQL = `
  INSERT INTO offers (organization_id, sector, cooperation_type, title_zh, title_ja, title_en, summary_zh, summary_ja, summary_en, partner_sought,
                      investment_min_mcny, investment_max_mcny, status, published_at, search_text)
  SELECT r.org, r.sector, r.type, r.title_zh, r.title_ja, r.title_en, r.summary_zh, r.summary_ja, r.summary_en, r.partner, r.min, r.max,
         'published', now(), r.search_text
    FROM jsonb_to_recordset($1::jsonb) AS r(org uuid, sector text, type text, title_zh text, title_ja text, title_en text,
         summary_zh text, summary_ja text, summary_en text, partner text, min numeric, max numeric, search_text text, i int)
   ORDER BY r.i RETURNING id`;

const USERS_SQL = `
  INSERT INTO users (email, password_hash, role, organization_id, full_name, locale, time_zone)
  SELECT r.email, 'x', r.role, r.organization_id, 'Scale delegate', r.locale, r.time_zone
    FROM jsonb_to_recordset($1::jsonb) AS r(email text, role text, organization_id uuid, locale text, time_zone text, i int)
   ORDER BY r.i RETURNING id`;

const MEETINGS_SQL = (editionId: string) => `
  INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, offer_id, origin, sector, status, cn_accepted_at, answer_deadline, slot_published_at)
  SELECT '${editionId}', r.jp, r.cn, r.offer, 'request', r.sector, r.status,
         CASE WHEN r.status = 'scheduled' THEN now() END, CASE WHEN r.status = 'requested' THEN now() + interval '20 days' END,
         CASE WHEN r.published THEN now() END
    FROM jsonb_to_recordset($1::jsonb) AS r(jp uuid, cn uuid, offer uuid, sector text, status text, published boolean, i int)
   ORDER BY r.i RETURNING id`;

const BOOKINGS_SQL = (editionId: string) => `
  INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat)
  SELECT r.meeting, '${editionId}', r.session, s.id, t.id, s.during, r.jp, 1, r.cn, 1
    FROM jsonb_to_recordset($1::jsonb) AS r(meeting uuid, jp uuid, cn uuid, session uuid, slot int, "table" int)
    JOIN slots s ON s.session_id = r.session AND s.index = r.slot
    JOIN negotiation_tables t ON t.session_id = r.session AND t.number = r."table"
  RETURNING meeting_id AS id`;

/** The database wants Chinese and a second language on a published offer: fill a gap with another language's text. */
function offerRow(o: MatchingOffer, i: number, organizationId: string): Record<string, unknown> {
  const pick = (t: MultilingualText, first: 'zh' | 'ja' | 'en') => t[first] ?? t.zh ?? t.ja ?? t.en ?? `offer ${i + 1}`;
  const second = !!(o.title.ja || o.title.en);
  const row = {
    org: organizationId,
    sector: o.sector,
    type: o.cooperationType,
    title_zh: pick(o.title, 'zh'),
    title_ja: o.title.ja ?? null,
    title_en: o.title.en ?? (second ? null : pick(o.title, 'en')),
    summary_zh: pick(o.summary, 'zh'),
    summary_ja: o.summary.ja ?? null,
    summary_en: o.summary.en ?? (o.summary.ja ? null : pick(o.summary, 'en')),
    partner: o.partnerSought.zh ?? o.partnerSought.ja ?? o.partnerSought.en ?? null,
    min: o.investmentMinMillionCny ?? null,
    max: o.investmentMaxMillionCny ?? null,
  };
  return {
    ...row,
    search_text: searchText(row.title_zh, row.title_ja, row.title_en, row.summary_zh, row.summary_ja, row.summary_en, row.partner),
  };
}

/** The dataset description of a database seedScale filled earlier (for bench:scale --reuse without its file). */
export async function datasetOf(db: Client, factor: number): Promise<ScaleDataset> {
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query(sql, params)).rows as T[];
  const [{ id: bureauUserId }] = await one<{ id: string }>(`SELECT id FROM users WHERE email = 'bureau@scale.test'`);
  const editionIds = (await one<{ id: string }>(`SELECT id FROM editions ORDER BY start_date, id`)).map((e) => e.id);
  const [counts] = await one<ScaleDataset['counts']>(
    `SELECT (SELECT count(*) FROM organizations WHERE country = 'JP')::int AS firms, (SELECT count(*) FROM organizations WHERE country = 'CN')::int AS companies,
            (SELECT count(*) FROM offers)::int AS offers, (SELECT count(*) FROM meetings)::int AS requests,
            (SELECT count(*) FROM bookings)::int AS meetings, (SELECT count(*) FROM editions)::int AS editions`,
  );
  const users = (sql: string, params: unknown[] = []) =>
    one<{ userId: string; organizationId: string }>(
      `SELECT u.id AS "userId", u.organization_id AS "organizationId" FROM users u WHERE ${sql} ORDER BY u.organization_id`,
      params,
    );
  return {
    factor,
    counts: counts as ScaleDataset['counts'],
    bureauUserId,
    publishedEditionIds: editionIds.slice(0, -1),
    unpublishedEditionId: editionIds[editionIds.length - 1] as string,
    agendaUsers: await users(
      `u.organization_id IN (SELECT jp_organization_id FROM bookings WHERE edition_id = $1 UNION SELECT cn_organization_id FROM bookings WHERE edition_id = $1)`,
      [editionIds[0]],
    ),
    firmUsers: await users(`u.organization_id IN (SELECT id FROM organizations WHERE country = 'JP')`),
    searchTerms: ['医疗器械', '介護', 'battery', '污水处理', 'ロボット', 'sensors', '数据中心', 'elderly care'],
  };
}
