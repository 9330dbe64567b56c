import { createTestApp, TestApp } from './support/test-app';

const BUREAU = 'bureau@demo.test';

/** Key projects for the signing ceremony: bureau only, a meeting or its signed outcome, listed, printed in zh and ja, counted, exported. */
describe('key projects', () => {
  let t: TestApp;
  let editionId: string;
  let meetingId: string;
  let otherMeetingId: string;
  const body = (over: object = {}) => ({
    meetingId,
    titleZh: '中日医疗创新中心合作项目',
    titleJa: '日中医療イノベーションセンター協力プロジェクト',
    titleEn: 'China–Japan Medical Innovation Centre cooperation',
    signingParties: ['住友商事株式会社', '济南泉城医疗器械有限公司'],
    ...over,
  });
  const post = async (email: string, payload: object) =>
    t.http
      .post(`/api/events/${editionId}/key-projects`)
      .set(await t.as(email))
      .send(payload);

  beforeAll(async () => {
    t = await createTestApp('key_projects');
    editionId = (await t.db.query('SELECT id FROM editions WHERE year = 2027'))[0].id;
    const org: Record<string, string> = {};
    for (const row of await t.db.query(`SELECT email, organization_id FROM users WHERE email LIKE '%@demo.test'`)) org[row.email] = row.organization_id;
    const insert = async (jp: string, cn: string, status: string) =>
      (
        await t.db.query(
          `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, priority, status, jp_accepted_at, cn_accepted_at, answer_deadline)
           SELECT $1, $2, $3, 'request', sectors[1], 2, $4, now(), now(), CASE WHEN $4 = 'requested' THEN now() + interval '1 day' END FROM organizations WHERE id = $3 RETURNING id`,
          [editionId, org[jp], org[cn], status],
        )
      )[0].id as string;
    meetingId = await insert('jp1@demo.test', 'cn1@demo.test', 'accepted');
    otherMeetingId = await insert('jp2@demo.test', 'cn2@demo.test', 'requested');
  });
  afterAll(() => t.close());

  it('is the bureau\u2019s only: parties get 403 on every route', async () => {
    for (const email of ['jp1@demo.test', 'cn1@demo.test']) {
      expect((await post(email, body())).status).toBe(403);
      const headers = await t.as(email);
      for (const path of ['', '/print', '/export.csv'])
        expect((await t.http.get(`/api/events/${editionId}/key-projects${path}`).set(headers)).status).toBe(403);
    }
    expect((await t.http.get(`/api/events/${editionId}/key-projects`)).status).toBe(401);
  });

  it('refuses bad input naming the field, a meeting that does not take place, and an outcome nobody signed', async () => {
    const bad = await post(BUREAU, body({ titleJa: '', signingParties: [] }));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['signingParties', 'titleJa']);
    expect((await post(BUREAU, body({ meetingId: otherMeetingId }))).body.code).toBe('KEY_PROJECT_MEETING_NOT_TAKING_PLACE');
    expect((await post(BUREAU, body({ meetingId: '00000000-0000-4000-8000-000000000000' }))).status).toBe(404);
    const unsigned = await post(BUREAU, body({ fromSignedOutcome: true }));
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.code).toBe('KEY_PROJECT_NO_SIGNED_OUTCOME');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM key_projects`)).toEqual([{ n: 0 }]);
  });

  it('marks a signed outcome as a key project, once, audited; lists it and counts it on the dashboard', async () => {
    const [cn] = await t.db.query(`SELECT cn_organization_id AS id FROM meetings WHERE id = $1`, [meetingId]);
    await t.db.query(`INSERT INTO meeting_feedback (meeting_id, organization_id, stage, rating, outcome) VALUES ($1, $2, 'initial', 4, 'agreement_signed')`, [
      meetingId,
      cn.id,
    ]);
    const created = await post(BUREAU, body({ fromSignedOutcome: true }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ meetingId, fromSignedOutcome: true, signingParties: ['住友商事株式会社', '济南泉城医疗器械有限公司'] });
    expect((await post(BUREAU, body())).body.code).toBe('KEY_PROJECT_EXISTS');
    const list = await t.http.get(`/api/events/${editionId}/key-projects`).set(await t.as(BUREAU));
    expect(list.body.map((k: { id: string }) => k.id)).toEqual([created.body.id]);
    expect(list.body[0].title.ja).toBe('日中医療イノベーションセンター協力プロジェクト');
    const stats = await t.http.get(`/api/events/${editionId}/stats`).set(await t.as(BUREAU));
    expect(stats.body.keyProjects).toEqual({ total: 1, fromSignedOutcomes: 1 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'key_project.create' AND entity_id = $1`, [created.body.id]);
    expect(n).toBe(1);
  });

  it('prints in Chinese and in Japanese, escaping what was typed', async () => {
    await t.db.query(`UPDATE key_projects SET signing_parties = '["<script>x</script>", "株式会社A"]'`);
    const zh = await t.http.get(`/api/events/${editionId}/key-projects/print`).set(await t.as(BUREAU));
    expect(zh.status).toBe(200);
    expect(zh.headers['content-type']).toMatch(/^text\/html/);
    expect(zh.text).toContain('<html lang="zh-CN">');
    expect(zh.text).toContain('重点项目签约仪式');
    expect(zh.text).toContain('中日医疗创新中心合作项目');
    expect(zh.text).not.toContain('<script>');
    const ja = await t.http.get(`/api/events/${editionId}/key-projects/print?locale=ja`).set(await t.as(BUREAU));
    expect(ja.text).toContain('<html lang="ja">');
    expect(ja.text).toContain('重点プロジェクト調印式');
    expect(ja.text).toContain('日中医療イノベーションセンター協力プロジェクト');
    expect(ja.text).not.toContain('中日医疗创新中心合作项目');
    expect((await t.http.get(`/api/events/${editionId}/key-projects/print?locale=fr`).set(await t.as(BUREAU))).status).toBe(400);
  });

  it('exports a CSV with the three titles and the parties', async () => {
    const res = await t.http.get(`/api/events/${editionId}/key-projects/export.csv`).set(await t.as(BUREAU));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'key_project_id,meeting_id,sector,title_zh,title_ja,title_en,signing_parties,japanese_firm,jinan_company,from_signed_outcome,marked_at',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('中日医疗创新中心合作项目');
    expect(lines[1]).toContain('<script>x</script> / 株式会社A');
  });

  it('the bureau can take a key project off the list', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM key_projects`);
    const removed = await t.http.delete(`/api/events/${editionId}/key-projects/${id}`).set(await t.as(BUREAU));
    expect(removed.status).toBe(204);
    expect((await t.http.delete(`/api/events/${editionId}/key-projects/${id}`).set(await t.as(BUREAU))).status).toBe(404);
    expect((await t.http.get(`/api/events/${editionId}/key-projects`).set(await t.as(BUREAU))).body).toEqual([]);
  });
});
