import { Browser } from 'playwright-core';
import type { EditionStatsView } from '@jinan/contracts';
import { api, apiToken, describeInBrowser, expectNoRawKeys, launchBrowser, openPage, screenshot, signIn } from './support/browser';

describeInBrowser('the bureau\u2019s dashboard', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  it('draws its charts with the live figures after a request is approved and accepted', async () => {
    // jp3 asks cn3's company for a meeting; the bureau approves it; cn3 accepts.
    const [jp, cn, bureau] = await Promise.all(['jp3@demo.test', 'cn3@demo.test', 'bureau@demo.test'].map((e) => apiToken(e)));
    const [edition] = await api<{ id: string }[]>('GET', '/events', undefined, bureau);
    const me = await api<{ organizationId: string }>('GET', '/me', undefined, cn);
    const existing = await api<{ items: { id: string; cnOrganization: { id: string } }[] }>(
      'GET',
      `/events/${edition.id}/meetings?pageSize=100`,
      undefined,
      jp,
    );
    if (!existing.items.some((m) => m.cnOrganization.id === me.organizationId)) {
      const meeting = await api<{ id: string }>(
        'POST',
        `/events/${edition.id}/meetings`,
        { counterpartId: me.organizationId, message: '御社との協業を希望します' },
        jp,
      );
      await api('POST', `/meetings/${meeting.id}/review`, { decision: 'approve' }, bureau);
      await api('POST', `/meetings/${meeting.id}/respond`, { decision: 'accept' }, cn);
    }
    const stats = await api<EditionStatsView>('GET', `/events/${edition.id}/stats`, undefined, bureau);
    expect(stats.totals.requests).toBeGreaterThanOrEqual(1);
    expect(stats.totals.acceptances).toBeGreaterThanOrEqual(1);

    const page = await openPage(browser, 'zh-CN');
    await signIn(page, 'bureau@demo.test');
    await page.goto('/reports/dashboard');
    // The title arrives with the zh-CN translations: wait for it by its exact name (innerText read at once found it still empty).
    await page.getByRole('heading', { level: 1, name: '实时数据', exact: true }).waitFor();
    // Four charts drawn (ECharts renders into a canvas), each carrying the numbers it plots.
    for (const chart of ['sector', 'day', 'funnel', 'offers']) {
      await page.locator(`[data-chart="${chart}"] canvas`).first().waitFor();
    }
    const series = async (chart: string) => JSON.parse((await page.locator(`[data-chart="${chart}"]`).getAttribute('data-series')) ?? 'null');
    expect(await series('sector')).toEqual(stats.bySector.map((r) => [r.sector, r.requests, r.approvals, r.acceptances, r.placed]));
    expect(await series('day')).toEqual(stats.byDay.map((d) => [d.date, d.requests, d.approvals, d.acceptances, d.placed]));
    expect(await series('offers')).toEqual(stats.topOffers.map((o) => [o.offerId, o.requests, o.acceptances]));
    const kpi = (name: string) => page.locator(`[data-kpi="${name}"] strong`).innerText();
    await expect(kpi('requests')).resolves.toBe(String(stats.totals.requests));
    await expect(kpi('acceptances')).resolves.toBe(String(stats.totals.acceptances));
    await expect(kpi('placed')).resolves.toBe(String(stats.totals.placed));
    const withoutMeeting = page.locator('[data-table="without-meeting"] tbody tr');
    await expect(withoutMeeting.count()).resolves.toBe(Math.min(50, stats.withoutMeeting.length));
    await expectNoRawKeys(page);
    await screenshot(page, 'zh-CN', 'reports-dashboard');
    await page.context().close();
  });
});
