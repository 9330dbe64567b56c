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
   JOIN programme_sessions s ON s.id = b.session_id
   JOIN negotiation_tables t ON t.id = b.table_id
   JOIN organizations other ON other.id = CASE WHEN m.jp_organization_id = $2 THEN m.cn_organization_id ELSE m.jp_organization_id END
   LEFT JOIN offers o ON o.id = m.offer_id
  -- On the bookings' own party columns: their indexes find one party's rows (a scan of
  -- the edition's bookings took 12 ms at the L tier, 0.6 ms this way).
  WHERE b.edition_id = $1 AND $2 IN (b.jp_organization_id, b.cn_organization_id)
    AND ($3 OR m.slot_published_at IS NOT NULL)
  ORDER BY lower(b.during), t.number`;
