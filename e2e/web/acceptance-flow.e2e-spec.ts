import { Browser, Page } from 'playwright-core';
import {
  api,
  apiToken,
  demoEditionId,
  describeInBrowser,
  expectNoCriticalA11yViolations,
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
  schedulerHeading: string;
  run: string;
  finished: string;
  placed: string;
  /** The scheduler statistics: every meeting placed (with the reason) and the gaps with their bound. */
  complete: string;
  gaps: string;
  publish: string;
  publishedMessage: RegExp;
  agendaHeading: string;
  confirm: string;
  confirmedByYou: string;
  decline: string;
  table: string;
  shanghai: string;
}

const LABELS: Record<'ja' | 'zh-CN', Labels> = {
  ja: {
    send: '依頼を送る',
    requested: '依頼中',
    approve: '承認',
    accept: '承諾',
    accepted: '成立',
    schedulerHeading: '日程編成',
    run: '日程編成を実行',
    finished: '完了',
    placed: '配置数／依頼数',
    complete: '全商談を配置？',
    gaps: '商談間の空き',
    publish: '日程を公開',
    publishedMessage: /件の面談を公開しました/,
    agendaHeading: '面談日程',
    confirm: 'この枠を確定',
    confirmedByYou: '確定済み（貴社）',
    decline: 'この枠を辞退',
    table: '番テーブル',
    shanghai: '北京時間',
  },
  'zh-CN': {
    send: '发送申请',
    requested: '已申请',
    approve: '批准',
    accept: '接受',
    accepted: '已接受',
    schedulerHeading: '日程编排',
    run: '运行日程编排',
    finished: '已完成',
    placed: '已安排／申请数',
    complete: '是否全部排入？',
    gaps: '会谈间空档',
    publish: '发布日程',
    publishedMessage: /已发布\d+场会谈/,
    agendaHeading: '我的日程',
    confirm: '确认时段',
    confirmedByYou: '我方已确认',
    decline: '谢绝时段',
    table: '号桌',
    shanghai: '北京时间',
  },
};

interface AgendaItem {
  meetingId: string;
  startsAt: string;
  endsAt: string;
  editionStartsAt: string;
  tableNumber: number;
}

/** "HH:mm" as written in an ISO 8601 instant with offset (the API writes it in the requested zone). */
const clock = (iso: string) => iso.slice(11, 16);

/**
 * Issue 6's acceptance, through the screens: a Japanese delegate requests a meeting →
 * the bureau approves → the Ji'nan company accepts → the bureau runs the scheduler and
 * publishes → both see the slot in their agendas at their local times (Tokyo one hour
 * after Shanghai) → the Japanese delegate declines the slot → it leaves both agendas.
 * Once in Japanese and once in Chinese. One meeting per pair and edition: the second run
 * uses another Japanese firm (jp2, also in Tokyo) with the same Ji'nan company (cn1).
 */
