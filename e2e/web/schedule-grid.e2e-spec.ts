import { Browser } from 'playwright-core';
import {
  api,
  apiToken,
  demoEditionId,
  describeInBrowser,
  expectNoCriticalA11yViolations,
  expectNoRawKeys,
  launchBrowser,
  screenshot,
  signedInPage,
} from './support/browser';

interface Booking {
  meetingId: string;
  sessionId: string;
  slotId: string;
  tableNumber: number;
  jp: { id: string };
  cn: { id: string };
  status: string;
}
interface Session {
  id: string;
  kind: string;
  slots: { id: string; startsAt: string; endsAt: string }[];
  tables: { number: number }[];
}

const MOVED: Record<'ja' | 'zh-CN', string> = { ja: '商談を移動しました', 'zh-CN': '洽谈已调整' };

/** Issue 13: the bureau moves a meeting by hand in the schedule grid, seeing conflicts first. */
describeInBrowser('schedule grid hand edits', () => {
  let browser: Browser;
  let editionId: string;
  let bureau: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    bureau = await apiToken('bureau@demo.test');
    editionId = await demoEditionId(bureau);
    // Two accepted meetings of the same firm (jp2 with cn2 and cn3), then a scheduler run.
    const jp = await apiToken('jp2@demo.test');
    const mine = await api<{ items: { id: string; status: string; cnOrganization: { id: string } }[] }>(
      'GET',
      `/events/${editionId}/meetings?pageSize=100`,
      undefined,
      jp,
    );
    for (const company of ['cn2@demo.test', 'cn3@demo.test']) {
      const cn = await apiToken(company);
      const org = (await api<{ organizationId: string }>('GET', '/me', undefined, cn)).organizationId;
      if (mine.items.some((m) => m.cnOrganization.id === org)) continue;
      const m = await api<{ id: string }>('POST', `/events/${editionId}/meetings`, { counterpartId: org }, jp);
      await api('POST', `/meetings/${m.id}/review`, { decision: 'approve' }, bureau);
      await api('POST', `/meetings/${m.id}/respond`, { decision: 'accept' }, cn);
    }
    const run = await api<{ id: string; status: string }>('POST', `/events/${editionId}/schedule/runs`, {}, bureau);
    const deadline = Date.now() + 60_000;
    for (let status = run.status; status !== 'succeeded'; ) {
      if (status === 'failed' || Date.now() > deadline) throw new Error(`schedule run ${run.id} ended ${status}`);
      await new Promise((r) => setTimeout(r, 500));
      status = (await api<{ status: string }>('GET', `/events/${editionId}/schedule/runs/${run.id}`, undefined, bureau)).status;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await api('PATCH', '/me', { locale: 'zh-CN' }, bureau);
  });

  for (const locale of ['ja', 'zh-CN'] as const) {
    it(`moves a meeting in ${locale}`, async () => {
      const grid = await api<{ bookings: Booking[] }>('GET', `/events/${editionId}/schedule`, undefined, bureau);
      const edition = await api<{ sessions: Session[] }>('GET', `/events/${editionId}`, undefined, bureau);
      const movable = grid.bookings.filter((b) => b.status === 'accepted' || b.status === 'scheduled');
      // A meeting with a free place elsewhere in its session: the table free then, both parties free then (in any session).
      const slotTimes = new Map(edition.sessions.flatMap((s) => s.slots.map((sl) => [sl.id, sl] as const)));
      const overlaps = (o: Booking, sl: { startsAt: string; endsAt: string }) => {
        const when = slotTimes.get(o.slotId);
        return !!when && when.startsAt < sl.endsAt && sl.startsAt < when.endsAt;
      };
      let pick: { b: Booking; slotId: string; table: number } | undefined;
      for (const b of movable) {
        const session = edition.sessions.find((s) => s.id === b.sessionId) as Session;
        for (const slot of session.slots) {
          if (slot.id === b.slotId) continue;
          const then = grid.bookings.filter((o) => o.meetingId !== b.meetingId && overlaps(o, slot));
          if (then.some((o) => o.jp.id === b.jp.id || o.cn.id === b.cn.id)) continue;
          const table = session.tables.map((t) => t.number).find((n) => !then.some((o) => o.sessionId === b.sessionId && o.tableNumber === n));
          if (table) {
            pick = { b, slotId: slot.id, table };
            break;
          }
        }
        if (pick) break;
      }
      if (!pick) throw new Error('no movable meeting with a free place in the demo schedule');
      // A slot of its session at which one of its organisations already meets someone else
      // (the demo firm jp2 meets two companies, in two sessions that run side by side).
      const ownSession = edition.sessions.find((s) => s.id === pick.b.sessionId) as Session;
      const clash = ownSession.slots.find(
        (sl) =>
          sl.id !== pick.b.slotId &&
          grid.bookings.some((o) => o.meetingId !== pick.b.meetingId && (o.jp.id === pick.b.jp.id || o.cn.id === pick.b.cn.id) && overlaps(o, sl)),
      );

      const page = await signedInPage(browser, 'bureau@demo.test', locale);
      await page.goto('/bureau/scheduler');
      const cell = page.locator(`td[data-meeting="${pick.b.meetingId}"]`);
      await cell.waitFor();
      await page.locator(`details:has(td[data-meeting="${pick.b.meetingId}"])`).evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await cell.locator('button').click();
      const editor = page.locator('[data-grid-editor]');
      await editor.waitFor();

      if (clash) {
        await editor.locator('[data-grid-slot]').click();
        await page.locator(`mat-option[data-slot-id="${clash.id}"]`).click();
        await editor.locator('[data-grid-conflicts] li').first().waitFor();
        await screenshot(page, locale, 'scheduler-grid-conflict');
      }

      await editor.locator('[data-grid-slot]').click();
      await page.locator(`mat-option[data-slot-id="${pick.slotId}"]`).click();
      await editor.locator('[data-grid-table]').click();
      await page.locator(`mat-option[data-table="${pick.table}"]`).click();
      await editor.locator('[data-grid-free]').waitFor();
      await expectNoRawKeys(page);
      await expectNoCriticalA11yViolations(page, `scheduler grid editor ${locale}`);
      await editor.locator('[data-grid-move]').click();
      await page.locator('[role=status]', { hasText: MOVED[locale] }).first().waitFor();

      const after = await api<{ bookings: Booking[] }>('GET', `/events/${editionId}/schedule`, undefined, bureau);
      const moved = after.bookings.find((b) => b.meetingId === pick.b.meetingId);
      expect(moved).toMatchObject({ slotId: pick.slotId, tableNumber: pick.table });

      // Pin and exclude are options of the next run, marked in the grid.
      await editor.locator('[data-grid-pin] input').check();
      await page.locator('[data-run-options]').waitFor();
      await screenshot(page, locale, 'scheduler-grid-edit');
      await page.context().close();
    });
  }
});
