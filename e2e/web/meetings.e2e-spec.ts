import { Browser, Page } from 'playwright-core';
import {
  api,
  apiToken,
  describeInBrowser,
  expectNoHorizontalOverflow,
  expectNoRawKeys,
  launchBrowser,
  openPage,
  PHONE,
  restoreLocalesAfterAll,
  screenshot,
  signIn,
  switchLanguage,
  UiLocale,
} from './support/browser';

interface Labels {
  send: string;
  requested: string;
  approve: string;
  accept: string;
  accepted: string;
  reviewHeading: string;
}

const LABELS: Record<'ja' | 'zh-CN', Labels> = {
  ja: { send: '依頼を送る', requested: '依頼中', approve: '承認', accept: '承諾', accepted: '成立', reviewHeading: '面談審査' },
  'zh-CN': { send: '发送申请', requested: '已申请', approve: '批准', accept: '接受', accepted: '已接受', reviewHeading: '会谈审核' },
};

/**
 * A Japanese delegate requests a meeting → the bureau approves → the Ji'nan company
 * accepts. Once in Japanese and once in Chinese, each with its own Ji'nan company.
 * (Scheduling, publishing and the agenda continue this flow once those screens exist.)
 */
describeInBrowser('meeting request, review and acceptance', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());
  restoreLocalesAfterAll({ 'jp1@demo.test': 'ja', 'bureau@demo.test': 'zh-CN', 'cn2@demo.test': 'zh-CN', 'cn3@demo.test': 'zh-CN' });

  for (const [locale, company] of [
    ['ja', 'cn2@demo.test'],
    ['zh-CN', 'cn3@demo.test'],
  ] as const) {
    it(`runs in ${locale}: request → approve → accept`, async () => {
      const labels = LABELS[locale];
      const offers = await api<{ items: { id: string; status: string }[] }>('GET', '/offers?scope=mine', undefined, await apiToken(company));
      const offer = offers.items.find((o) => o.status === 'published');
      if (!offer) throw new Error(`${company} has no published offer in the demo data`);

      // The Japanese delegate, on a phone.
      const jp = await as(browser, 'jp1@demo.test', locale, PHONE);
      await jp.goto(`/discover/offers/${offer.id}`);
      await jp.locator('textarea[formcontrolname=message]').fill('E2E: 御社の案件について面談を希望します。');
      await jp.getByRole('button', { name: labels.send }).click();
      await jp.waitForURL('**/meetings');
      const mine = jp.locator('mat-card[data-meeting]').filter({ hasText: labels.requested }).first();
      await mine.waitFor();
      const meetingId = await mine.getAttribute('data-meeting');
      await expectNoRawKeys(jp);
      await expectNoHorizontalOverflow(jp);
      await screenshot(jp, locale, 'meetings-requested.390');

      const bureau = await as(browser, 'bureau@demo.test', locale);
      await bureau.goto('/bureau/review');
      await bureau.getByRole('heading', { level: 1, name: labels.reviewHeading, exact: true }).waitFor();
      const queued = bureau.locator(`mat-card[data-meeting="${meetingId}"]`);
      await queued.waitFor();
      await expectNoRawKeys(bureau);
      await screenshot(bureau, locale, 'review-queue');
      await queued.getByRole('button', { name: labels.approve, exact: true }).click();
      await queued.waitFor({ state: 'detached' });

      const cn = await as(browser, company, locale, PHONE);
      await cn.goto('/meetings');
      const incoming = cn.locator(`mat-card[data-meeting="${meetingId}"]`);
      await incoming.waitFor();
      await screenshot(cn, locale, 'requests-incoming.390');
      await incoming.getByRole('button', { name: labels.accept, exact: true }).click();
      await incoming.locator('.chip', { hasText: labels.accepted }).waitFor();

      await jp.reload();
      await jp.locator(`mat-card[data-meeting="${meetingId}"] .chip`, { hasText: labels.accepted }).waitFor();
      for (const page of [jp, bureau, cn]) await page.context().close();
    });
  }
});

async function as(browser: Browser, account: string, locale: UiLocale, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openPage(browser, locale, viewport);
  await signIn(page, account);
  await switchLanguage(page, locale);
  return page;
}