describeInBrowser('acceptance flow: request → schedule → publish → agendas → decline', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());
  restoreLocalesAfterAll({ 'jp1@demo.test': 'ja', 'jp2@demo.test': 'ja', 'bureau@demo.test': 'zh-CN', 'cn1@demo.test': 'zh-CN' });

  for (const [locale, delegate] of [
    ['ja', 'jp1@demo.test'],
    ['zh-CN', 'jp2@demo.test'],
  ] as const) {
    it(`runs in ${locale} for ${delegate} and cn1`, async () => {
      const labels = LABELS[locale];
      const company = 'cn1@demo.test';
      const offers = await api<{ items: { id: string; status: string }[] }>('GET', '/offers?scope=mine', undefined, await apiToken(company));
      const offer = offers.items.find((o) => o.status === 'published');
      if (!offer) throw new Error(`${company} has no published offer in the demo data`);

      // 1. The Japanese delegate requests a meeting, on a phone.
      const jp = await as(browser, delegate, locale, PHONE);
      await jp.goto(`/discover/offers/${offer.id}`);
      await jp.locator('textarea[formcontrolname=message]').fill('E2E: 面談を希望します。');
      await jp.getByRole('button', { name: labels.send }).click();
      await jp.waitForURL('**/meetings');
      const mine = jp.locator('mat-card[data-meeting]').filter({ hasText: labels.requested }).first();
      await mine.waitFor();
      const meetingId = await mine.getAttribute('data-meeting');
      if (!meetingId) throw new Error('the new request has no id');

      // 2. The bureau approves it.
      const bureau = await as(browser, 'bureau@demo.test', locale);
      await bureau.goto('/bureau/review');
      const queued = bureau.locator(`mat-card[data-meeting="${meetingId}"]`);
      await queued.getByRole('button', { name: labels.approve, exact: true }).click();
      await queued.waitFor({ state: 'detached' });

      // 3. The Ji'nan company accepts it.
      const cn = await as(browser, company, locale, PHONE);
      await cn.goto('/meetings');
      const incoming = cn.locator(`mat-card[data-meeting="${meetingId}"]`);
      await incoming.getByRole('button', { name: labels.accept, exact: true }).click();
      await incoming.locator('.chip', { hasText: labels.accepted }).waitFor();

      // 4. The bureau runs the scheduler and publishes, on the scheduler screen.
      await bureau.goto('/bureau/scheduler');
      await bureau.getByRole('heading', { level: 1, name: labels.schedulerHeading, exact: true }).waitFor();
      await bureau.getByRole('button', { name: labels.run, exact: true }).click();
      await bureau.getByRole('status').filter({ hasText: labels.finished }).waitFor({ timeout: 60_000 });
      await bureau.getByText(labels.placed, { exact: true }).waitFor();
      await bureau.getByText(labels.complete, { exact: true }).waitFor();
      await bureau.getByText(labels.gaps, { exact: true }).waitFor();
      expect((await bureau.getByTestId('completeness').locator('dd').innerText()).trim()).not.toBe('');
      await bureau.locator(`table.grid td[data-meeting="${meetingId}"]`).waitFor();
      await bureau.getByRole('button', { name: labels.publish, exact: true }).click();
      // Publishing notifies every party: it goes through a dialog stating the counts (issue 13).
      await bureau.locator('mat-dialog-container [data-test=confirm]').click();
      await bureau.getByRole('status').filter({ hasText: labels.publishedMessage }).waitFor();
      await bureau.locator(`table.grid td.published[data-meeting="${meetingId}"]`).waitFor();
      await expectNoRawKeys(bureau);
      await expectNoCriticalA11yViolations(bureau, `scheduler (${locale})`);
      await screenshot(bureau, locale, 'scheduler-run');

      // The slot, as the API gives it to each party in its own zone.
      const editionId = await demoEditionId(await apiToken(company));
      const tokyo = await agendaItem(delegate, editionId, 'Asia/Tokyo', meetingId);
      const shanghai = await agendaItem(company, editionId, 'Asia/Shanghai', meetingId);
      // Tokyo is one hour ahead of Shanghai (neither observes daylight saving).
      expect(Number(clock(tokyo.startsAt).slice(0, 2))).toBe((Number(clock(shanghai.startsAt).slice(0, 2)) + 1) % 24);
      expect(clock(tokyo.editionStartsAt)).toBe(clock(shanghai.startsAt));

      // 5. Both see it in their agendas at their local times.
      await jp.goto('/agenda');
      await jp.getByRole('heading', { level: 1, name: labels.agendaHeading, exact: true }).waitFor();
      const jpItem = jp.locator(`article[data-meeting="${meetingId}"]`);
      await jpItem.waitFor();
      expect((await jpItem.locator('[data-test=local-time]').innerText()).trim()).toBe(`${clock(tokyo.startsAt)}–${clock(tokyo.endsAt)}`);
      const jpEdition = (await jpItem.locator('[data-test=event-time]').innerText()).trim();
      expect(jpEdition.startsWith(`${clock(shanghai.startsAt)}–${clock(shanghai.endsAt)}`)).toBe(true);
      expect(jpEdition).toContain(labels.shanghai);
      expect(await jpItem.innerText()).toContain(`${tokyo.tableNumber}${labels.table}`);
      await expectNoRawKeys(jp);
      await expectNoHorizontalOverflow(jp);
      await expectNoCriticalA11yViolations(jp, `agenda jp (${locale})`);
      await screenshot(jp, locale, 'agenda-jp-published.390');

      await cn.goto('/agenda');
      const cnItem = cn.locator(`article[data-meeting="${meetingId}"]`);
      await cnItem.waitFor();
      expect((await cnItem.locator('[data-test=local-time]').innerText()).trim()).toBe(`${clock(shanghai.startsAt)}–${clock(shanghai.endsAt)}`);
      // The company is on the edition's clock: no second time.
      expect(await cnItem.locator('[data-test=event-time]').count()).toBe(0);
      // The company confirms its slot.
      await cnItem.getByRole('button', { name: labels.confirm, exact: true }).click();
      await cnItem.locator('.chip', { hasText: labels.confirmedByYou }).waitFor();
      await expectNoHorizontalOverflow(cn);
      await expectNoCriticalA11yViolations(cn, `agenda cn (${locale})`);
      await screenshot(cn, locale, 'agenda-cn-published.390');

      // The same agenda on a desktop, for the pictures.
      const jpDesktop = await as(browser, delegate, locale);
      await jpDesktop.goto('/agenda');
      await jpDesktop.locator(`article[data-meeting="${meetingId}"]`).waitFor();
      await screenshot(jpDesktop, locale, 'agenda-jp-published');
      await jpDesktop.goto('/notifications');
      await jpDesktop.locator('li[data-notification]').first().waitFor();
      await expectNoRawKeys(jpDesktop);
      await expectNoCriticalA11yViolations(jpDesktop, `notifications (${locale})`);
      await screenshot(jpDesktop, locale, 'notifications-jp');
      await jpDesktop.context().close();

      // 6. The Japanese delegate declines the slot: it leaves both agendas.
      await jpItem.locator('input').fill('E2E: 都合がつかなくなりました');
      await jpItem.getByRole('button', { name: labels.decline, exact: true }).click();
      await jpItem.waitFor({ state: 'detached' });
      await cn.reload();
      await cn.getByRole('heading', { level: 1, name: labels.agendaHeading, exact: true }).waitFor();
      await cn.waitForLoadState('networkidle');
      expect(await cn.locator(`article[data-meeting="${meetingId}"]`).count()).toBe(0);
      // …and is back among the meetings to be placed again.
      const back = await api<{ status: string }>('GET', `/meetings/${meetingId}`, undefined, await apiToken(delegate));
      expect(back.status).toBe('accepted');

      for (const page of [jp, bureau, cn]) await page.context().close();
    });
  }
});

async function agendaItem(account: string, editionId: string, zone: string, meetingId: string): Promise<AgendaItem> {
  const agenda = await api<{ items: AgendaItem[] }>('GET', `/events/${editionId}/agenda?zone=${encodeURIComponent(zone)}`, undefined, await apiToken(account));
  const item = agenda.items.find((i) => i.meetingId === meetingId);
  if (!item) throw new Error(`${account} has no agenda item for ${meetingId}`);
  return item;
}

async function as(browser: Browser, account: string, locale: UiLocale, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openPage(browser, locale, viewport);
  await signIn(page, account);
  await switchLanguage(page, locale);
  return page;
}
