import { Browser } from 'playwright-core';
import { describeInBrowser, expectNoRawKeys, launchBrowser, openPage, screenshot, signIn, unique } from './support/browser';

describeInBrowser("a Ji'nan company writes and publishes an offer; a Japanese firm finds it", () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  const titleZh = `智能康复设备合作 ${unique('e2e')}`;
  const titleJa = `スマートリハビリ機器の協業 ${titleZh.split(' ')[1]}`;

  it('creates the offer in Chinese with a Japanese summary, then publishes it', async () => {
    const page = await openPage(browser, 'zh-CN');
    await signIn(page, 'cn1@demo.test');
    await page.waitForURL('**/offers');
    await page.getByRole('link', { name: '发布新项目' }).click();
    await page.waitForURL('**/offers/new');
    await page.locator('input[formcontrolname=titleZh]').fill(titleZh);
    await page.locator('textarea[formcontrolname=summaryZh]').fill('寻求日本康复机器人企业合资建厂。');
    // Without a Japanese or English summary the form refuses.
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: '日文或英文' }).waitFor();
    await page.locator('input[formcontrolname=titleJa]').fill(titleJa);
    await page.locator('textarea[formcontrolname=summaryJa]').fill('リハビリロボット企業との合弁工場を求めます。');
    await expectNoRawKeys(page);
    await screenshot(page, 'zh-CN', 'offer-form');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/offers');
    const card = page.locator('mat-card', { hasText: titleZh });
    await card.getByText('草稿').waitFor();
    await card.getByRole('button', { name: '发布' }).click();
    await card.getByText('已发布').waitFor();
    await screenshot(page, 'zh-CN', 'my-offers');
    await page.context().close();
  });

  it('shows the offer to a Japanese viewer in Japanese, and the Chinese original on request', async () => {
    const page = await openPage(browser, 'ja');
    await signIn(page, 'jp1@demo.test');
    await page.waitForURL('**/discover');
    await page.locator('input[formcontrolname=q]').fill(titleZh.split(' ')[1]);
    const link = page.getByRole('link', { name: titleJa });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: titleJa }).waitFor();
    await page.getByText('中国語の原文を表示').click();
    await page.getByText(titleZh).waitFor();
    await page.context().close();
  });

  it('marks the words a search result matched, in the viewer language', async () => {
    const page = await openPage(browser, 'ja');
    await signIn(page, 'jp1@demo.test');
    await page.waitForURL('**/discover');
    const token = titleZh.split(' ')[1] as string;
    await page.locator('input[formcontrolname=q]').fill(token);
    const card = page.locator('mat-card', { hasText: titleJa });
    const line = card.locator('[data-matched]');
    await line.getByText('検索との一致').waitFor();
    await line.locator('mark[lang=ja]').first().waitFor();
    expect((await line.locator('mark').allTextContents()).join(' ')).toMatch(/e2e/i);
    await expectNoRawKeys(page);
    await screenshot(page, 'ja', 'search-highlight');
    await page.context().close();
  });
});
