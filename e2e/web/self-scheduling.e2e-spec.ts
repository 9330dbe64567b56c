import { Browser } from 'playwright-core';
import { api, apiToken, DEMO_PASSWORD, demoEditionId, describeInBrowser, expectNoRawKeys, launchBrowser, signedInPage, unique } from './support/browser';

const BUREAU = 'bureau@demo.test';
const TITLE = { ja: '面談の時間', 'zh-CN': '会谈时间' } as const;

interface Me {
  organizationId: string | null;
}

/**
 * Issue 17 in the browser: in an edition where participants schedule, the Ji'nan company
 * picks a time from the options (both zones shown) and accepts — booked at once, on both
 * agendas; then the Japanese firm proposes another time and the company accepts it. Once
 * in Japanese and once in Chinese.
 */
describeInBrowser('self-scheduling', () => {
  let browser: Browser;
  let editionId: string;
  let bureau: string;

  /**
   * An approved request between a Japanese firm and a Ji'nan company registered (and verified)
   * for this test alone: one meeting per pair and edition, and the demo accounts' pairs belong
   * to the other browser tests, which may run before or after this file.
   */
  async function approvedRequest(): Promise<{ id: string; jp: string; cn: string }> {
    const jp = await verifiedAccount('jp');
    const cn = await verifiedAccount('cn');
    const counterpartId = (await api<Me>('GET', '/me', undefined, await apiToken(cn))).organizationId;
    const created = await api<{ id: string }>('POST', `/events/${editionId}/meetings`, { counterpartId }, await apiToken(jp));
    await api('POST', `/meetings/${created.id}/review`, { decision: 'approve' }, bureau);
    return { id: created.id, jp, cn };
  }

  /** A new account and organization (health, speaking Japanese and Chinese), verified by the bureau. */
  async function verifiedAccount(role: 'jp' | 'cn'): Promise<string> {
    const email = `${unique(`self-${role}`)}@e2e.test`;
    await api('POST', '/auth/register', {
      email,
      password: DEMO_PASSWORD,
      fullName: role === 'jp' ? '日程 太郎' : '日程 李',
      role,
      locale: role === 'jp' ? 'ja' : 'zh-CN',
      timeZone: role === 'jp' ? 'Asia/Tokyo' : 'Asia/Shanghai',
      consent: { shareProfile: true },
      organization:
        role === 'jp'
          ? { nameJa: `日程テスト株式会社 ${unique('o')}`, sectors: ['health'], sizeBand: 'medium', languages: ['ja', 'zh'], delegates: 2 }
          : { nameZh: `济南日程测试有限公司 ${unique('o')}`, sectors: ['health'], sizeBand: 'medium', languages: ['zh', 'ja'], delegates: 2 },
    });
    const organizationId = (await api<Me>('GET', '/me', undefined, await apiToken(email))).organizationId;
    await api('POST', `/organizations/${organizationId}/verification`, { decision: 'verified', note: 'E2E' }, bureau);
    return email;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    bureau = await apiToken(BUREAU);
    editionId = await demoEditionId(bureau);
    await api('PATCH', `/events/${editionId}`, { schedulingMode: 'participants' }, bureau);
  });
  afterAll(async () => {
    // Other browser tests expect the default mode.
    if (editionId) await api('PATCH', `/events/${editionId}`, { schedulingMode: 'organiser' }, bureau);
    await browser?.close();
  });

  for (const locale of ['ja', 'zh-CN'] as const) {
    it(`${locale}: the company picks a time and accepts; the firm proposes another, the company accepts it`, async () => {
      const meeting = await approvedRequest();
      const cn = await signedInPage(browser, meeting.cn, locale);
      await cn.goto(`/meetings/${meeting.id}`);
      const section = cn.locator('[data-slots]');
      await section.locator('h2').filter({ hasText: TITLE[locale] }).waitFor();
      const first = section.locator('li[data-slot]').first();
      await first.waitFor();
      const slotId = await first.getAttribute('data-slot');
      await expectNoRawKeys(cn);
      await first.locator('[data-pick]').click();
      // Not async: an async predicate returns a promise, which is truthy at once, and the check below raced the booking.
      await cn.waitForFunction(() => !document.querySelector('[data-pick]'));

      const booked = await api<{ status: string }>('GET', `/meetings/${meeting.id}`, undefined, await apiToken(meeting.cn));
      expect(booked.status).toBe('scheduled');
      for (const party of [meeting.jp, meeting.cn]) {
        const agenda = await api<{ items: { meetingId: string; startsAt: string; editionStartsAt: string }[] }>(
          'GET',
          `/events/${editionId}/agenda`,
          undefined,
          await apiToken(party),
        );
        expect(agenda.items.map((i) => i.meetingId)).toContain(meeting.id);
      }

      const jp = await signedInPage(browser, meeting.jp, locale);
      await jp.goto(`/meetings/${meeting.id}`);
      const other = jp.locator('[data-slots] li[data-slot]').first();
      await other.waitFor();
      const otherSlot = await other.getAttribute('data-slot');
      expect(otherSlot).not.toBe(slotId);
      await other.locator('[data-propose]').click();
      await jp.locator('[data-my-proposal]').waitFor();

      await cn.reload();
      await cn.locator('[data-proposal]').waitFor();
      await cn.locator('[data-proposal-accept]').click();
      await cn.locator('[data-proposal]').waitFor({ state: 'detached' });
      const agenda = await api<{ items: { meetingId: string; startsAt: string }[] }>(
        'GET',
        `/events/${editionId}/agenda`,
        undefined,
        await apiToken(meeting.jp),
      );
      const moved = agenda.items.find((i) => i.meetingId === meeting.id);
      expect(moved).toBeDefined();
      const confirmed = await api<{ status: string }>('GET', `/meetings/${meeting.id}`, undefined, await apiToken(meeting.jp));
      expect(confirmed.status).toBe('confirmed');
      await cn.context().close();
      await jp.context().close();
    });
  }
});
