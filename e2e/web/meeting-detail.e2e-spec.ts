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
  runMatching,
  screenshot,
  signedInPage,
} from './support/browser';

const REQUESTER = 'jp3@demo.test';
const STRANGER = 'jp2@demo.test';
const COMPANIES = ['cn1@demo.test', 'cn2@demo.test', 'cn3@demo.test'];

const ACCEPTED: Record<'ja' | 'zh-CN', string> = { ja: '成立', 'zh-CN': '已接受' };

interface Me {
  organizationId: string | null;
}

/**
 * Issue 13: a Ji'nan company decides with the facts in front of it. It opens a request
 * from its list and from a deep link, sees the score, the reasons and the deadline, opens
 * the requester's profile, exchanges a message and accepts; a stranger's deep link shows
 * the not-found page. Once in Japanese (desktop) and once in Chinese (phone).
 */
describeInBrowser('meeting detail, profile and thread', () => {
  let browser: Browser;
  let editionId: string;
  let requesterOrg: string;
  /** The Ji'nan companies the requester's recommendations cover: their pairs have a score. */
  let scored: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await runMatching();
    const jp = await apiToken(REQUESTER);
    editionId = await demoEditionId(jp);
    requesterOrg = (await api<Me>('GET', '/me', undefined, jp)).organizationId as string;
    const recommended = await api<{ companies: { company: { id: string } }[]; offers: { company: { id: string } }[] }>(
      'GET',
      `/events/${editionId}/recommendations?limit=50`,
      undefined,
      jp,
    );
    const ids = new Set([...recommended.companies, ...recommended.offers].map((r) => r.company.id));
    for (const email of COMPANIES) {
      const org = (await api<Me>('GET', '/me', undefined, await apiToken(email))).organizationId;
      if (org && ids.has(org)) scored.push(email);
    }
    // Companies without a stored score still run the flow (the score line then says so).
    scored = [...scored, ...COMPANIES.filter((c) => !scored.includes(c))];
  });
  afterAll(async () => {
    await browser?.close();
    for (const account of [REQUESTER, STRANGER, ...COMPANIES])
      await api('PATCH', '/me', { locale: account.startsWith('jp') ? 'ja' : 'zh-CN' }, await apiToken(account));
  });

  for (const [index, locale] of (['ja', 'zh-CN'] as const).entries()) {
    it(`runs in ${locale}`, async () => {
      const viewport = locale === 'ja' ? undefined : PHONE;
      const suffix = viewport ? '.390' : '';
      const jpToken = await apiToken(REQUESTER);
      const bureauToken = await apiToken('bureau@demo.test');
      // A company this firm has not met yet in this edition.
      const existing = await api<{ items: { cnOrganization: { id: string } }[] }>('GET', `/events/${editionId}/meetings?pageSize=100`, undefined, jpToken);
      const taken = new Set(existing.items.map((m) => m.cnOrganization.id));
      let company: string | undefined;
      let companyOrg = '';
      for (const email of scored.slice(index)) {
        const org = (await api<Me>('GET', '/me', undefined, await apiToken(email))).organizationId as string;
        if (!taken.has(org)) {
          company = email;
          companyOrg = org;
          break;
        }
      }
      if (!company) throw new Error(`${REQUESTER} has already met every demo company`);
      const meeting = await api<{ id: string; matchScore: number | null }>(
        'POST',
        `/events/${editionId}/meetings`,
        { counterpartId: companyOrg, message: 'E2E: 御社の技術について伺いたいです。' },
        jpToken,
      );
      await api('POST', `/meetings/${meeting.id}/review`, { decision: 'approve' }, bureauToken);

      const cn = await signedInPage(browser, company, locale, viewport);
      // From the list: score, reasons and deadline on the card, then the detail page.
      await cn.goto('/meetings');
      const card = cn.locator(`mat-card[data-meeting="${meeting.id}"]`);
      await card.waitFor();
      await card.locator('[data-deadline]').waitFor();
      if (meeting.matchScore !== null) {
        await card.locator('[data-score]').waitFor();
        expect(await card.locator('[data-reasons] li').count()).toBeGreaterThan(0);
      }
      await screenshot(cn, locale, `meetings-incoming${suffix}`);
      await card.locator('[data-open-meeting]').click();
      await cn.waitForURL(`**/meetings/${meeting.id}`);
      await cn.locator(`h1[data-meeting-detail="${meeting.id}"]`).waitFor();

      // From a deep link.
      await cn.goto(`/meetings/${meeting.id}`);
      await cn.locator(`h1[data-meeting-detail="${meeting.id}"]`).waitFor();
      await cn.locator('[data-deadline]').waitFor();
      await cn.locator('[data-request-message]').waitFor();
      if (meeting.matchScore !== null) {
        await cn.locator('[data-score]').waitFor();
        expect(await cn.locator('[data-reasons] li').count()).toBeGreaterThan(0);
      } else {
        await cn.locator('[data-score-none]').waitFor();
      }
      await expectNoRawKeys(cn);
      await expectNoHorizontalOverflow(cn);
      await expectNoCriticalA11yViolations(cn, `meeting detail ${locale}`);
      await screenshot(cn, locale, `meeting-detail${suffix}`);

      // The requester's profile: no delegates before the meeting is accepted.
      await cn.locator(`[data-org-link="${requesterOrg}"]`).first().click();
      await cn.waitForURL(`**/organizations/${requesterOrg}`);
      await cn.locator('h1[data-org-name]').waitFor();
      await cn.locator('[data-delegates-hidden]').waitFor();
      await expectNoRawKeys(cn);
      await expectNoHorizontalOverflow(cn);
      await expectNoCriticalA11yViolations(cn, `organization profile ${locale}`);
      await screenshot(cn, locale, `organization-profile${suffix}`);
      await cn.goBack();
      await cn.locator(`h1[data-meeting-detail="${meeting.id}"]`).waitFor();

      // A message each way.
      const question = locale === 'ja' ? 'どの工場のお話でしょうか。' : '请问是哪一家工厂？';
      await cn.locator('[data-thread-input]').fill(question);
      await cn.locator('[data-thread-send]').click();
      await cn.locator('[data-thread] li.mine', { hasText: question }).waitFor();
      await api('POST', `/meetings/${meeting.id}/messages`, { body: '歴城区の工場です。' }, jpToken);
      await cn.reload();
      await cn.locator('[data-thread] li:not(.mine)', { hasText: '歴城区の工場です。' }).waitFor();
      const told = await api<{ items: { kind: string; meetingId: string }[] }>('GET', '/notifications', undefined, jpToken);
      expect(told.items.some((n) => n.kind === 'meeting.message' && n.meetingId === meeting.id)).toBe(true);

      // Accept: the status follows, the cancel action appears, accept is gone.
      await cn.locator('[data-action="accept"]').click();
      await cn.locator('[data-status]', { hasText: ACCEPTED[locale] }).waitFor();
      await cn.locator('[data-action="cancel"]').waitFor();
      expect(await cn.locator('[data-action="accept"]').count()).toBe(0);
      // Now the requester's delegates are visible.
      await cn.goto(`/organizations/${requesterOrg}`);
      await cn.locator('[data-delegates] li').first().waitFor();

      // A stranger's deep link: the not-found page, nothing of the meeting.
      const stranger = await signedInPage(browser, STRANGER, locale, viewport);
      await stranger.goto(`/meetings/${meeting.id}`);
      await stranger.locator('[data-not-found]').waitFor();
      expect(await stranger.locator('[data-meeting-detail]').count()).toBe(0);
      await expectNoRawKeys(stranger);
      await screenshot(stranger, locale, `meeting-not-found${suffix}`);
      for (const page of [cn, stranger]) await page.context().close();
    });
  }
});
