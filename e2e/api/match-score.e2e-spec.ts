import { MatchScoreService } from '../../apps/api/src/matching/match-score.service';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A request's match score exists from the moment it is made: before any matching run, and for
 * pairs no run lists, MatchScoreService scores the pair on demand with the engine.
 */
describe('match score of a pair no run covers', () => {
  let t: TestApp;
  let editionId: string;
  let jp1Org: string;
  let cn1Org: string;
  let offerId: string;

  beforeAll(async () => {
    t = await createTestApp('match-score');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    const org = async (email: string) => (await t.db.query('SELECT organization_id FROM users WHERE email = $1', [email]))[0].organization_id as string;
    [jp1Org, cn1Org] = [await org('jp1@demo.test'), await org('cn1@demo.test')];
    const headers = await t.as('cn1@demo.test');
    const created = await t.http.post('/api/offers').set(headers).send({
      sector: 'environment',
      cooperationType: 'joint_venture',
      titleZh: '氢燃料电池汽车示范项目',
      summaryZh: '建设加氢站，推广氢燃料电池公交车。',
      titleJa: '水素燃料電池車の実証事業',
      summaryJa: '水素ステーションを建設し、燃料電池バスを普及させます。',
    });
    expect(created.status).toBe(201);
    expect((await t.http.post(`/api/offers/${created.body.id}/publish`).set(headers)).status).toBe(200);
    offerId = created.body.id;
  });
  afterAll(() => t.close());

  it('has no run yet, and still scores the pair, for the offer and for the company', async () => {
    expect((await t.db.query(`SELECT count(*)::int AS n FROM matching_runs WHERE status = 'succeeded'`))[0].n).toBe(0);
    const scores = t.app.get(MatchScoreService);
    const [forOffer, forCompany] = await scores.scoresFor(editionId, [
      { jpOrganizationId: jp1Org, cnOrganizationId: cn1Org, offerId },
      { jpOrganizationId: jp1Org, cnOrganizationId: cn1Org, offerId: null },
    ]);
    expect(forOffer).toBeGreaterThan(0);
    expect(forOffer).toBeLessThanOrEqual(100);
    expect(forCompany).toBeGreaterThanOrEqual(forOffer as number);
    const [parts] = await scores.partsFor(editionId, [{ jpOrganizationId: jp1Org, cnOrganizationId: cn1Org, offerId }]);
    expect(parts?.length).toBeGreaterThan(0);
  });

  it('shows the Ji’nan company and the bureau the score of a request the moment it is made', async () => {
    const requested = await t.http
      .post(`/api/events/${editionId}/meetings`)
      .set(await t.as('jp1@demo.test'))
      .send({ counterpartId: cn1Org, offerId, message: '水素について', priority: 1 });
    expect(requested.status).toBe(201);
    for (const email of ['cn1@demo.test', 'bureau@demo.test']) {
      const list = await t.http.get(`/api/events/${editionId}/meetings`).set(await t.as(email));
      const meeting = list.body.items.find((m: { id: string }) => m.id === requested.body.id);
      expect(typeof meeting?.matchScore).toBe('number');
    }
  });

  it('has nothing to score for a company without published offers', async () => {
    const scores = t.app.get(MatchScoreService);
    expect(await scores.scoreFor(editionId, jp1Org, jp1Org, null)).toBeNull();
  });
});
