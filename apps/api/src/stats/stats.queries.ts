import type { EditionStatsView } from '@jinan/contracts';

/**
 * Organizations taking part in edition $1 (verified, or in one of its meetings) with no booked
 * meeting, worst first ($2 limit, $3 offset), each with its meeting counts, the ids of its
 * accepted meetings and the total. Rank: 0 not placed (some accepted), 1 none accepted (all
 * refused), 2 all pending, 3 no requests (NoMeetingReason, in the dashboard's order).
 * Aggregates the edition's meetings per party first: one pass over the edition, not a join
 * per organization (2.8 s at 10× that way). The organizations in no meeting (most of the
 * platform's, year-round) are read in name order only as far as the page reaches, and
 * counted from indexes.
 */
export const WITHOUT_MEETING_SQL = `
WITH in_meetings AS MATERIALIZED (
  SELECT o.id, o.country, o.name_zh AS zh, o.name_ja AS ja, o.name_en AS en, o.verification = 'verified' AS verified,
         count(*) FILTER (WHERE m.status IN ('requested', 'approved', 'proposed'))::int AS pending,
         count(*) FILTER (WHERE m.status IN ('rejected', 'declined', 'expired', 'cancelled'))::int AS refused,
         count(*) FILTER (WHERE m.status IN ('accepted', 'scheduled', 'confirmed', 'held', 'no_show'))::int AS accepted,
         coalesce(array_agg(m.id) FILTER (WHERE m.status = 'accepted'), '{}') AS unplaced_ids,
         bool_or(b.meeting_id IS NOT NULL) AS booked
    FROM (SELECT id, status, jp_organization_id AS organization_id FROM meetings WHERE edition_id = $1
          UNION ALL
          SELECT id, status, cn_organization_id FROM meetings WHERE edition_id = $1) AS m
    -- Joined before grouping: grouped by the organization's key, PostgreSQL knows how many
    -- parties to expect (grouped by the union's column, it guessed 200 and looked up each).
    JOIN organizations o ON o.id = m.organization_id
    LEFT JOIN bookings b ON b.meeting_id = m.id AND b.edition_id = $1
   GROUP BY o.id),
-- Verified and in no meeting of the edition: rank 3, read in name order from
-- organizations_verified_name_idx only as far as the page reaches.
idle AS (
  SELECT o.id, o.country, o.name_zh AS zh, o.name_ja AS ja, o.name_en AS en, 0 AS pending, 0 AS refused, 0 AS accepted, '{}'::uuid[] AS unplaced_ids, 3 AS rank
    FROM organizations o
   WHERE o.verification = 'verified'
     AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.jp_organization_id = o.id AND m.edition_id = $1)
     AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.cn_organization_id = o.id AND m.edition_id = $1)
   ORDER BY coalesce(o.name_en, o.name_zh, o.name_ja), o.id
   LIMIT $2::int + $3::int),
total AS (
  SELECT count(*) FILTER (WHERE NOT booked)
       + (SELECT count(*) FROM organizations WHERE verification = 'verified')
       - count(*) FILTER (WHERE verified) AS total
    FROM in_meetings)
SELECT page.*, total.total
  FROM (SELECT id, country, zh, ja, en, pending, refused, accepted, unplaced_ids,
               -- Every status is pending, refused or accepted: ranks 0-2 only.
               CASE WHEN accepted > 0 THEN 0 WHEN pending > 0 THEN 2 ELSE 1 END AS rank
          FROM in_meetings WHERE NOT booked
        UNION ALL SELECT * FROM idle) page, total
 ORDER BY rank, coalesce(en, zh, ja), id
 LIMIT $2 OFFSET $3`;

/** The latest successful schedule run of edition $1: its left-out meetings explain the not placed. */
export const LATEST_SCHEDULE_RUN_SQL = `SELECT left_out, finished_at FROM schedule_runs
  WHERE edition_id = $1 AND status = 'succeeded' ORDER BY finished_at DESC LIMIT 1`;

/** Edition $1's kept statistics (StatsService.forEdition). */
export const LATEST_STATS_SNAPSHOT_SQL = `SELECT view, computed_at, compute_ms FROM edition_stats_snapshots WHERE edition_id = $1`;

export interface StatsSnapshotRow {
  view: EditionStatsView;
  computed_at: Date;
  compute_ms: number;
}

/** Keeps figures read at $3 that took $4 ms, unless figures read later are already kept. */
export const KEEP_STATS_SNAPSHOT_SQL = `
INSERT INTO edition_stats_snapshots (edition_id, view, computed_at, compute_ms) VALUES ($1, $2, $3, $4)
ON CONFLICT (edition_id) DO UPDATE SET view = EXCLUDED.view, computed_at = EXCLUDED.computed_at, compute_ms = EXCLUDED.compute_ms
 WHERE edition_stats_snapshots.computed_at < EXCLUDED.computed_at`;
