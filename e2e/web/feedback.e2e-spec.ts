import { Browser, Page } from 'playwright-core';
import {
  api,
  apiToken,
  demoEditionId,
  describeInBrowser,
  expectNoHorizontalOverflow,
  expectNoRawKeys,
  launchBrowser,
  openPage,
  PHONE,
  restoreLocalesAfterAll,
  signIn,
  UiLocale,
} from './support/browser';

/**
 * Issue 13, language and feedback: errors in the user's language (never an English
 * server sentence or an id), one request per double-click, a confirmation before
 * broadcasting, a told-not-redirected forbidden page, and a phone layout whose title
 * starts near the top without sideways scrolling.
 */

/** Three Latin-script words in a row: an English sentence in a Chinese or Japanese page. */
const LATIN_SENTENCE = /[A-Za-z]{2,}[,.]?\s+[A-Za-z]{2,}[,.]?\s+[A-Za-z]{2,}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every message the page shows (alerts, field errors, snackbars) speaks the UI language. */
async function expectTranslatedMessages(page: Page): Promise<string[]> {
  const texts = (await page.locator('[role=alert], mat-error, .mat-mdc-snack-bar-label, .form-error').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text).not.toMatch(LATIN_SENTENCE);
    expect(text).not.toMatch(UUID);
  }
  return texts;
}

/** The page's own words (not company-entered names) carry no English sentence. */
async function expectNoEnglishChrome(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  const english = text.split('\n').filter((line) => LATIN_SENTENCE.test(line) && !/@|https?:|\d{2}:\d{2}/.test(line));
  expect(english).toEqual([]);
}

function counter(page: Page, method: string, path: RegExp): { count: () => number } {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === method && path.test(new URL(r.url()).pathname)) n++;
  });
  return { count: () => n };
}

const LOCALES: UiLocale[] = ['zh-CN', 'ja'];

