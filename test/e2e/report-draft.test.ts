import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAt, expectAccessible, keepForDocs, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type ApiSession, apiSession, type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';

const wait = { timeout: 60_000 };
const code = 'KHG-KW500';
/** The demo's week (Wednesday 11 March 2026 at the factory). */
const week = '2026-W11';

// The real server and built web app on the demo: the cadence owner opens this week's draft, follows a lint
// finding to the milestone without an owner and gives it one, comes back to find the finding gone, records a
// decision taken in the cadence meeting, issues the week (the findings left acknowledged) and reads the issued
// revision with its minutes; the program then changes and the issued revision reads the same, word for word.
describe('browser: the weekly report draft and the cadence meeting', () => {
  let world: DemoBrowser;
  let lead: ApiSession;
  /** The cadence owner's desktop page, through every test: the demo browser's own page (world.page). */
  let page: Page;
  beforeAll(async () => {
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-report-draft-'));
    lead = await apiSession(world.browser, world.server.url, 'lead@demo.test');
    page = world.page;
    await signInByApi(page.context(), world.server.url, 'lead@demo.test');
  });
  afterAll(async () => {
    await lead?.close();
    await world?.stop();
  });

  const lint = () => page.getByRole('region', { name: /^Lint: / });

  it('opens this week’s draft from the program, and fixes a lint finding through its link', async () => {
    await page.goto(`${world.server.url}/programs/${code}`);
    await page.getByRole('link', { name: 'Weekly report' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toBe(`Weekly report ${week} (draft)`);
    expect(page.url()).toBe(`${world.server.url}/programs/${code}/reports/${week}`);
    // The sections come with the draft's data, which may arrive after the heading: waited for, as a person would.
    for (const h of [
      '1. Milestone movement',
      '2. Blockers requiring action',
      '3. Decisions needed from owners',
      '4. Risk changes',
      'Cadence meeting',
    ])
      await expect.poll(() => page.getByRole('heading', { level: 2, name: h }).count(), wait).toBe(1);
    await expect.poll(() => lint().textContent(), wait).toContain('No owner: M-54');

    await lint()
      .getByRole('link', { name: /^Open M-54 / })
      .click();
    await page.getByRole('button', { name: 'Edit M-54' }).click();
    const dialog = page.getByRole('dialog', { name: /^Edit M-54/ });
    await dialog.getByLabel('Owner').selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);

    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toBe(`Weekly report ${week} (draft)`);
    await expect.poll(() => lint().textContent(), wait).not.toContain('M-54');
    expect(await lint().textContent()).toMatch(/^Lint: 2 findings/);
  });

  it('records a decision taken in the cadence meeting into its minutes', async () => {
    const meeting = page.getByRole('region', { name: 'Cadence meeting' });
    await expect.poll(() => meeting.getByRole('heading', { name: 'Agenda' }).count(), wait).toBe(1);
    expect(await meeting.textContent()).toContain('decision owner');
    await meeting.getByRole('button', { name: 'Record a decision taken' }).click();
    const dialog = page.getByRole('dialog', { name: 'A decision taken in the meeting' });
    await dialog.getByLabel('What was decided about').fill('Ship the pilot samples by air');
    await dialog.getByLabel('Outcome').fill('By air, this once');
    await dialog.getByLabel('Rationale').fill('The GS lab slot is next week');
    await dialog.getByLabel('Expected impact').fill('+1.2 k EUR; the lab date holds');
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Record outcome' }).click();
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);
    await expect
      .poll(() => meeting.getByRole('listitem').filter({ hasText: 'Ship the pilot samples by air' }).count(), wait)
      .toBeGreaterThan(0);
    expect(await meeting.textContent()).toContain('decided “By air, this once”');
  });

  it('passes axe, and is saved for the docs on a desktop and at 390 px', async () => {
    await expectAccessible(page);
    keepForDocs(await screenshot(page, 'report-draft'));
    const phone = await contextAt(world.browser, demoInstant, {
      locale: 'en-GB',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signInByApi(phone, world.server.url, 'lead@demo.test');
    const small = await phone.newPage();
    await small.goto(`${world.server.url}/programs/${code}/reports/${week}`);
    await expect.poll(() => small.getByRole('heading', { level: 2, name: 'Cadence meeting' }).count(), wait).toBe(1);
    await expect.poll(() => small.getByRole('heading', { name: 'Minutes' }).count(), wait).toBe(1);
    expect(await small.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    keepForDocs(await screenshot(small, 'report-draft-phone', { viewport: true }));
    await phone.close();
  });

  it('is read-only for an observer, in Simplified Chinese when the browser asks for it', async () => {
    const observer = await contextAt(world.browser, demoInstant, {
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1200, height: 900 },
    });
    await signInByApi(observer, world.server.url, 'observer@demo.test');
    const reader = await observer.newPage();
    await reader.goto(`${world.server.url}/programs/${code}/reports/${week}`);
    await expect.poll(() => reader.getByRole('heading', { level: 1 }).textContent(), wait).toBe(`${week} 周报(草稿)`);
    await expect.poll(() => reader.getByRole('heading', { level: 2, name: '例会' }).count(), wait).toBe(1);
    for (const h of ['1. 里程碑变动', '2. 需要处理的阻碍', '3. 需要负责人做出的决策', '4. 风险变化'])
      expect(await reader.getByRole('heading', { level: 2, name: h }).count()).toBe(1);
    // The narrative is read, never edited; nothing is issued or recorded.
    expect(await reader.locator('article.report-draft form').count()).toBe(0);
    expect(await reader.getByRole('button', { name: '记录会上做出的决策' }).count()).toBe(0);
    expect(await reader.getByRole('heading', { level: 2, name: '发布', exact: true }).count()).toBe(0);
    await observer.close();
  });

  it('issues with the findings acknowledged, shows the issued revision with its minutes, and keeps it word for word after a change', async () => {
    const issue = page.getByRole('form', { name: 'Issue' });
    await issue.getByRole('button', { name: 'Issue report' }).click();
    // Findings are left: the box must be ticked first.
    await expect.poll(() => issue.textContent(), wait).toContain('tick the box to issue anyway');
    await issue.getByLabel('Issue with 2 lint findings left (recorded in the report)').check();
    await issue.getByRole('button', { name: 'Issue report' }).click();
    await expect.poll(() => page.url(), wait).toBe(`${world.server.url}/programs/${code}/reports/${week}/1`);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Meeting minutes' }).count(), wait).toBe(1);
    const article = page.locator('article.issued-report');
    const issued = await article.textContent();
    expect(issued).toContain('Ship the pilot samples by air');
    expect(issued).toContain('Issued with 2 lint findings, acknowledged');

    // The program changes: a milestone moves. The issued revision still reads exactly the same.
    const m = await lead.call<{ id: string; version: number; forecastDate: string }>('GET', `/programs/${code}/milestones/M-54`);
    await lead.call('POST', `/programs/${code}/milestones/${m.id}/move`, {
      version: m.version,
      forecastDate: '2026-06-30',
      reason: 'Retail launch moved by the client',
    });
    await page.reload();
    // Polled: the heading names the program once its own read arrives (it shows the code until then; CI saw that).
    await expect.poll(() => article.textContent(), wait).toBe(issued);
    // The draft, read again, lists the revision.
    await page.goto(`${world.server.url}/programs/${code}/reports/${week}`);
    await expect.poll(() => page.getByRole('link', { name: `Revision 1 of ${week}` }).count(), wait).toBe(1);
  });
});
