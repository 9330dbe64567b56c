import { Browser } from 'playwright-core';
import { api, apiToken, describeInBrowser, expectNoRawKeys, launchBrowser, openPage, signIn, unique } from './support/browser';

describeInBrowser('the bureau verifies a newly registered organization', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  it('lists the registration as pending and verifies it', async () => {
    const nameJa = `検証テスト株式会社 ${unique('v')}`;
    const email = `${unique('jp')}@e2e.test`;
    // Registration answers alike for new and taken e-mails (issue 14): the organization comes from logging in.
    await api('POST', '/auth/register', {
      email,
      password: 'secret-pass-1',
      fullName: '検証 太郎',
      role: 'jp',
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      consent: { shareProfile: true },
      organization: { nameJa, sectors: ['digital'], sizeBand: 'medium', languages: ['ja'] },
    });
    const registered = await api<{ user: { organizationId: string } }>('POST', '/auth/login', { email, password: 'secret-pass-1' });

    const page = await openPage(browser, 'zh-CN');
    await signIn(page, 'bureau@demo.test');
    await page.waitForURL('**/bureau/organizations');
    await page.getByRole('heading', { level: 1, name: '企业审核', exact: true }).waitFor();
    const card = page.locator(`mat-card[data-org="${registered.user.organizationId}"]`);
    await card.waitFor();
    await expectNoRawKeys(page);
    await card.getByRole('textbox').fill('营业执照已核实');
    await card.getByRole('button', { name: '通过' }).click();
    await card.waitFor({ state: 'detached' });

    const token = await apiToken('bureau@demo.test');
    const org = await api<{ verification: string }>('GET', `/organizations/${registered.user.organizationId}`, undefined, token);
    expect(org.verification).toBe('verified');
    await page.context().close();
  });

  it("shows the edition with its programme and prefills a new edition's dates by the rule", async () => {
    const page = await openPage(browser, 'ja');
    await signIn(page, 'bureau@demo.test');
    await page.goto('/bureau/edition');
    await page.locator('[data-session]').first().waitFor();
    await page.locator('input[formcontrolname=year]').fill('2030');
    // 2030: the last Thursday of May is the 30th, its Friday the 31st.
    await expect(page.locator('input[formcontrolname=startDate]').inputValue()).resolves.toBe('2030-05-30');
    await expect(page.locator('input[formcontrolname=endDate]').inputValue()).resolves.toBe('2030-05-31');
    await page.locator('input[formcontrolname=year]').fill('2025');
    await expect(page.locator('input[formcontrolname=startDate]').inputValue()).resolves.toBe('2025-05-29');
    await page.context().close();
  });
});
