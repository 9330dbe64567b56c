import { Browser } from 'playwright-core';
import type { EditionStatsView } from '@jinan/contracts';
import {
  api,
  apiToken,
  describeInBrowser,
  DESKTOP,
  expectNoHorizontalOverflow,
  expectNoRawKeys,
  launchBrowser,
  openPage,
  PHONE,
  restoreLocalesAfterAll,
  screenshot,
  signedInPage,
  signIn,
} from './support/browser';

describeInBrowser('the bureau\u2019s dashboard', () => {
  let browser: Browser;
  restoreLocalesAfterAll({ 'bureau@demo.test': 'zh-CN' });
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
    // When the figures were read, in the viewer's language (large editions serve kept figures).
    await expect(page.locator('[data-generated-at]').innerText()).resolves.toMatch(/^数据截至 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const withoutMeeting = page.locator('[data-table="without-meeting"] tbody tr');
    await expect(withoutMeeting.count()).resolves.toBe(Math.min(50, stats.withoutMeeting.length));
    await expectNoRawKeys(page);
    await screenshot(page, 'zh-CN', 'reports-dashboard');
    await page.context().close();
  });

  it('says when its figures were read in each language, on a desktop and on a phone', async () => {
    for (const [locale, asOf, viewport, name] of [
      ['en', /^Figures as of [A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2}$/, DESKTOP, 'reports-dashboard'],
      ['ja', /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 時点の集計$/, DESKTOP, 'reports-dashboard'],
      ['zh-CN', /^数据截至 /, PHONE, 'reports-dashboard-phone'],
    ] as const) {
      const page = await signedInPage(browser, 'bureau@demo.test', locale, viewport);
      await page.goto('/reports/dashboard');
      await page.locator('[data-chart="sector"] canvas').first().waitFor();
      if (viewport === PHONE) await expectNoHorizontalOverflow(page);
      await expect(page.locator('[data-generated-at]').innerText()).resolves.toMatch(asOf);
      await expectNoRawKeys(page);
      await screenshot(page, locale, name);
      await page.context().close();
    }
  });
});
