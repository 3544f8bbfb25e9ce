import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAt, expectAccessible, keepForDocs, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type ApiSession, apiSession, type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';

const wait = { timeout: 60_000 };

// The real server and built web app on the demo: leadership opens the portfolio, follows the link to this
// week's leadership view (attention first), on a desktop with axe, in Chinese, and on a phone without sideways scrolling.
describe('browser: the leadership view of a week', () => {
  let world: DemoBrowser;
  let lead: ApiSession;
  let week = '';
  beforeAll(async () => {
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-leadership-'));
    lead = await apiSession(world.browser, world.server.url, 'lead@demo.test');
  });
  afterAll(async () => {
    await lead?.close();
    await world?.stop();
  });

  it('opens from the portfolio: programs needing attention first, with why, and what changed with its reason', async () => {
    // The demo's own page is this browser (a desktop in Berlin, in British English): a page of its own would cost another renderer.
    const page = world.page;
    await signInByApi(page.context(), world.server.url, 'admin@demo.test');
    await page.goto(`${world.server.url}/portfolio`);
    const link = page.getByRole('link', { name: 'Leadership view of this week' });
    await expect.poll(() => link.count(), wait).toBe(1);
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname, wait).toMatch(/^\/portfolio\/weeks\/\d{4}-W\d{2}$/);
    week = new URL(page.url()).pathname.split('/').pop() as string;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toBe(`Leadership view, ${week}`);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Needs attention first' }).count(), wait).toBe(1);
    // Attention first: the first card's program is one with a reason, and the API agrees on the order.
    const view = await lead.call<{ lines: { program: { code: string }; reasons: unknown[] }[] }>('GET', `/portfolio/weeks/${week}`);
    const first = view.lines[0];
    expect(first?.reasons.length).toBeGreaterThan(0);
    const cards = page.locator('.leadership-card h3');
    await expect.poll(() => cards.first().textContent(), wait).toContain(first?.program.code ?? '?');
    expect(await page.getByRole('heading', { level: 2, name: 'What changed since last week' }).count()).toBe(1);
    await expectAccessible(page);
    keepForDocs(await screenshot(page, 'leadership-view'));

    const previous = page.getByRole('link', { name: /^← \d{4}-W\d{2}$/ });
    await previous.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).not.toBe(`Leadership view, ${week}`);
  });

  it('reads in Chinese and fits a phone', async () => {
    // Another browser (locale, zone, size, touch): a context of its own.
    const phone = await contextAt(world.browser, demoInstant, {
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signInByApi(phone, world.server.url, 'observer@demo.test');
    const small = await phone.newPage();
    await small.goto(`${world.server.url}/portfolio/weeks/${week || '2026-W11'}`);
    await expect.poll(() => small.getByRole('heading', { level: 2, name: '需优先关注' }).count(), wait).toBe(1);
    await expect.poll(() => small.locator('.leadership-card').count(), wait).toBeGreaterThan(0);
    expect(await small.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await expectAccessible(small);
    keepForDocs(await screenshot(small, 'phone-leadership-view', { viewport: true }));
    await phone.close();
  });
});
