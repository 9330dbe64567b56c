import { Browser, Page } from 'playwright-core';
import {
  api,
  apiToken,
  describeInBrowser,
  expectNoCriticalA11yViolations,
  expectNoHorizontalOverflow,
  expectNoRawKeys,
  launchBrowser,
  openPage,
  PHONE,
  runMatching,
  screenshot,
  signIn,
  switchLanguage,
  UiLocale,
} from './support/browser';

/** Every main page, in each language, on a desktop and on a phone (390 px). */
const PAGES: { account: string; homeLocale: UiLocale; pages: { name: string; path: string | ((page: Page) => Promise<void>) }[] }[] = [
  {
    account: 'jp3@demo.test',
    homeLocale: 'ja',
    pages: [
      { name: 'discover', path: '/discover' },
      {
        name: 'offer-detail',
        path: async (page) => {
          await page.goto('/discover');
          await page.locator('mat-card h2 a').first().click();
          await page.waitForURL('**/discover/offers/**');
        },
      },
      { name: 'recommendations', path: '/discover/recommendations' },
      { name: 'meetings-jp', path: '/meetings' },
      { name: 'agenda-jp', path: '/agenda' },
      { name: 'notifications-jp3', path: '/notifications' },
      { name: 'profile-jp', path: '/profile' },
    ],
  },
  {
    account: 'cn3@demo.test',
    homeLocale: 'zh-CN',
    pages: [
      { name: 'my-offers', path: '/offers' },
      { name: 'offer-new', path: '/offers/new' },
      { name: 'requests-cn', path: '/meetings' },
      { name: 'agenda-cn', path: '/agenda' },
      { name: 'notifications-cn', path: '/notifications' },
      { name: 'profile-cn', path: '/profile' },
    ],
  },
  {
    account: 'bureau@demo.test',
    homeLocale: 'zh-CN',
    pages: [
      { name: 'verification', path: '/bureau/organizations' },
      { name: 'edition', path: '/bureau/edition' },
      { name: 'review', path: '/bureau/review' },
      { name: 'scheduler', path: '/bureau/scheduler' },
    ],
  },
];

describeInBrowser('screenshots of every main page in each language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Recommendations exist once the bureau has scored every pair.
    await runMatching();
  });
  afterAll(async () => {
    await browser?.close();
    // Leave each demo account in its own language for the other files.
    for (const { account, homeLocale } of PAGES) await api('PATCH', '/me', { locale: homeLocale }, await apiToken(account));
  });

  for (const locale of ['ja', 'zh-CN', 'en'] as const) {
    for (const { account, pages } of PAGES) {
      it(`${account} in ${locale}: desktop and phone, no raw keys, nothing wider than a phone`, async () => {
        const desktop = await openPage(browser, locale);
        await signIn(desktop, account);
        await switchLanguage(desktop, locale);
        for (const { name, path } of pages) {
          if (typeof path === 'string') await desktop.goto(path);
          else await path(desktop);
          await desktop.getByRole('heading', { level: 1 }).first().waitFor();
          await expectNoRawKeys(desktop);
          await expectNoCriticalA11yViolations(desktop, `${name} (${locale})`);
          await screenshot(desktop, locale, name);
        }
        await desktop.context().close();

        const phone = await openPage(browser, locale, PHONE);
        await signIn(phone, account);
        for (const { name, path } of pages) {
          if (typeof path === 'string') await phone.goto(path);
          else await path(phone);
          await phone.getByRole('heading', { level: 1 }).first().waitFor();
          await expectNoRawKeys(phone);
          await expectNoHorizontalOverflow(phone);
          await screenshot(phone, locale, `${name}.390`);
        }
        await phone.context().close();
      });
    }
  }
});