describeInBrowser('errors, double-clicks, confirmations and phones (issue 13, part B)', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());
  restoreLocalesAfterAll({ 'jp2@demo.test': 'ja', 'bureau@demo.test': 'zh-CN' });

  for (const locale of LOCALES) {
    it(`${locale}: a wrong password and a taken email are told in ${locale}, with no English sentence`, async () => {
      const page = await openPage(browser, locale);
      await page.goto('/login');
      await page.locator('input[formcontrolname=email]').fill('jp3@demo.test');
      await page.locator('input[formcontrolname=password]').fill('wrong-password');
      await page.locator('form button[type=submit]').click();
      await page.getByRole('alert').waitFor();
      const [message] = await expectTranslatedMessages(page);
      expect(message).not.toContain('wrong');

      await page.goto('/register');
      await page.locator('mat-button-toggle[value=jp] button').click();
      await page.locator('input[formcontrolname=email]').fill('jp1@demo.test');
      await page.locator('input[formcontrolname=password]').fill('secret-pass-1');
      await page.locator('input[formcontrolname=fullName]').fill('テスト 太郎');
      await page.locator('input[formcontrolname=nameJa]').fill('テスト株式会社');
      await page.locator('mat-select[formcontrolname=sectors]').click();
      await page.getByRole('option').first().click();
      await page.keyboard.press('Escape');
      await page.locator('mat-checkbox[formcontrolname=shareProfile] input').check();
      await page.locator('form button[type=submit]').click();
      await page.locator('mat-error, [role=alert]').first().waitFor();
      await expectTranslatedMessages(page);
      await expectNoRawKeys(page);
      await page.context().close();
    });
  }

  it('a double-click on "send request" sends one request, and the second attempt is told in Chinese, without an id', async () => {
    const jpToken = await apiToken('jp2@demo.test');
    await api('PATCH', '/me', { locale: 'zh-CN' }, jpToken);
    const offers = await api<{ items: { id: string; organizationId: string }[] }>('GET', '/offers?pageSize=50', undefined, jpToken);
    const offer = offers.items[offers.items.length - 1];
    expect(offer).toBeDefined();

    const page = await openPage(browser, 'zh-CN');
    await signIn(page, 'jp2@demo.test');
    const posts = counter(page, 'POST', /^\/api\/events\/[^/]+\/meetings$|^\/api\/meetings$/);
    await page.goto(`/discover/offers/${offer.id}`);
    const send = page.locator('form button[type=submit]');
    await send.waitFor();
    await send.dblclick();
    // Either the request went through (off to the list) or the pair already existed (told here).
    await Promise.race([page.waitForURL('**/meetings'), page.getByRole('alert').waitFor()]);
    await page.waitForTimeout(500);
    expect(posts.count()).toBe(1);

    // Asking again for the same pair: the refusal is a sentence in Chinese, not "already exists…: <uuid>".
    await page.goto(`/discover/offers/${offer.id}`);
    await send.waitFor();
    await send.click();
    await page.getByRole('alert').waitFor();
    const [told] = await expectTranslatedMessages(page);
    expect(told).toMatch(/[\u4e00-\u9fff]/);
    await page.context().close();
  });

  for (const locale of LOCALES) {
    it(`${locale}: the bureau publishes the agenda only through a dialog that states the counts`, async () => {
      const bureau = await apiToken('bureau@demo.test');
      const editionId = await demoEditionId(bureau);
      // A fresh scheduler run places accepted meetings, which then wait to be published.
      const run = await api<{ id: string; status: string }>('POST', `/events/${editionId}/schedule/runs`, {}, bureau).catch(() => null);
      if (run) {
        for (let status = run.status, deadline = Date.now() + 60_000; status === 'queued' || status === 'running'; ) {
          if (Date.now() > deadline) throw new Error('the scheduler run did not finish');
          await new Promise((r) => setTimeout(r, 500));
          status = (await api<{ status: string }>('GET', `/events/${editionId}/schedule/runs/${run.id}`, undefined, bureau)).status;
        }
      }
      const grid = await api<{ bookings: { published: boolean }[] }>('GET', `/events/${editionId}/schedule`, undefined, bureau);
      const pending = grid.bookings.filter((b) => !b.published).length;

      await api('PATCH', '/me', { locale }, bureau);
      const page = await openPage(browser, locale);
      await signIn(page, 'bureau@demo.test');
      await page.goto('/bureau/scheduler');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('table.grid').first().waitFor({ state: 'attached' });
      const publishes = counter(page, 'POST', /\/schedule\/publish$/);
      await page
        .locator('mat-card button.mat-mdc-outlined-button')
        .filter({ hasText: locale === 'ja' ? '公開' : '发布' })
        .first()
        .click();
      if (pending === 0) {
        // Nothing waits: the page says so, and nothing is sent.
        await page.getByRole('status').first().waitFor();
        expect(publishes.count()).toBe(0);
      } else {
        const dialog = page.locator('mat-dialog-container');
        await dialog.waitFor();
        expect(await dialog.innerText()).toContain(String(pending));
        // Cancelling sends nothing.
        await dialog.getByRole('button').first().click();
        await dialog.waitFor({ state: 'detached' });
        expect(publishes.count()).toBe(0);
        await page
          .locator('mat-card button.mat-mdc-outlined-button')
          .filter({ hasText: locale === 'ja' ? '公開' : '发布' })
          .first()
          .click();
        await page.locator('mat-dialog-container [data-test=confirm]').dblclick();
        await page.locator('.published-message').waitFor();
        expect(publishes.count()).toBe(1);
        await page.locator('.mat-mdc-snack-bar-label').first().waitFor();
      }
      await expectNoRawKeys(page);
      await page.context().close();
    });
  }

  for (const locale of LOCALES) {
    it(`${locale}: a firm opening a bureau page is told it is not for its account; an unknown address is not found`, async () => {
      const page = await openPage(browser, locale);
      await signIn(page, 'jp3@demo.test');
      await page.goto('/bureau/scheduler');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/bureau/scheduler');
      expect(await page.locator('app-not-found').innerText()).toContain('403');
      await expectNoEnglishChrome(page);

      await page.goto('/no/such/page');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('app-not-found').innerText()).toContain('404');
      await page.goto('/discover/offers/00000000-0000-4000-8000-000000000000');
      await page.locator('app-not-found').waitFor();
      await expectNoEnglishChrome(page);
      await expectNoRawKeys(page);
      await page.context().close();
    });
  }

  const PHONE_PAGES: Record<string, string[]> = {
    'jp3@demo.test': ['/discover', '/discover/recommendations', '/meetings', '/agenda', '/reports/agenda', '/notifications', '/profile'],
    'cn3@demo.test': ['/offers', '/offers/new', '/meetings', '/agenda', '/reports/agenda', '/profile'],
    'bureau@demo.test': ['/bureau/organizations', '/bureau/edition', '/bureau/review', '/bureau/scheduler', '/reports/dashboard', '/discover'],
  };

  for (const locale of LOCALES) {
    it(`${locale} at 390 px: every main page's title starts within 170 px and nothing scrolls sideways`, async () => {
      for (const [account, paths] of Object.entries(PHONE_PAGES)) {
        const page = await openPage(browser, locale, PHONE);
        await signIn(page, account);
        for (const path of paths) {
          await page.goto(path);
          const title = page.getByRole('heading', { level: 1 }).first();
          await title.waitFor();
          await page.waitForLoadState('networkidle');
          const box = await title.boundingBox();
          expect({ path, top: Math.round(box?.y ?? 999) }).toEqual({ path, top: expect.any(Number) });
          expect(box?.y ?? 999).toBeLessThanOrEqual(170);
          await expectNoHorizontalOverflow(page);
        }
        // The navigation is one tap away, in the menu.
        await page.locator('button.menu-button').click();
        await page.locator('.mat-mdc-menu-panel a[mat-menu-item]').first().waitFor();
        await page.keyboard.press('Escape');
        await page.context().close();
      }
    });
  }
});
