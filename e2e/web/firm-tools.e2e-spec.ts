import { Browser } from 'playwright-core';
import {
  api,
  apiToken,
  demoEditionId,
  describeInBrowser,
  expectNoCriticalA11yViolations,
  expectNoHorizontalOverflow,
  expectNoRawKeys,
  launchBrowser,
  PHONE,
  screenshot,
  signedInPage,
} from './support/browser';

const FIRM = 'jp3@demo.test';

interface OfferPage {
  items: { id: string; organizationId: string; status: string }[];
}

/**
 * Issue 13, a Japanese firm's tools: "already requested" marks, the shortlist, the
 * programme around its meetings in the agenda, and a confirmation before saving an
 * attendance with no half-day. Once in Japanese (desktop) and once in Chinese (phone).
 */
describeInBrowser('firm tools: marks, shortlist, programme, attendance warning', () => {
  let browser: Browser;
  let requestedOffer: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const jp = await apiToken(FIRM);
    const editionId = await demoEditionId(jp);
    const mine = await api<{ items: { cnOrganization: { id: string }; offer: { id: string } | null }[] }>(
      'GET',
      `/events/${editionId}/meetings?pageSize=100`,
      undefined,
      jp,
    );
    const withOffer = mine.items.find((m) => m.offer);
    if (withOffer?.offer) {
      requestedOffer = withOffer.offer.id;
    } else {
      // A published offer of a company this firm has not met yet: request it.
      const met = new Set(mine.items.map((m) => m.cnOrganization.id));
      const offers = await api<OfferPage>('GET', '/offers?pageSize=100', undefined, jp);
      const offer = offers.items.find((o) => o.status === 'published' && !met.has(o.organizationId));
      if (!offer) throw new Error('no published offer of a company the firm has not met');
      await api('POST', `/events/${editionId}/meetings`, { counterpartId: offer.organizationId, offerId: offer.id }, jp);
      requestedOffer = offer.id;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await api('PATCH', '/me', { locale: 'ja' }, await apiToken(FIRM));
  });

  for (const locale of ['ja', 'zh-CN'] as const) {
    it(`works in ${locale}`, async () => {
      const viewport = locale === 'ja' ? undefined : PHONE;
      const suffix = viewport ? '.390' : '';
      const page = await signedInPage(browser, FIRM, locale, viewport);

      // The offer it requested says so; the shortlist star keeps it.
      await page.goto(`/discover/offers/${requestedOffer}`);
      await page.locator('[data-requested]').waitFor();
      const star = page.locator('[data-shortlist]');
      if ((await star.getAttribute('aria-pressed')) !== 'true') await star.click();
      await page.locator('[data-shortlist][aria-pressed="true"]').waitFor();
      await page.goto('/discover');
      await page.locator(`[data-shortlist-list] a[href="/discover/offers/${requestedOffer}"]`).waitFor();
      await expectNoRawKeys(page);
      await expectNoHorizontalOverflow(page);
      await screenshot(page, locale, `offers-shortlist${suffix}`);

      // The agenda shows the programme (plenary, breaks, park visit) around the meetings.
      await page.goto('/agenda');
      await page.locator('[data-programme]').first().waitFor();
      await expectNoRawKeys(page);
      await expectNoHorizontalOverflow(page);
      await expectNoCriticalA11yViolations(page, `agenda programme ${locale}`);
      await screenshot(page, locale, `agenda-programme${suffix}`);

      // Attendance with no half-day asks first; going back saves nothing.
      await page.goto('/profile');
      const boxes = page.locator('[data-half-day] input');
      await boxes.first().waitFor();
      for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck();
      await page.locator('[data-save-availability]').click();
      await page.locator('[data-no-half-day]').waitFor();
      await screenshot(page, locale, `attendance-warning${suffix}`);
      await page.locator('[data-no-half-day-back]').click();
      await page.locator('[data-no-half-day]').waitFor({ state: 'detached' });
      await page.context().close();
    });
  }
});
