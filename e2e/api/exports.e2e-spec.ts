import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { AddressInfo } from 'node:net';
import http from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { book, demoParties, DemoParties, insertMeeting } from './reports-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('CSV exports for the bureau', () => {
  let t: TestApp;
  let editionId: string;
  let p: DemoParties;
  let booked: string;

  beforeAll(async () => {
    t = await createTestApp('exports');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    p = await demoParties(t);
    booked = await insertMeeting(t, editionId, {
      jp: p.jp[0],
      cn: p.cn[0],
      sector: 'health',
      status: 'scheduled',
      createdAt: '2027-03-01T02:00:00Z',
      published: true,
    });
    await book(t, booked, 'health', 0, 0, 1);
    await insertMeeting(t, editionId, { jp: p.jp[1], cn: p.cn[1], sector: 'digital', status: 'requested', createdAt: '2027-03-02T02:00:00Z' });
  });
  afterAll(() => t.close());

  const get = async (path: string) => {
    const res = await t.http
      .get(`/api/events/${editionId}/exports/${path}`)
      .set(await t.as('bureau@demo.test'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = res.body as Buffer;
    expect(body.subarray(0, 3)).toEqual(BOM);
    return parseSync(body, { bom: true, columns: true }) as Record<string, string>[];
  };

  it('rejects a caller without a token, and any caller but the bureau', async () => {
    expect((await t.http.get(`/api/events/${editionId}/exports/meetings.csv`)).status).toBe(401);
    expect((await t.http.get(`/api/events/${editionId}/exports/meetings.csv`).set(await t.as('jp1@demo.test'))).status).toBe(403);
    expect((await t.http.get(`/api/events/${editionId}/audit.csv`).set(await t.as('cn1@demo.test'))).status).toBe(403);
  });

  it('exports meetings with Chinese and Japanese intact and both time zones', async () => {
    const rows = await get('meetings.csv');
    expect(rows).toHaveLength(2);
    const [jp] = await t.db.query(`SELECT name_ja FROM organizations WHERE id = $1`, [p.jp[0]]);
    const [cn] = await t.db.query(`SELECT name_zh FROM organizations WHERE id = $1`, [p.cn[0]]);
    expect(jp.name_ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(rows[0]).toMatchObject({
      meeting_id: booked,
      status: 'scheduled',
      japanese_firm_ja: jp.name_ja,
      jinan_company_zh: cn.name_zh,
      requested_at: '2027-03-01 10:00', // 02:00 UTC in Ji'nan
      starts_at_event: '2027-05-27 13:30',
      ends_at_event: '2027-05-27 13:50',
      starts_at_tokyo: '2027-05-27 14:30',
      table: '1',
      venue: 'Hall A',
      published: 'yes',
    });
    expect(rows[1]).toMatchObject({ status: 'requested', starts_at_event: '', table: '' });
    expect(Object.keys(rows[0])).not.toContain('email');
  });

  it('exports the whole schedule grid, free tables included', async () => {
    const rows = await get('schedule.csv');
    // 3 sectors × (12 + 9 + 9 slots) × 40 tables.
    expect(rows).toHaveLength(3600);
    const filled = rows.filter((r) => r.meeting_id);
    expect(filled).toEqual([
      expect.objectContaining({
        meeting_id: booked,
        date: '2027-05-27',
        session_sector: 'health',
        session_zh: '大健康产业洽谈会',
        session_ja: 'ヘルスケア産業商談会',
        table: '1',
        slot_starts_at_tokyo: '2027-05-27 14:30',
      }),
    ]);
  });

  it('exports the organizations taking part with their meeting counts', async () => {
    const rows = await get('organizations.csv');
    const jp1 = rows.find((r) => r.organization_id === p.jp[0]);
    expect(jp1).toMatchObject({ country: 'JP', meetings: '1', meetings_accepted: '1', meetings_placed: '1' });
    expect(jp1!.name_ja).toMatch(/株式会社/);
  });

  it('streams a 50,000-meeting export with the heap staying bounded', async () => {
    // 250 Japanese firms × 200 Ji'nan companies = 50,000 distinct pairs.
    await t.db.query(`
      INSERT INTO organizations (country, name_zh, name_ja, name_en, sectors, size_band, languages, verification)
      SELECT 'JP', NULL, '大規模テスト株式会社' || i, 'Load Test ' || i, '{health}', 'medium', '{ja}', 'verified' FROM generate_series(1, 250) i`);
    await t.db.query(`
      INSERT INTO organizations (country, name_zh, name_ja, name_en, sectors, size_band, languages, verification)
      SELECT 'CN', '济南负载测试有限公司' || i, NULL, 'Jinan Load ' || i, '{health}', 'medium', '{zh}', 'verified' FROM generate_series(1, 200) i`);
    await t.db.query(
      `INSERT INTO meetings (edition_id, jp_organization_id, cn_organization_id, origin, sector, status, message)
       SELECT $1, j.id, c.id, 'request', 'health', 'accepted', '希望与贵公司洽谈合作：医疗器械与康养服务。'
         FROM organizations j CROSS JOIN organizations c
        WHERE j.name_en LIKE 'Load Test %' AND c.name_en LIKE 'Jinan Load %'`,
      [editionId],
    );

    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const token = await t.token('bureau@demo.test');

    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    let nextSample = 0;
    let records = 0;
    let loadRows = 0;
    await new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: `/api/events/${editionId}/exports/meetings.csv`, headers: { Authorization: `Bearer ${token}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['transfer-encoding']).toBe('chunked');
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            // Every 1 MB received: collect, then measure what the process still holds.
            if (bytes >= nextSample) {
              nextSample += 1 << 20;
              gc();
              peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
            }
          });
          const parser = res.pipe(parse({ bom: true, columns: true }));
          parser.on('data', (row: Record<string, string>) => {
            records++;
            if (/^济南负载测试有限公司\d+$/.test(row['jinan_company_zh']) && /^大規模テスト株式会社\d+$/.test(row['japanese_firm_ja'])) loadRows++;
          });
          parser.on('end', resolve);
          parser.on('error', reject);
        },
      );
      req.on('error', reject);
    });
    // eslint-disable-next-line no-console
    console.log(`meetings.csv: ${records} rows, ${(bytes / 1e6).toFixed(1)} MB streamed, peak live heap growth ${(peak / 1e6).toFixed(1)} MB`);
    expect(records).toBe(50_002);
    expect(loadRows).toBe(50_000);
    expect(bytes).toBeGreaterThan(8e6);
    // Holding the rows would keep well over the export's own size alive; streaming keeps a few batches.
    expect(peak).toBeLessThan(Math.min(bytes / 4, 8e6));
  });
});
