import { Browser } from 'playwright-core';
import { api, describeInBrowser, expectNoRawKeys, launchBrowser, openPage, screenshot, signIn, unique, UiLocale } from './support/browser';

const LABELS: Record<UiLocale, { heading: string; email: string; password: string; submit: string; discover: string }> = {
  en: { heading: 'Sign in', email: 'Email', password: 'Password', submit: 'Sign in', discover: 'Cooperation offers' },
  ja: { heading: 'ログイン', email: 'メールアドレス', password: 'パスワード', submit: 'ログイン', discover: '協力案件' },
  'zh-CN': { heading: '登录', email: '邮箱', password: '密码', submit: '登录', discover: '合作项目' },
};

describeInBrowser('sign-in and registration', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  for (const locale of ['en', 'ja', 'zh-CN'] as const) {
    it(`shows the sign-in page in ${locale} with translated labels`, async () => {
      const page = await openPage(browser, locale);
      await page.goto('/login');
      const labels = LABELS[locale];
      await page.getByRole('heading', { level: 1, name: labels.heading, exact: true }).waitFor();
      await expect(page.getByLabel(labels.email).count()).resolves.toBe(1);
      await expect(page.getByLabel(labels.password).count()).resolves.toBe(1);
      await expect(page.locator('form button[type=submit]').innerText()).resolves.toBe(labels.submit);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
      await expectNoRawKeys(page);
      await screenshot(page, locale, 'login');
      await page.goto('/register');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoRawKeys(page);
      await screenshot(page, locale, 'register');
      await page.context().close();
    });
  }

  it('signs a Japanese delegate in and switches to the language remembered on the account (ja)', async () => {
    const page = await openPage(browser, 'en');
    await signIn(page, 'jp3@demo.test');
    await page.waitForURL('**/discover');
    await page.getByRole('heading', { level: 1, name: LABELS.ja.discover, exact: true }).waitFor();
    await page.context().close();
  });

  it('rejects a wrong password with the server message, staying on the page', async () => {
    const page = await openPage(browser, 'en');
    await page.goto('/login');
    await page.locator('input[formcontrolname=email]').fill('jp3@demo.test');
    await page.locator('input[formcontrolname=password]').fill('wrong-password');
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('leads from sign-in to a reset link request, answered alike for any address; a reset link without its token says so', async () => {
    const page = await openPage(browser, 'en');
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?', exact: true }).waitFor();
    await page.locator('input[formcontrolname=email]').fill(`${unique('nobody')}@e2e.test`);
    await page.locator('form button[type=submit]').click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('If an account uses this address');
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }).waitFor();

    await page.goto('/reset-password');
    await page.getByRole('heading', { level: 1, name: 'Choose a new password', exact: true }).waitFor();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('This link is incomplete');
    await page.goto('/reset-password?token=not-a-real-token');
    await page.locator('input[formcontrolname=password]').fill('secret-pass-2');
    await page.locator('form button[type=submit]').click();
    await page.locator('.form-error[role=alert]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/reset-password');
    await expectNoRawKeys(page);
    await page.context().close();
  });

  it("registers a Ji'nan company, which lands on its offers, in Chinese, pending verification", async () => {
    const page = await openPage(browser, 'zh-CN');
    await page.goto('/register');
    const email = `${unique('cn')}@e2e.test`;
    await page
      .getByRole('radio', { name: '济南企业' })
      .click()
      .catch(async () => page.locator('mat-button-toggle[value=cn] button').click());
    await page.locator('input[formcontrolname=email]').fill(email);
    await page.locator('input[formcontrolname=password]').fill('secret-pass-1');
    await page.locator('input[formcontrolname=fullName]').fill('李雷');
    await page.locator('input[formcontrolname=nameZh]').fill('济南测试科技有限公司');
    await page.locator('input[formcontrolname=nameEn]').fill('Jinan Test Tech');
    await page.locator('mat-select[formcontrolname=sectors]').click();
    await page.getByRole('option', { name: '医疗健康' }).click();
    await page.keyboard.press('Escape');
    await page.locator('mat-checkbox[formcontrolname=shareProfile] input').check();
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/offers');
    await page.getByRole('heading', { level: 1, name: '我的项目', exact: true }).waitFor();

    const token = await api<{ accessToken: string }>('POST', '/auth/login', { email, password: 'secret-pass-1' });
    const me = await api<{ role: string; locale: string; timeZone: string }>('GET', '/me', undefined, token.accessToken);
    expect(me).toMatchObject({ role: 'cn', locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    await page.context().close();
  });

  it("shows the server's field message next to the field (email already registered)", async () => {
    const page = await openPage(browser, 'en');
    await page.goto('/register');
    await page.locator('input[formcontrolname=email]').fill('jp1@demo.test');
    await page.locator('input[formcontrolname=password]').fill('secret-pass-1');
    await page.locator('input[formcontrolname=fullName]').fill('Taro Test');
    await page.locator('input[formcontrolname=nameJa]').fill('テスト株式会社');
    await page.locator('mat-select[formcontrolname=sectors]').click();
    await page.getByRole('option', { name: 'Health' }).click();
    await page.keyboard.press('Escape');
    await page.locator('mat-checkbox[formcontrolname=shareProfile] input').check();
    await page.locator('form button[type=submit]').click();
    await page.locator('mat-error, [role=alert]').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');
    await page.context().close();
  });
});
