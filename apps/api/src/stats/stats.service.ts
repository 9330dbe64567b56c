import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DayStats,
  EditionStatsView,
  FEEDBACK_OUTCOMES,
  FeedbackOutcome,
  FunnelStats,
  LeftOutView,
  NoMeetingReason,
  OrganizationWithoutMeetingView,
  Page,
  PAGE_SIZE_DEFAULT,
  PageQueryDto,
  RequestedOfferView,
  Sector,
  SECTORS,
  SectorStats,
  SignedProjectView,
  StatsCounts,
  WITHOUT_MEETING_FIRST,
} from '@jinan/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { loadEdition } from '../editions/editions';
import { partyRef, Row } from '../organizations/organization.view';
import { countKeyProjects } from '../key-projects/key-projects.queries';
import { Environment, ENVIRONMENT } from '../config/environment';
import { KEEP_STATS_SNAPSHOT_SQL, LATEST_SCHEDULE_RUN_SQL, LATEST_STATS_SNAPSHOT_SQL, StatsSnapshotRow, WITHOUT_MEETING_SQL } from './stats.queries';

const TOP_OFFERS = 10;
/** Outcome ranks as SQL: array_position gives 1 (no interest) … 4 (signed). */
const OUTCOME_ARRAY = `ARRAY[${FEEDBACK_OUTCOMES.map((o) => `'${o}'`).join(', ')}]`;

/**
 * A round of 150,000 meetings (100×) groups ~100,000 parties: with the default 4 MB the
 * hash aggregates spill to disk. Local to the statistics' read-only transaction.
 */
const STATS_WORK_MEM = `SET LOCAL work_mem = '64MB'`;

/** Transitions that count as an approval, an acceptance and a decline (see EditionStatsView). */
const APPROVED = `t.to_status = 'approved' AND t.from_status = 'requested'`;
const ACCEPTED = `t.to_status = 'accepted' AND t.from_status IN ('approved', 'proposed')`;
const DECLINED = `t.to_status = 'declined' AND t.from_status IN ('approved', 'proposed')`;
/** The transitions the three above can be (meeting_transitions_answers_idx covers them). */
const ANSWER = `t.to_status IN ('approved', 'accepted', 'declined')`;

/**
 * The bureau's figures, read in one REPEATABLE READ snapshot so they add up with each
 * other even while requests keep arriving. Every figure is one SQL aggregate over the
 * edition, computed live — except for editions too large for that (STATS_LIVE_LIMIT_MS):
 * their last figures are kept in edition_stats_snapshots, served while younger than
 * STATS_SNAPSHOT_SECONDS and computed again in the background once a sixth of that has
 * passed. `generatedAt` always says when the figures were read.
 */
