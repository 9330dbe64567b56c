import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

import { CHROMIUM_PATH } from './chromium';

export { CHROMIUM_PATH };
export type UiLocale = 'en' | 'ja' | 'zh-CN';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
export const DEMO_PASSWORD = 'demo1234';

/** `describe`, or `describe.skip` when the global setup found no Chromium (outside CI). */
export const describeInBrowser: jest.Describe = process.env['JINAN_WEB_SKIP'] ? describe.skip : describe;

export function baseUrl(): string {
  const url = process.env['JINAN_WEB_BASE_URL'];
  if (!url) throw new Error('the e2e-web global setup did not start the app (JINAN_WEB_BASE_URL unset)');
  return url;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh browser profile whose UI language before sign-in is `locale`. */
export async function openPage(browser: Browser, locale: UiLocale, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: locale === 'zh-CN' ? 'zh-CN' : locale, baseURL: baseUrl() });
  await context.addInitScript((l) => {
    if (!localStorage.getItem('jinan.locale')) localStorage.setItem('jinan.locale', l);
  }, locale);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[formcontrolname=email]').fill(email);
  await page.locator('input[formcontrolname=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A fresh browser profile signed in as `account`, its UI switched to `locale`. */
export async function signedInPage(browser: Browser, account: string, locale: UiLocale, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openPage(browser, locale, viewport);
  await signIn(page, account);
  await switchLanguage(page, locale);
  return page;
}

/** Switches the UI language with the toolbar toggle (remembered on the account). */
export async function switchLanguage(page: Page, locale: UiLocale): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH').catch(() => null);
  await page.locator(`mat-toolbar mat-button-toggle[lang="${locale}"] button`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  await Promise.race([saved, page.waitForTimeout(3000)]);
}

/** Raw translation keys (e.g. `nav.discover`) must never reach the screen. */
export async function expectNoRawKeys(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  const keys = text.match(
    /(?<![.\w/-])\b(app|nav|title|common|errors|fields|login|register|discover|offer|offers|offerStatus|sector|cooperation|size|language|country|verification|verificationState|edition|editionStatus|sessionKind|profile|pending|zones|time|agenda|scheduler|scheduleRunStatus|recommendations|notifications|meetings|meetingStatus|notFound|org|meetingDetail|thread|feedbackForm|grid|programme|shortlist)\.[a-zA-Z_/]+/g,
  );
  expect(keys ?? []).toEqual([]);
}

/** Nothing may stick out sideways on a phone: the page must not scroll horizontally. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

export async function screenshot(page: Page, locale: UiLocale, name: string): Promise<void> {
  const dir = join(__dirname, '..', 'screenshots', locale);
  mkdirSync(dir, { recursive: true });
  // Let lazy chunks, translations and fonts settle before the picture.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  // From the top: a sticky toolbar would otherwise be painted where the page was scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  // The global stylesheet must be applied, not left at media="print" (the API's CSP forbids inline onload).
  const applied = await page.evaluate(() =>
    Array.from(document.styleSheets).some((s) => !!s.href && /styles-[^/]*\.css$/.test(s.href) && s.media.mediaText !== 'print'),
  );
  expect(applied).toBe(true);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Direct API calls, for arranging data a test does not exercise through the UI. */
export async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export async function apiToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const { accessToken } = await api<{ accessToken: string }>('POST', '/auth/login', { email, password });
  return accessToken;
}

/**
 * After the suite, gives these demo accounts their language back: a test that switches
 * the language stores it on the account, and the next suite expects the demo's.
 */
export function restoreLocalesAfterAll(locales: Readonly<Record<string, UiLocale>>): void {
  afterAll(async () => {
    for (const [account, locale] of Object.entries(locales)) await api('PATCH', '/me', { locale }, await apiToken(account));
  });
}

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page as it is now and fails on critical violations; serious and
 * lesser ones are printed so that they can be worked off.
 */
export async function expectNoCriticalA11yViolations(page: Page, label: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const source = require.resolve('axe-core/axe.min.js');
    // The app's CSP (script-src 'self') refuses an inline <script>; evaluating through the
    // DevTools protocol is not subject to it, and leaves the CSP itself under test.
    await page.addScriptTag({ path: source }).catch(() => page.evaluate(readFileSync(source, 'utf8')));
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
  });
  const others = violations.filter((v) => v.impact !== 'critical');
  if (others.length) console.warn(`[axe] ${label}: ${others.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`).join('\n  ')}`);
  expect(violations.filter((v) => v.impact === 'critical')).toEqual([]);
  return violations;
}

/** The demo edition's id. */
export async function demoEditionId(token: string): Promise<string> {
  const editions = await api<{ id: string; year: number }[]>('GET', '/events', undefined, token);
  const edition = editions.find((e) => e.year === 2027) ?? editions[0];
  if (!edition) throw new Error('no edition in the demo data');
  return edition.id;
}

/** Has the bureau score every pair, so that recommendations exist. */
export async function runMatching(): Promise<void> {
  const bureau = await apiToken('bureau@demo.test');
  const editionId = await demoEditionId(bureau);
  const run = await api<{ id: string; status: string }>('POST', `/events/${editionId}/matching/runs`, {}, bureau);
  const deadline = Date.now() + 60_000;
  for (let status = run.status; status !== 'succeeded'; ) {
    if (status === 'failed' || Date.now() > deadline) throw new Error(`matching run ${run.id} ended ${status}`);
    await new Promise((r) => setTimeout(r, 500));
    status = (await api<{ status: string }>('GET', `/events/${editionId}/matching/runs/${run.id}`, undefined, bureau)).status;
  }
}
