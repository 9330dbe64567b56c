import { ALGORITHM_VERSION, DEFAULT_WEIGHTS } from '@jinan/matching';
import { MatchScoreService } from '../../apps/api/src/matching/match-score.service';
import { createTestApp, TestApp } from './support/test-app';

interface Part {
  name: string;
  points: number;
  reason: { key: string; params: Record<string, unknown> };
}
interface OfferRec {
  rank: number;
  score: number;
  parts: Part[];
  offer: { id: string; titleZh: string; sector: string };
  company: { id: string; name: { zh: string | null } };
}

/** Two health offers of one company, alike but for what they are about. */
const devices = {
  sector: 'health',
  cooperationType: 'technology_licensing',
  titleZh: '医疗器械灭菌技术合作',
  titleJa: '医療機器の滅菌技術提携',
  summaryZh: '寻求医疗器械低温灭菌技术许可，建设区域医疗器械消毒供应中心。',
  summaryEn: 'Seeking a licence for low-temperature sterilisation of medical devices.',
  investmentMinMcny: 5,
  investmentMaxMcny: 20,
};
const elderlyCare = {
  ...devices,
  titleZh: '社区养老服务连锁运营',
  titleJa: '地域介護サービスの運営提携',
  summaryZh: '寻求社区居家养老服务运营经验，共建日间照料中心。',
  summaryEn: 'Seeking know-how in running community day-care centres for the elderly.',
};