@Injectable()
export class StatsService {
  private readonly logger = new Logger('Stats');
  /** Background computations running in this instance, per edition (one at a time). */
  private readonly refreshing = new Map<string, Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Pick<Environment, 'STATS_LIVE_LIMIT_MS' | 'STATS_SNAPSHOT_SECONDS'>,
  ) {}

  async forEdition(editionId: string): Promise<EditionStatsView> {
    const maxAgeMs = this.env.STATS_SNAPSHOT_SECONDS * 1000;
    if (maxAgeMs > 0) {
      const [kept] = (await this.db.query(LATEST_STATS_SNAPSHOT_SQL, [editionId])) as StatsSnapshotRow[];
      const ageMs = kept ? this.clock.now().getTime() - kept.computed_at.getTime() : Infinity;
      if (kept && kept.compute_ms >= this.env.STATS_LIVE_LIMIT_MS && ageMs >= 0 && ageMs <= maxAgeMs) {
        if (ageMs > maxAgeMs / 6) this.refreshInBackground(editionId);
        return kept.view;
      }
    }
    return this.computeAndKeep(editionId);
  }

  private refreshInBackground(editionId: string): void {
    if (this.refreshing.has(editionId)) return;
    const work = this.computeAndKeep(editionId)
      .catch((error: unknown) => this.logger.error(`statistics of edition ${editionId}: ${error instanceof Error ? error.message : error}`))
      .finally(() => this.refreshing.delete(editionId));
    this.refreshing.set(editionId, work);
  }

  /** Computes the figures live and keeps them (with how long they took) when snapshots are on. */
  private async computeAndKeep(editionId: string): Promise<EditionStatsView> {
    const started = performance.now();
    const view = await this.compute(editionId);
    if (this.env.STATS_SNAPSHOT_SECONDS > 0) {
      await this.db.query(KEEP_STATS_SNAPSHOT_SQL, [editionId, view, view.generatedAt, Math.round(performance.now() - started)]);
    }
    return view;
  }

  private async compute(editionId: string): Promise<EditionStatsView> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      await tx.query(STATS_WORK_MEM);
      const zone = (await loadEdition(tx, editionId)).timeZone;

      const bySector = await this.bySector(tx, editionId);
      const totals = sumCounts(bySector);
      const capacity = bySector.reduce((n, s) => n + s.capacity, 0);
      const { funnel, outcomes } = await this.funnel(tx, editionId);
      return {
        editionId,
        editionZone: zone,
        generatedAt: this.clock.now().toISOString(),
        totals: {
          ...totals,
          capacity,
          acceptanceRate: rate(totals.acceptances, totals.acceptances + totals.declines),
          fillRate: rate(totals.placed, capacity),
        },
        bySector,
        byDay: await this.byDay(tx, editionId, zone),
        ...(await this.withoutMeeting(tx, editionId, WITHOUT_MEETING_FIRST, 0).then(({ items, total }) => ({
          withoutMeeting: items,
          withoutMeetingTotal: total,
        }))),
        topOffers: await this.topOffers(tx, editionId),
        funnel,
        signedProjects: await this.signedProjects(tx, editionId),
        keyProjects: await countKeyProjects(tx, editionId),
        outcomes,
      };
    });
  }

  private async bySector(tx: EntityManager, editionId: string): Promise<SectorStats[]> {
    // Placed meetings and capacity count where the table is (the session's sector);
    // requests and answers count by the meeting's own sector.
    const rows: Row[] = await tx.query(
      `WITH sectors AS (SELECT unnest($2::text[]) AS sector),
            requests AS (SELECT sector, count(*)::int AS n FROM meetings WHERE edition_id = $1 AND origin = 'request' GROUP BY sector),
            answers AS (
              SELECT m.sector,
                     count(DISTINCT m.id) FILTER (WHERE ${APPROVED})::int AS approvals,
                     count(DISTINCT m.id) FILTER (WHERE ${ACCEPTED})::int AS acceptances,
                     count(DISTINCT m.id) FILTER (WHERE ${DECLINED})::int AS declines
                FROM meeting_transitions t JOIN meetings m ON m.id = t.meeting_id AND m.edition_id = $1
               WHERE t.edition_id = $1 AND ${ANSWER} GROUP BY m.sector),
            placed AS (
              SELECT s.sector, count(*)::int AS n FROM bookings b JOIN programme_sessions s ON s.id = b.session_id
               WHERE b.edition_id = $1 GROUP BY s.sector),
            capacity AS (
              SELECT s.sector,
                     sum((SELECT count(*) FROM slots x WHERE x.session_id = s.id) * (SELECT count(*) FROM negotiation_tables n WHERE n.session_id = s.id))::int AS n
                FROM programme_sessions s WHERE s.edition_id = $1 AND s.kind = 'negotiation' GROUP BY s.sector)
       SELECT x.sector, coalesce(r.n, 0) AS requests, coalesce(a.approvals, 0) AS approvals, coalesce(a.acceptances, 0) AS acceptances,
              coalesce(a.declines, 0) AS declines, coalesce(p.n, 0) AS placed, coalesce(c.n, 0) AS capacity
         FROM sectors x
         LEFT JOIN requests r ON r.sector = x.sector
         LEFT JOIN answers a ON a.sector = x.sector
         LEFT JOIN placed p ON p.sector = x.sector
         LEFT JOIN capacity c ON c.sector = x.sector`,
      [editionId, SECTORS],
    );
    const bySector = new Map(rows.map((r) => [r['sector'] as Sector, r]));
    return SECTORS.map((sector) => {
      const r = bySector.get(sector)!;
      const counts = {
        requests: r['requests'],
        approvals: r['approvals'],
        acceptances: r['acceptances'],
        declines: r['declines'],
        placed: r['placed'],
      } as StatsCounts;
      const capacity: number = r['capacity'];
      return {
        sector,
        ...counts,
        capacity,
        acceptanceRate: rate(counts.acceptances, counts.acceptances + counts.declines),
        fillRate: rate(counts.placed, capacity),
      };
    });
  }

  private async byDay(tx: EntityManager, editionId: string, zone: string): Promise<DayStats[]> {
    const rows: Row[] = await tx.query(
      `WITH events AS (
         SELECT 'requests' AS kind, created_at AS at FROM meetings WHERE edition_id = $1 AND origin = 'request'
         UNION ALL
         SELECT CASE WHEN ${APPROVED} THEN 'approvals' ELSE 'acceptances' END, t.at
           FROM meeting_transitions t
          WHERE t.edition_id = $1 AND ${ANSWER} AND ((${APPROVED}) OR (${ACCEPTED}))
         UNION ALL
         SELECT 'placed', lower(during) FROM bookings WHERE edition_id = $1)
       SELECT to_char(at AT TIME ZONE $2, 'YYYY-MM-DD') AS date,
              count(*) FILTER (WHERE kind = 'requests')::int AS requests,
              count(*) FILTER (WHERE kind = 'approvals')::int AS approvals,
              count(*) FILTER (WHERE kind = 'acceptances')::int AS acceptances,
              count(*) FILTER (WHERE kind = 'placed')::int AS placed
         FROM events GROUP BY 1 ORDER BY 1`,
      [editionId, zone],
    );
    return rows.map((r) => ({ date: r['date'], requests: r['requests'], approvals: r['approvals'], acceptances: r['acceptances'], placed: r['placed'] }));
  }

  /** One page of the organizations without a meeting, worst first (see WITHOUT_MEETING_SQL). */
  async withoutMeetingPage(editionId: string, query: PageQueryDto): Promise<Page<OrganizationWithoutMeetingView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      await tx.query(STATS_WORK_MEM);
      await loadEdition(tx, editionId);
      const { items, total } = await this.withoutMeeting(tx, editionId, pageSize, (page - 1) * pageSize);
      return { items, page, pageSize, total };
    });
  }

  /**
   * Organizations taking part (verified, or in a meeting of this edition) with no booked
   * meeting, and the first reason that applies (NoMeetingReason): `limit` of them from `offset`, and how many in all.
   */
  private async withoutMeeting(
    tx: EntityManager,
    editionId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: OrganizationWithoutMeetingView[]; total: number }> {
    const rows: Row[] = await tx.query(WITHOUT_MEETING_SQL, [editionId, limit, offset]);
    const [run] = await tx.query(LATEST_SCHEDULE_RUN_SQL, [editionId]);
    const leftOut = new Map<string, LeftOutView>(((run?.left_out ?? []) as LeftOutView[]).map((l) => [l.meetingId, l]));
    const items = rows.map((r) => {
      const meetings = { pending: r['pending'] as number, refused: r['refused'] as number, accepted: r['accepted'] as number };
      const { reason, message } = explain(meetings, r['unplaced_ids'] as string[], leftOut, Boolean(run));
      return { organization: { ...partyRef(r, 'id', ''), country: r['country'] }, reason, message, meetings };
    });
    // Past the last page there is no row to carry the total: count it alone.
    const total = rows.length
      ? Number(rows[0]?.['total'])
      : offset > 0
        ? Number((await tx.query(WITHOUT_MEETING_SQL, [editionId, 1, 0]))[0]?.['total'] ?? 0)
        : 0;
    return { items, total };
  }

  private async topOffers(tx: EntityManager, editionId: string): Promise<RequestedOfferView[]> {
    // Counted per offer over the edition's requests first; only the offers that can be in the
    // top ten (rank by requests and acceptances, ties kept) are joined for their titles.
    const rows: Row[] = await tx.query(
      `WITH accepted AS (SELECT DISTINCT t.meeting_id FROM meeting_transitions t WHERE t.edition_id = $1 AND ${ANSWER} AND ${ACCEPTED}),
            per_offer AS (
              SELECT m.offer_id, count(*)::int AS requests, count(a.meeting_id)::int AS acceptances
                FROM meetings m LEFT JOIN accepted a ON a.meeting_id = m.id
               WHERE m.edition_id = $1 AND m.origin = 'request' AND m.offer_id IS NOT NULL
               GROUP BY m.offer_id),
            ranked AS (SELECT *, rank() OVER (ORDER BY requests DESC, acceptances DESC) AS place FROM per_offer)
       SELECT o.id, o.sector, o.title_zh, o.title_ja, o.title_en, c.id AS org_id, c.name_zh AS org_zh, c.name_ja AS org_ja, c.name_en AS org_en,
              r.requests, r.acceptances
         FROM ranked r JOIN offers o ON o.id = r.offer_id JOIN organizations c ON c.id = o.organization_id
        WHERE r.place <= ${TOP_OFFERS}
        ORDER BY r.requests DESC, r.acceptances DESC, o.title_zh, o.id
        LIMIT ${TOP_OFFERS}`,
      [editionId],
    );
    return rows.map((r) => ({
      offerId: r['id'],
      sector: r['sector'],
      title: { zh: r['title_zh'], ja: r['title_ja'], en: r['title_en'] },
      organization: partyRef(r, 'org_id', 'org_'),
      requests: r['requests'],
      acceptances: r['acceptances'],
    }));
  }

  /** Per meeting, the most advanced outcome either party gives at its latest stage. */
  private async funnel(tx: EntityManager, editionId: string): Promise<{ funnel: FunnelStats[]; outcomes: Record<FeedbackOutcome, number> }> {
    const rows: Row[] = await tx.query(
      `WITH latest AS (
         SELECT DISTINCT ON (f.meeting_id, f.organization_id) f.meeting_id, f.outcome, f.rating
           FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id
          WHERE m.edition_id = $1
          ORDER BY f.meeting_id, f.organization_id, (f.stage = 'follow_up') DESC),
       per_meeting AS (
         SELECT meeting_id, max(array_position(${OUTCOME_ARRAY}, outcome)) AS rank, sum(rating)::int AS ratings, count(*)::int AS answers
           FROM latest GROUP BY meeting_id)
       SELECT m.sector,
              count(*) FILTER (WHERE b.meeting_id IS NOT NULL)::int AS placed,
              count(*) FILTER (WHERE m.status = 'held' OR p.meeting_id IS NOT NULL)::int AS held,
              count(p.meeting_id)::int AS with_feedback,
              count(*) FILTER (WHERE p.rank >= 2)::int AS follow_up_planned,
              count(*) FILTER (WHERE p.rank >= 3)::int AS agreement_expected,
              count(*) FILTER (WHERE p.rank >= 4)::int AS agreement_signed,
              coalesce(sum(p.ratings), 0)::int AS rating_sum,
              coalesce(sum(p.answers), 0)::int AS answers
         FROM meetings m
         LEFT JOIN bookings b ON b.meeting_id = m.id AND b.edition_id = $1
         LEFT JOIN per_meeting p ON p.meeting_id = m.id
        WHERE m.edition_id = $1 AND (b.meeting_id IS NOT NULL OR m.status IN ('held', 'no_show') OR p.meeting_id IS NOT NULL)
        GROUP BY m.sector`,
      [editionId],
    );
    const bySector = new Map(rows.map((r) => [r['sector'] as Sector, r]));
    const funnel = SECTORS.map((sector) => {
      const r = bySector.get(sector);
      const n = (k: string): number => (r ? r[k] : 0);
      return {
        sector,
        placed: n('placed'),
        held: n('held'),
        withFeedback: n('with_feedback'),
        followUpPlanned: n('follow_up_planned'),
        agreementExpected: n('agreement_expected'),
        agreementSigned: n('agreement_signed'),
        meanRating: n('answers') ? round(n('rating_sum') / n('answers')) : null,
      };
    });
    const counted: Row[] = await tx.query(
      `SELECT outcome, count(*)::int AS n FROM (
         SELECT DISTINCT ON (f.meeting_id, f.organization_id) f.outcome
           FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id
          WHERE m.edition_id = $1 ORDER BY f.meeting_id, f.organization_id, (f.stage = 'follow_up') DESC) latest
        GROUP BY outcome`,
      [editionId],
    );
    const outcomes = Object.fromEntries(FEEDBACK_OUTCOMES.map((o) => [o, 0])) as Record<FeedbackOutcome, number>;
    for (const r of counted) outcomes[r['outcome'] as FeedbackOutcome] = r['n'];
    return { funnel, outcomes };
  }

  /** Meetings either party reports as signed (latest stage): the next signing ceremony's list. */
  private async signedProjects(tx: EntityManager, editionId: string): Promise<SignedProjectView[]> {
    const rows: Row[] = await tx.query(
      `WITH latest AS (
         SELECT DISTINCT ON (f.meeting_id, f.organization_id) f.meeting_id, f.outcome, f.note
           FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id
          WHERE m.edition_id = $1
          ORDER BY f.meeting_id, f.organization_id, (f.stage = 'follow_up') DESC)
       SELECT m.id, m.sector, j.id AS jp_id, j.name_zh AS jp_zh, j.name_ja AS jp_ja, j.name_en AS jp_en,
              c.id AS cn_id, c.name_zh AS cn_zh, c.name_ja AS cn_ja, c.name_en AS cn_en,
              o.title_zh, o.title_ja, o.title_en,
              array_remove(array_agg(l.note ORDER BY l.note), NULL) AS notes
         FROM latest l
         JOIN meetings m ON m.id = l.meeting_id
         JOIN organizations j ON j.id = m.jp_organization_id
         JOIN organizations c ON c.id = m.cn_organization_id
         LEFT JOIN offers o ON o.id = m.offer_id
        WHERE l.outcome = 'agreement_signed'
        GROUP BY m.id, j.id, c.id, o.id
        ORDER BY m.sector, j.name_en, c.name_en`,
      [editionId],
    );
    return rows.map((r) => ({
      meetingId: r['id'],
      sector: r['sector'],
      jp: partyRef(r, 'jp_id', 'jp_'),
      cn: partyRef(r, 'cn_id', 'cn_'),
      offerTitle: r['title_zh'] ? { zh: r['title_zh'], ja: r['title_ja'], en: r['title_en'] } : null,
      notes: r['notes'],
    }));
  }
}

