import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';

// The machine is shared with other test runs: give the page time to load and answer.
const wait = { timeout: 60_000 };

// The real server and built web app on the demo, in Chromium: the cadence owner's bell counts the demo's
// recent notices, the notifications page lists them, and marking them read in one tab updates the bell
// in another through the live updates (server-sent events), without a reload.
describe('browser: notifications and live updates', () => {
  let world: DemoBrowser;
  let list: Page;
  let other: Page;
  const bellOf = (p: Page) => p.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: /^Notifications/ });

  beforeAll(async () => {
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-notifications-'));
    list = world.page;
    await signInByApi(list.context(), world.server.url, 'lead@demo.test');
    other = await list.context().newPage();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('shows the unread count in the top bar and lists the notices with their links', async () => {
    await other.goto(`${world.server.url}/week`);
    await expect.poll(() => bellOf(other).getAttribute('aria-label'), wait).toMatch(/^Notifications, [1-9]\d* unread$/);
    await list.goto(`${world.server.url}/notifications`);
    await list.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor(wait);
    const items = list.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await expect.poll(() => items.count(), wait).toBeGreaterThan(0);
    expect(await items.first().getByText('New').count()).toBe(1);
    const link = items.first().getByRole('link');
    expect(await link.getAttribute('href')).toMatch(/^\/programs\/[A-Z0-9-]+/);
    await expectAccessible(list);
    await screenshot(list, 'notifications');
  });

  it('marking all read updates the bell of another open tab live', async () => {
    await list.getByRole('button', { name: 'Mark all read' }).click();
    await list.getByText('0 unread notices.').waitFor(wait);
    await expect.poll(() => bellOf(list).getAttribute('aria-label'), wait).toBe('Notifications, 0 unread');
    // The other tab has its own cache: only the server's event tells it.
    await expect.poll(() => bellOf(other).getAttribute('aria-label'), wait).toBe('Notifications, 0 unread');
    await list.getByLabel('Only unread').check();
    await list.getByText('You have read everything.').waitFor(wait);
  });

  // The check every browser file relies on: it reports what it should, and checks the page again once axe is in it.
  it('the accessibility check fails on a missing text alternative and too little contrast, and passes once they are mended', async () => {
    await other.evaluate(`(() => {
      const bad = document.createElement('div');
      bad.id = 'axe-probe';
      bad.innerHTML = '<img src="/favicon.ico"><p style="color:#ccc;background:#fff">Faint text</p>';
      document.querySelector('main').append(bad);
    })()`);
    // Scoped to the probe: the whole page is checked by the other files (axe on all of "My week" costs ~2 s).
    const failed = await expectAccessible(other, { within: '#axe-probe' }).then(
      () => '',
      (e: unknown) => String(e),
    );
    expect(failed).toContain('image-alt');
    expect(failed).toContain('color-contrast');
    expect(failed).toContain('#axe-probe');
    // Mended: a text alternative, and dark text on white.
    await other.evaluate(`(() => {
      document.querySelector('#axe-probe img').alt = 'Tollgate';
      document.querySelector('#axe-probe p').style.color = '#222';
    })()`);
    await expectAccessible(other, { within: '#axe-probe' });
  });
});