describe('matching', () => {
  let t: TestApp;
  let editionId: string;
  let jp1Org: string;
  let jp2Org: string;
  let cn1Org: string;
  let devicesId: string;
  let elderlyCareId: string;
  let firstRunId: string;

  const waitForRun = async (runId: string) => {
    const headers = await t.as('bureau@demo.test');
    for (let i = 0; i < 300; i++) {
      const res = await t.http.get(`/api/events/${editionId}/matching/runs/${runId}`).set(headers);
      if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`run ${runId} did not finish`);
  };
  const startRun = async () => {
    const res = await t.http.post(`/api/events/${editionId}/matching/runs`).set(await t.as('bureau@demo.test'));
    expect(res.status).toBe(202);
    return waitForRun(res.body.id);
  };
  const recommendationsOf = async (email: string, query = '') => t.http.get(`/api/events/${editionId}/recommendations${query}`).set(await t.as(email));
  const publish = async (body: object) => {
    const headers = await t.as('cn1@demo.test');
    const created = await t.http.post('/api/offers').set(headers).send(body);
    expect(created.status).toBe(201);
    expect((await t.http.post(`/api/offers/${created.body.id}/publish`).set(headers)).status).toBe(200);
    return created.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp('matching');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    const org = async (email: string) => (await t.db.query('SELECT organization_id FROM users WHERE email = $1', [email]))[0].organization_id as string;
    [jp1Org, jp2Org, cn1Org] = [await org('jp1@demo.test'), await org('jp2@demo.test'), await org('cn1@demo.test')];
  });
  afterAll(() => t.close());

  it('rejects a caller without a token', async () => {
    expect((await t.http.post(`/api/events/${editionId}/matching/runs`)).status).toBe(401);
    expect((await t.http.get(`/api/events/${editionId}/recommendations`)).status).toBe(401);
  });

  it('lets only the bureau start runs, and a firm see only its own recommendations', async () => {
    for (const email of ['jp1@demo.test', 'cn1@demo.test']) {
      expect((await t.http.post(`/api/events/${editionId}/matching/runs`).set(await t.as(email))).status).toBe(403);
    }
    expect((await recommendationsOf('cn1@demo.test')).status).toBe(403);
    expect((await recommendationsOf('jp1@demo.test', `?organizationId=${jp2Org}`)).status).toBe(403);
  });

  it.each([
    ['a limit above 50', '?limit=1000', 'limit'],
    ['a limit that is not a number', '?limit=many', 'limit'],
    ['an organizationId that is not a UUID', '?organizationId=bad', 'organizationId'],
    ['no organizationId for the bureau', '', 'organizationId'],
  ])('refuses %s with 400 naming the field', async (_label, query, field) => {
    const res = await recommendationsOf('bureau@demo.test', query);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers with no results and no run before the first run', async () => {
    const res = await recommendationsOf('jp1@demo.test');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organizationId: jp1Org, runId: null, computedAt: null, stale: false, offers: [], companies: [] });
  });

  it('runs in the background and stores ranked recommendations with parts and reasons', async () => {
    // A firm that seeks medical devices, in Japanese (shinjitai) only.
    const patched = await t.http
      .patch(`/api/organizations/${jp1Org}`)
      .set(await t.as('jp1@demo.test'))
      .send({ sectors: ['health'], cooperationTypes: ['technology_licensing'], seeksJa: '医療機器の滅菌・消毒技術', seeksEn: null });
    expect(patched.status).toBe(200);
    // Changing sectors sends a verified firm back to review (trust, issue 14); the bureau verifies it again.
    const reverified = await t.http
      .post(`/api/organizations/${jp1Org}/verification`)
      .set(await t.as('bureau@demo.test'))
      .send({ decision: 'verified' });
    expect(reverified.status).toBe(200);
    devicesId = await publish(devices);
    elderlyCareId = await publish(elderlyCare);

    const run = await startRun();
    firstRunId = run.id;
    const [{ firms, offers }] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM organizations WHERE country = 'JP' AND verification = 'verified') AS firms,
              (SELECT count(*)::int FROM offers o JOIN organizations c ON c.id = o.organization_id WHERE o.status = 'published' AND c.verification = 'verified') AS offers`,
    );
    expect(run).toMatchObject({
      status: 'succeeded',
      progress: 100,
      algorithmVersion: ALGORITHM_VERSION,
      weightsVersion: DEFAULT_WEIGHTS.version,
      firms,
      offers,
      error: null,
    });
    expect(Date.parse(run.inputAt)).toBeLessThanOrEqual(Date.parse(run.finishedAt));

    const res = await recommendationsOf('jp1@demo.test', '?limit=50');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ runId: run.id, organizationId: jp1Org, algorithmVersion: ALGORITHM_VERSION, stale: false, computedAt: run.finishedAt });
    const recs: OfferRec[] = res.body.offers;
    expect(recs).toHaveLength(20);
    expect(recs.map((r) => r.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (let i = 1; i < recs.length; i++) expect(recs[i].score).toBeLessThanOrEqual(recs[i - 1].score);
    for (const r of recs) {
      expect(r.parts.map((p) => p.name)).toEqual(['sector', 'cooperation', 'text', 'scale', 'language', 'spread']);
      for (const p of r.parts) expect(p.reason.key).toMatch(/^matching\.reason\./);
      expect(r.company.name.zh).toBeTruthy();
    }
    expect(res.body.companies.length).toBeGreaterThan(0);
    expect(res.body.companies.length).toBeLessThanOrEqual(10);
    expect(res.body.companies[0]).toMatchObject({
      rank: 1,
      bestOfferId: expect.any(String),
      offerIds: expect.arrayContaining([res.body.companies[0].bestOfferId]),
    });
    // The lists are PostgreSQL's JSON sent as they are: exactly the contract's fields, from the rows.
    const [offerRow] = await t.db.query(
      `SELECT r.score::float8 AS score, r.parts, o.id, o.sector, o.cooperation_type, o.title_zh, o.title_ja, o.title_en, c.id AS company_id, c.name_zh, c.name_ja, c.name_en
         FROM recommendations r JOIN offers o ON o.id = r.offer_id JOIN organizations c ON c.id = r.cn_organization_id
        WHERE r.run_id = $1 AND r.jp_organization_id = $2 AND r.kind = 'offer' AND r.rank = 1`,
      [run.id, jp1Org],
    );
    expect(recs[0]).toEqual({
      rank: 1,
      score: offerRow.score,
      parts: offerRow.parts,
      offer: {
        id: offerRow.id,
        sector: offerRow.sector,
        cooperationType: offerRow.cooperation_type,
        titleZh: offerRow.title_zh,
        titleJa: offerRow.title_ja,
        titleEn: offerRow.title_en,
      },
      company: { id: offerRow.company_id, name: { zh: offerRow.name_zh, ja: offerRow.name_ja, en: offerRow.name_en } },
    });
    const [companyRow] = await t.db.query(
      `SELECT r.score::float8 AS score, r.parts, r.offer_id, r.offer_ids, c.id, c.name_zh, c.name_ja, c.name_en
         FROM recommendations r JOIN organizations c ON c.id = r.cn_organization_id
        WHERE r.run_id = $1 AND r.jp_organization_id = $2 AND r.kind = 'company' AND r.rank = 1`,
      [run.id, jp1Org],
    );
    expect(res.body.companies[0]).toEqual({
      rank: 1,
      score: companyRow.score,
      parts: companyRow.parts,
      company: { id: companyRow.id, name: { zh: companyRow.name_zh, ja: companyRow.name_ja, en: companyRow.name_en } },
      bestOfferId: companyRow.offer_id,
      offerIds: companyRow.offer_ids,
    });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('ranks a Chinese 医疗器械 offer above an unrelated health offer for a firm that seeks 医療機器', async () => {
    const recs: OfferRec[] = (await recommendationsOf('jp1@demo.test', '?limit=50')).body.offers;
    const ours = recs.find((r) => r.offer.id === devicesId);
    expect(ours).toBeDefined();
    expect(ours!.parts.find((p) => p.name === 'text')!.reason.key).toMatch(/text\.(strong|some)$/);
    const other = recs.find((r) => r.offer.id === elderlyCareId);
    // The firm wrote 医療機器 (shinjitai), the offer 医疗器械 (simplified): the engine folds both.
    expect(ours!.rank).toBeLessThanOrEqual(3);
    // The other offer, alike in all but its subject, does not make the top 20.
    expect(other).toBeUndefined();
  });

  it('lets the bureau read any firm, with a limit', async () => {
    const res = await recommendationsOf('bureau@demo.test', `?organizationId=${jp2Org}&limit=3`);
    expect(res.status).toBe(200);
    expect(res.body.organizationId).toBe(jp2Org);
    expect(res.body.offers).toHaveLength(3);
    expect(res.body.companies).toHaveLength(3);
  });

  it('gives other modules the stored score of a pair, or null outside the recommendations', async () => {
    const scores = t.app.get(MatchScoreService);
    const recs: OfferRec[] = (await recommendationsOf('jp1@demo.test')).body.offers;
    const ours = recs.find((r) => r.offer.id === devicesId)!;
    expect(await scores.scoreFor(editionId, jp1Org, cn1Org, devicesId)).toBe(ours.score);
    const best = Math.max(...recs.filter((r) => r.company.id === cn1Org).map((r) => r.score));
    expect(await scores.scoreFor(editionId, jp1Org, cn1Org, null)).toBe(best);
    expect(
      await scores.scoresFor(editionId, [
        { jpOrganizationId: jp1Org, cnOrganizationId: cn1Org, offerId: devicesId },
        { jpOrganizationId: jp1Org, cnOrganizationId: jp2Org, offerId: null },
      ]),
    ).toEqual([ours.score, null]);
  });

  it('shows the Ji’nan company the match score of an incoming request', async () => {
    const recs: OfferRec[] = (await recommendationsOf('jp1@demo.test')).body.offers;
    const ours = recs.find((r) => r.offer.id === devicesId)!;
    const requested = await t.http
      .post(`/api/events/${editionId}/meetings`)
      .set(await t.as('jp1@demo.test'))
      .send({ counterpartId: cn1Org, offerId: devicesId, message: '医療機器について', priority: 1 });
    expect(requested.status).toBe(201);
    await t.http
      .post(`/api/meetings/${requested.body.id}/review`)
      .set(await t.as('bureau@demo.test'))
      .send({ decision: 'approve' });
    const incoming = await t.http.get(`/api/events/${editionId}/meetings`).set(await t.as('cn1@demo.test'));
    const meeting = incoming.body.items.find((m: { id: string }) => m.id === requested.body.id);
    expect(meeting.matchScore).toBe(ours.score);
  });

  it('marks the results stale once an offer changes after the run', async () => {
    const edited = await t.http
      .patch(`/api/offers/${elderlyCareId}`)
      .set(await t.as('cn1@demo.test'))
      .send({ titleZh: '社区养老与康复服务连锁运营' });
    expect(edited.status).toBe(200);
    const res = await recommendationsOf('jp1@demo.test');
    expect(res.body).toMatchObject({ runId: firstRunId, stale: true });
  });

  it('refuses a second run while one is queued or running with 409', async () => {
    // As if another instance's run were in flight.
    const [{ id }] = await t.db.query(`INSERT INTO matching_runs (edition_id, status) VALUES ($1, 'running') RETURNING id`, [editionId]);
    const res = await t.http.post(`/api/events/${editionId}/matching/runs`).set(await t.as('bureau@demo.test'));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MATCHING_RUN_IN_PROGRESS');
    await t.db.query(`UPDATE matching_runs SET status = 'failed', finished_at = now() WHERE id = $1`, [id]);
  });

  it('replaces the previous results atomically and is fresh again after a new run', async () => {
    const run = await startRun();
    expect(run.status).toBe('succeeded');
    const runs = await t.db.query('SELECT DISTINCT run_id FROM recommendations WHERE edition_id = $1', [editionId]);
    expect(runs).toEqual([{ run_id: run.id }]);
    const res = await recommendationsOf('jp1@demo.test');
    expect(res.body).toMatchObject({ runId: run.id, stale: false });
  });

  it("marks stale only the firm whose profile changed, and every firm once an offer's company changes", async () => {
    const staleOf = async (org: string) => (await recommendationsOf('bureau@demo.test', `?organizationId=${org}`)).body.stale;
    await startRun();
    await t.db.query(`UPDATE organizations SET seeks_en = 'rehabilitation robots and elderly care' WHERE id = $1`, [jp2Org]);
    expect([await staleOf(jp1Org), await staleOf(jp2Org)]).toEqual([false, true]);
    // A change of the company's languages (whatever they are now) moves the scores of its offers for every firm.
    await t.db.query(`UPDATE organizations SET languages = CASE WHEN languages = '{zh}' THEN '{zh,en}'::text[] ELSE '{zh}' END WHERE id = $1`, [cn1Org]);
    expect([await staleOf(jp1Org), await staleOf(jp2Org)]).toEqual([true, true]);
  });

  it('answers 404 for a run of another event', async () => {
    const res = await t.http.get(`/api/events/00000000-0000-4000-8000-000000000000/matching/runs/${firstRunId}`).set(await t.as('bureau@demo.test'));
    expect(res.status).toBe(404);
  });
});

/** With pg-boss running, a run is a 'matching-run' job that one instance executes. */
describe('matching runs on pg-boss', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('matching_jobs', { env: { JOBS_ENABLED: 'true' } });
  });
  afterAll(() => t?.close());

  it('executes a run through the matching-run queue, with a cron tick for anything missed', async () => {
    const schedules = await t.db.query(`SELECT name, cron FROM pgboss.schedule WHERE name = 'matching-run'`);
    expect(schedules).toEqual([{ name: 'matching-run', cron: '*/10 * * * *' }]);
    const headers = await t.as('bureau@demo.test');
    const editionId = (await t.http.get('/api/events').set(headers)).body[0].id;
    const created = await t.http.post(`/api/events/${editionId}/matching/runs`).set(headers);
    expect(created.status).toBe(202);
    // The worker polls every 5 s; wait for it rather than calling it.
    const deadline = Date.now() + 30_000;
    let status = created.body.status;
    while (Date.now() < deadline && status !== 'succeeded' && status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await t.http.get(`/api/events/${editionId}/matching/runs/${created.body.id}`).set(headers)).body.status;
    }
    expect(status).toBe('succeeded');
    const [{ jobs }] = await t.db.query(`SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'matching-run'`);
    expect(jobs).toBeGreaterThan(0);
  });
});
