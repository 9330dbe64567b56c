import { createTestApp, TestApp } from './support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('health', { seed: false });
  });
  afterAll(() => t.close());

  it('answers 200 with the database up, without a token', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/offers', '/api/events/{eventId}']));
  });

  it('answers an unknown route with the error shape of the API', async () => {
    const res = await t.http.get('/api/nowhere');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not found' });
    expect(typeof res.body.message).toBe('string');
  });
});
