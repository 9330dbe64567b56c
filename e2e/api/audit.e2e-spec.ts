import { parse } from 'csv-parse/sync';
import { AuditEntryView, Page } from '@jinan/contracts';
import { demoParties, insertMeeting } from './reports-fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('the bureau\u2019s audit trail', () => {
  let t: TestApp;
  let editionId: string;
  let meeting: string;
  let bureauId: string;
  let cn1Id: string;

  beforeAll(async () => {
    t = await createTestApp('audit');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    const p = await demoParties(t);
    bureauId = p.bureauId;
    [{ id: cn1Id }] = await t.db.query(`SELECT id FROM users WHERE email = 'cn1@demo.test'`);
    // A request, then through the API: the bureau approves, cn1 accepts, the bureau runs the scheduler.
    meeting = await insertMeeting(t, editionId, { jp: p.jp[0], cn: p.cn[0], sector: 'health', status: 'requested', createdAt: new Date().toISOString() });
    const bureau = await t.as('bureau@demo.test');
    expect((await t.http.post(`/api/meetings/${meeting}/review`).set(bureau).send({ decision: 'approve' })).status).toBe(200);
    expect(
      (
        await t.http
          .post(`/api/meetings/${meeting}/respond`)
          .set(await t.as('cn1@demo.test'))
          .send({ decision: 'accept' })
      ).status,
    ).toBe(200);
    expect((await t.http.post(`/api/events/${editionId}/schedule/runs`).set(bureau).send({ seed: 1 })).status).toBe(202);
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM schedule_runs WHERE status IN ('succeeded', 'failed')`);
      if (n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, string | number> = {}): Promise<Page<AuditEntryView>> => {
    const res = await t.http
      .get(`/api/events/${editionId}/audit`)
      .query(query)
      .set(await t.as('bureau@demo.test'));
    expect(res.status).toBe(200);
    return res.body;
  };

  it('rejects a caller without a token, and any caller but the bureau', async () => {
    expect((await t.http.get(`/api/events/${editionId}/audit`)).status).toBe(401);
    expect((await t.http.get(`/api/events/${editionId}/audit`).set(await t.as('jp1@demo.test'))).status).toBe(403);
  });

  it('merges bureau actions and meeting transitions, newest first, each bureau move once', async () => {
    const all = await list({ pageSize: 100 });
    const actions = all.items.map((e) => `${e.source}:${e.action}`);
    // Newest first: the scheduler's move, the run itself, cn1's acceptance, the approval (kept once, from the audit log).
    expect(actions).toEqual(expect.arrayContaining(['bureau:schedule.run', 'meeting:meeting.accept', 'bureau:meeting.approve', 'meeting:meeting.schedule']));
    expect(actions.filter((a) => a.endsWith('meeting.approve'))).toEqual(['bureau:meeting.approve']);
    const approve = all.items.find((e) => e.action === 'meeting.approve')!;
    expect(approve).toMatchObject({
      entity: 'meeting',
      entityId: meeting,
      actor: { id: bureauId, role: 'bureau', name: '王芳 (Wang Fang)' },
      details: { from: 'requested', to: 'approved' },
    });
    const times = all.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by actor, action, entity, source and time, and pages', async () => {
    expect((await list({ actor: cn1Id })).items.map((e) => e.action)).toEqual(['meeting.accept']);
    expect((await list({ action: 'schedule.run' })).items).toHaveLength(1);
    expect((await list({ entity: meeting, source: 'meeting' })).items.map((e) => e.action)).toEqual(expect.arrayContaining(['meeting.accept']));
    expect((await list({ entity: 'schedule_run' })).total).toBe(1);
    expect((await list({ from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' })).total).toBe(0);
    const total = (await list()).total;
    const page2 = await list({ page: 2, pageSize: 1 });
    expect(page2).toMatchObject({ page: 2, pageSize: 1, total });
    expect(page2.items).toHaveLength(1);
    const bad = await t.http
      .get(`/api/events/${editionId}/audit`)
      .query({ from: 'yesterday', actor: 'x' })
      .set(await t.as('bureau@demo.test'));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['actor', 'from']);
  });

  it('exports the filtered trail as CSV, names intact', async () => {
    const res = await t.http
      .get(`/api/events/${editionId}/audit.csv`)
      .query({ source: 'bureau' })
      .set(await t.as('bureau@demo.test'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const rows: Record<string, string>[] = parse(res.body as Buffer, { bom: true, columns: true });
    expect(rows.every((r) => r.source === 'bureau')).toBe(true);
    expect(rows.find((r) => r.action === 'meeting.approve')).toMatchObject({ actor_name: '王芳 (Wang Fang)', entity_id: meeting });
    expect(JSON.parse(rows.find((r) => r.action === 'meeting.approve')!.details)).toEqual({ from: 'requested', to: 'approved' });
  });
});