function explain(
  meetings: OrganizationWithoutMeetingView['meetings'],
  unplacedIds: string[],
  leftOut: Map<string, LeftOutView>,
  scheduled: boolean,
): { reason: NoMeetingReason; message: string } {
  if (meetings.accepted > 0) {
    const why = unplacedIds.map((id) => leftOut.get(id)).find(Boolean);
    const message = why
      ? `accepted meetings could not be placed: ${why.message}`
      : scheduled
        ? 'accepted meetings are waiting for the next scheduler run'
        : 'accepted meetings are waiting for the scheduler';
    return { reason: 'not_placed', message };
  }
  if (meetings.pending > 0 && meetings.refused === 0)
    return { reason: 'all_pending', message: `${meetings.pending} meeting request(s) still wait for an answer` };
  if (meetings.pending > 0) return { reason: 'all_pending', message: `${meetings.refused} request(s) refused; ${meetings.pending} still wait for an answer` };
  if (meetings.refused > 0) return { reason: 'none_accepted', message: `none of its ${meetings.refused} meeting request(s) was accepted` };
  return { reason: 'no_requests', message: 'it neither made nor received a meeting request' };
}

function sumCounts(rows: StatsCounts[]): StatsCounts {
  const total: StatsCounts = { requests: 0, approvals: 0, acceptances: 0, declines: 0, placed: 0 };
  for (const r of rows) for (const k of Object.keys(total) as (keyof StatsCounts)[]) total[k] += r[k];
  return total;
}

function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round(numerator / denominator) : null;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
