/**
 * The columns of each export, in order: the header names (stable, English, for
 * spreadsheets and scripts) and the SQL that produces them. Times are given in the
 * edition's zone and, for Japanese delegates, in Tokyo time; no contact details (docs/product.md §8).
 */
const local = (expr: string, zone: string) => `to_char(${expr} AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI')`;

export const MEETINGS_CSV = {
  columns: [
    'meeting_id',
    'status',
    'sector',
    'origin',
    'priority',
    'japanese_firm_ja',
    'japanese_firm_en',
    'jinan_company_zh',
    'jinan_company_en',
    'offer_title_zh',
    'offer_title_ja',
    'requested_at',
    'starts_at_event',
    'ends_at_event',
    'starts_at_tokyo',
    'table',
    'venue',
    'published',
    'jp_confirmed',
    'cn_confirmed',
  ],
  sql: `
    SELECT m.id, m.status, m.sector, m.origin, m.priority,
           j.name_ja, j.name_en, c.name_zh, c.name_en AS cn_name_en,
           o.title_zh, o.title_ja, ${local('m.created_at', '$2')},
           ${local('lower(b.during)', '$2')}, ${local('upper(b.during)', '$2')}, ${local('lower(b.during)', "'Asia/Tokyo'")},
           t.number, s.venue,
           CASE WHEN m.slot_published_at IS NULL THEN 'no' ELSE 'yes' END,
           CASE WHEN m.jp_confirmed_at IS NULL THEN 'no' ELSE 'yes' END,
           CASE WHEN m.cn_confirmed_at IS NULL THEN 'no' ELSE 'yes' END
      FROM meetings m
      JOIN organizations j ON j.id = m.jp_organization_id
      JOIN organizations c ON c.id = m.cn_organization_id
      LEFT JOIN offers o ON o.id = m.offer_id
      LEFT JOIN bookings b ON b.meeting_id = m.id
      LEFT JOIN negotiation_tables t ON t.id = b.table_id
      LEFT JOIN programme_sessions s ON s.id = b.session_id
     WHERE m.edition_id = $1
     ORDER BY m.created_at, m.id`,
};

/** Every table of every slot of every negotiation session, booked or free: the grid, long form. */
export const SCHEDULE_CSV = {
  columns: [
    'date',
    'session_sector',
    'session_zh',
    'session_ja',
    'session_en',
    'venue',
    'slot_starts_at_event',
    'slot_ends_at_event',
    'slot_starts_at_tokyo',
    'table',
    'meeting_id',
    'status',
    'published',
    'japanese_firm_ja',
    'japanese_firm_en',
    'jinan_company_zh',
    'jinan_company_en',
  ],
  sql: `
    SELECT to_char(x.starts_at AT TIME ZONE $2, 'YYYY-MM-DD'), s.sector, s.title_zh, s.title_ja, s.title_en, s.venue,
           ${local('x.starts_at', '$2')}, ${local('x.ends_at', '$2')}, ${local('x.starts_at', "'Asia/Tokyo'")},
           t.number, m.id, m.status, CASE WHEN m.id IS NULL THEN NULL WHEN m.slot_published_at IS NULL THEN 'no' ELSE 'yes' END,
           j.name_ja, j.name_en, c.name_zh, c.name_en AS cn_name_en
      FROM programme_sessions s
      JOIN slots x ON x.session_id = s.id
      JOIN negotiation_tables t ON t.session_id = s.id
      LEFT JOIN bookings b ON b.slot_id = x.id AND b.table_id = t.id
      LEFT JOIN meetings m ON m.id = b.meeting_id
      LEFT JOIN organizations j ON j.id = b.jp_organization_id
      LEFT JOIN organizations c ON c.id = b.cn_organization_id
     WHERE s.edition_id = $1 AND s.kind = 'negotiation'
     ORDER BY x.starts_at, s.sector, t.number`,
};

/** Organizations taking part (verified, or in a meeting of the edition) with their counts. */
export const ORGANIZATIONS_CSV = {
  columns: [
    'organization_id',
    'country',
    'name_zh',
    'name_ja',
    'name_en',
    'sectors',
    'size',
    'languages',
    'delegates',
    'city',
    'verification',
    'meetings',
    'meetings_accepted',
    'meetings_placed',
  ],
  sql: `
    SELECT o.id, o.country, o.name_zh, o.name_ja, o.name_en, array_to_string(o.sectors, ' '), o.size_band, array_to_string(o.languages, ' '),
           o.delegates, o.city, o.verification,
           coalesce(n.meetings, 0), coalesce(n.accepted, 0), coalesce(n.placed, 0)
      FROM organizations o
      LEFT JOIN LATERAL (
        SELECT count(*) AS meetings,
               count(*) FILTER (WHERE m.status IN ('accepted', 'scheduled', 'confirmed', 'held', 'no_show')) AS accepted,
               count(b.meeting_id) AS placed
          FROM meetings m LEFT JOIN bookings b ON b.meeting_id = m.id
         WHERE m.edition_id = $1 AND o.id IN (m.jp_organization_id, m.cn_organization_id)) n ON true
     WHERE o.verification = 'verified' OR n.meetings > 0
     ORDER BY o.country DESC, o.name_en, o.id`,
};
