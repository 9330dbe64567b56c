import { Browser } from 'playwright-core';
import { api, apiToken, describeInBrowser, launchBrowser, openPage, signIn, switchLanguage } from './support/browser';

describeInBrowser('the interface language is remembered per user', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  it('switches without a reload, and the choice follows the user to another browser', async () => {
    const page = await openPage(browser, 'ja');
    await signIn(page, 'jp2@demo.test');
    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'プロフィール', exact: true }).waitFor();
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 42));
    await switchLanguage(page, 'zh-CN');
    await page.getByRole('heading', { level: 1, name: '资料', exact: true }).waitFor();
    // Same document: the switch did not reload the page.
    await expect(page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).resolves.toBe(marker);
    await expect(page.title()).resolves.toContain('资料');
    await page.context().close();

    const me = await api<{ locale: string }>('GET', '/me', undefined, await apiToken('jp2@demo.test'));
    expect(me.locale).toBe('zh-CN');

    const other = await openPage(browser, 'en');
    await signIn(other, 'jp2@demo.test');
    await other.goto('/profile');
    await other.getByRole('heading', { level: 1, name: '资料', exact: true }).waitFor();
    // Put the account back for the other files.
    await switchLanguage(other, 'ja');
    await other.context().close();
  });
});
