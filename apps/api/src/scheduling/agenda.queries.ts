/**
 * One organization's agenda ($1 edition, $2 organization, $3 true: include unpublished
 * slots, for the bureau). Its own file because bench:scale's bare node:http baseline
 * answers the very same SQL.
 */
export const AGENDA_SQL = `SELECT m.id, m.status, lower(b.during) AS starts_at, upper(b.during) AS ends_at, b.session_id, s.sector, s.venue, t.number AS table_number,
        other.id AS other_id, other.name_zh, other.name_ja, other.name_en,
        o.id AS offer_id, o.title_zh, o.title_ja, o.title_en,
        CASE WHEN m.jp_organization_id = $2 THEN m.jp_confirmed_at ELSE m.cn_confirmed_at END IS NOT NULL AS confirmed_by_me
   FROM bookings b
   JOIN meetings m ON m.id = b.meeting_id
   -- One plan for every party (HotReads runs it on a generic plan): the session, table,
   -- counterpart and offer are looked up by key per booking (OFFSET 0 keeps each lookup as
   -- written). As plain joins, the plan for an "average" party (130 bookings estimated at 100×)
   -- hashed all 14,000 tables: 57 ms where these lookups take 0.2–0.3 ms (3 ms for a firm with
   -- 150 meetings).
   CROSS JOIN LATERAL (SELECT s.sector, s.venue FROM programme_sessions s WHERE s.id = b.session_id OFFSET 0) s
   CROSS JOIN LATERAL (SELECT t.number FROM negotiation_tables t WHERE t.id = b.table_id OFFSET 0) t
   CROSS JOIN LATERAL (SELECT other.id, other.name_zh, other.name_ja, other.name_en FROM organizations other
                        WHERE other.id = CASE WHEN m.jp_organization_id = $2 THEN m.cn_organization_id ELSE m.jp_organization_id END OFFSET 0) other
   LEFT JOIN LATERAL (SELECT o.id, o.title_zh, o.title_ja, o.title_en FROM offers o WHERE o.id = m.offer_id OFFSET 0) o ON true
  -- On the bookings' own party columns: their indexes find one party's rows (a scan of
  -- the edition's bookings took 12 ms at the L tier, 0.6 ms this way).
  WHERE b.edition_id = $1 AND $2 IN (b.jp_organization_id, b.cn_organization_id)
    AND ($3 OR m.slot_published_at IS NOT NULL)
  ORDER BY lower(b.during), t.number`;

/**
 * Every party's agenda in the edition, a batch of bookings at a time ($1 edition; the bookings
 * after meeting id $2, $3 of them in meeting id order): the rows AGENDA_SQL gives each party, with
 * `party` first and `published` last — one booking twice, once for each side, unpublished ones
 * too, so that the last row's meeting id says where the next batch starts. AgendaCache fills its
 * copies from it where AGENDA_SQL would be run once per party; the columns and their expressions
 * are AGENDA_SQL's (a test compares the two party by party). In batches because a 100× round's
 * 150,000 rows read at once took 170 MiB of heap before they were shared; unsorted by party
 * (each party's rows are ordered after the read, agenda-copies.ts).
 */
export const EDITION_AGENDA_SQL = `SELECT p.party, m.id, m.status, lower(b.during) AS starts_at, upper(b.during) AS ends_at, b.session_id, s.sector, s.venue, t.number AS table_number,
        other.id AS other_id, other.name_zh, other.name_ja, other.name_en,
        o.id AS offer_id, o.title_zh, o.title_ja, o.title_en,
        CASE WHEN m.jp_organization_id = p.party THEN m.jp_confirmed_at ELSE m.cn_confirmed_at END IS NOT NULL AS confirmed_by_me,
        m.slot_published_at IS NOT NULL AS published
   FROM (SELECT * FROM bookings WHERE edition_id = $1 AND meeting_id > $2 ORDER BY meeting_id LIMIT $3) b
   JOIN meetings m ON m.id = b.meeting_id
   CROSS JOIN LATERAL (VALUES (b.jp_organization_id), (b.cn_organization_id)) p(party)
   JOIN programme_sessions s ON s.id = b.session_id
   JOIN negotiation_tables t ON t.id = b.table_id
   JOIN organizations other ON other.id = CASE WHEN m.jp_organization_id = p.party THEN m.cn_organization_id ELSE m.jp_organization_id END
   LEFT JOIN offers o ON o.id = m.offer_id
  ORDER BY m.id`;

/** An upper bound of EDITION_AGENDA_SQL's rows ($1 edition), read before it: two per booking. */
export const EDITION_AGENDA_SIZE_SQL = `SELECT 2 * count(*)::int AS rows FROM bookings WHERE edition_id = $1`;
