import { mkdirSync } from 'node:fs';
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
  const keys = text.match(/\b(app|nav|title|common|errors|fields|login|register|discover|offer|offers|offerStatus|sector|cooperation|size|language|country|verification|verificationState|edition|editionStatus|sessionKind|profile|pending|zones|time)\.[a-zA-Z_/]+/g);
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
  // The global stylesheet must be applied, not left at media="print" (the API's CSP forbids inline onload).
  const applied = await page.evaluate(() => Array.from(document.styleSheets).some((s) => !!s.href && /styles-[^/]*\.css$/.test(s.href) && s.media.mediaText !== 'print'));
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

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
