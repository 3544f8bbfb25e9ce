import type { Locator, Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAction } from '../../src/app/actions/open-action.js';
import { principalOf } from '../../src/app/auth/principal.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import { decideDecision } from '../../src/app/decisions/decide-decision.js';
import { requestDecision } from '../../src/app/decisions/request-decision.js';
import type { AppDeps } from '../../src/app/deps.js';
import type { User } from '../../src/app/ports.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { RunningServer } from '../../src/main/server.js';
import { openStore } from '../../src/store/open-store.js';
import { expectAccessible, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';
import { testPasswords } from '../support/passwords.js';

const program = 'KHG-KW500';
/** More than a page of each: the log shows 50 decisions a page, the actions page 100 actions. */
const extraDecisions = 55;
const extraActions = 105;
/** A title of one long unbroken token (a part number pasted whole), which a phone's card must wrap. */
const longTitle = `Replace connector ${'X7'.repeat(120)}`;
/** A milestone name of one absurdly long word, and a decision whose statement is a long URL: both must wrap on a phone. */
const longWord = `Werkzeugfreigabe${'abnahme'.repeat(25)}`;
const longUrl = `Approve https://supplier.example.com/${'tooling-change-request/'.repeat(8)}T2?rev=7`;

/**
 * Writes decided decisions and open actions into the demo's file through the use cases, beside the
 * running server (SQLite lets two writers take turns), as the demo's cadence owner at the demo's instant.
 */
async function addRecords(dataDir: string): Promise<void> {
  const opened = openStore({ dataDir });
  try {
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(demoInstant) }, newId: uuidv7, passwords: testPasswords };
    const lead = await principalOf(opened.store.reads, (await opened.store.reads.findUserByEmail('lead@demo.test')) as User);
    for (let i = 1; i <= extraDecisions; i++) {
      const asked = unwrap(
        await requestDecision(deps, {
          programId: program,
          actor: lead,
          statement: `Paged question ${i}`,
          ownerId: lead.id,
          dueDate: '2026-03-20' as PlainDate,
        }),
      );
      const { id, version } = asked.decision;
      unwrap(
        await decideDecision(deps, {
          programId: program,
          decisionId: id,
          version,
          actor: lead,
          outcome: `Answer ${i}`,
          rationale: 'Paging',
          expectedImpact: 'None',
        }),
      );
    }
    unwrap(
      await createMilestone(deps, {
        programId: program,
        actor: lead,
        name: longWord,
        phase: 'G2',
        ownerId: lead.id,
        baselineDate: '2026-09-30' as PlainDate,
      }),
    );
    unwrap(
      await requestDecision(deps, {
        programId: program,
        actor: lead,
        statement: longUrl,
        ownerId: lead.id,
        dueDate: '2026-09-01' as PlainDate,
      }),
    );
    for (let i = 1; i <= extraActions; i++) {
      unwrap(
        await openAction(deps, {
          programId: program,
          actor: lead,
          title: i === extraActions ? longTitle : `Paged action ${i}`,
          ownerId: lead.id,
          dueDate: '2026-09-01' as PlainDate,
        }),
      );
    }
  } finally {
    await opened.store.close();
  }
}

/** Whether `before` comes before `after` in the page (4: DOCUMENT_POSITION_FOLLOWING). */
async function precedes(before: Locator, after: Locator): Promise<boolean> {
  const pair = [await before.elementHandle(), await after.elementHandle()] as const;
  type Positioned = { compareDocumentPosition(other: unknown): number };
  return before.page().evaluate(([a, b]) => ((a as unknown as Positioned).compareDocumentPosition(b) & 4) !== 0, pair);
}

// The real server and built web app on a copy of the demo, with more decisions and actions than a page holds.
describe('browser: long lists a page at a time ("Show more")', () => {
  let server: RunningServer;
  let world: DemoBrowser;
  let page: Page;
  const dataDir = demoDataDir('tollgate-e2e-pages-');

  beforeAll(async () => {
    world = await startDemoBrowser(dataDir, addRecords);
    ({ server, page } = world);
    await signInByApi(page.context(), server.url, 'lead@demo.test');
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('shows the decision log latest first, 50 at a time: older decisions come after the rows shown', async () => {
    await page.goto(`${server.url}/programs/${program}/decisions`);
    const log = page.getByRole('table', { name: /Decided and superseded decisions/ });
    const rows = log.locator('tbody tr');
    const older = page.getByRole('button', { name: 'Show older decisions' });
    await expect.poll(() => rows.count()).toBe(50);
    // The lead may supersede a decision: the row is complete once the program's rights have loaded too.
    await expect.poll(() => rows.first().getByRole('button', { name: 'Supersede' }).count()).toBe(1);
    // The latest asked first; the button after the rows.
    const first = await rows.first().textContent();
    expect(first).toContain(`Paged question ${extraDecisions}`);
    expect(await precedes(log, older)).toBe(true);
    await expect.poll(() => page.getByText(/of the last 12 months \(\d+ \w+ 2025 to 11 Mar 2026\)/).count()).toBe(1);
    // What only a long log shows: the button to load more and the period it covers. The rows are the markup the
    // decisions file checks on the demo's log (axe's cost grows with the rows: ~5 s for these 50).
    await expectAccessible(page, { within: 'main .more, main .section__intro' });

    for (let i = 0; i < 10 && (await older.count()) > 0; i++) {
      const before = await rows.count();
      await older.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    expect(await older.count()).toBe(0);
    expect(await rows.count()).toBeGreaterThan(extraDecisions);
    // Rows loaded first stay where they were.
    expect(await rows.first().textContent()).toBe(first);
    expect(await rows.nth(49).textContent()).toContain(`Paged question ${extraDecisions - 49}`);
  });

  it('shows the actions 100 at a time, counting "100+" until the rest is loaded', async () => {
    await page.goto(`${server.url}/programs/${program}/actions?status=all`);
    const table = page.getByRole('table', { name: /^Actions/ });
    const rows = table.locator('tbody tr');
    const more = page.getByRole('button', { name: 'Show more actions' });
    const filters = page.getByRole('navigation', { name: 'Show actions' });
    await expect.poll(() => rows.count()).toBe(100);
    expect(await precedes(table, more)).toBe(true);
    await expect.poll(() => filters.getByRole('link', { name: /^All/ }).textContent()).toBe('All 100+');
    // Only a lower bound can be said of the open ones until all are loaded.
    const answer = page.locator('.answers__main');
    expect(await answer.textContent()).toMatch(/^At least 100 actions are open; show more actions to see them all\./);
    // What only a long list shows: the "100+" count, the answer's lower bound and the button to load more. The rows
    // are the markup the actions file checks on the demo's list (axe's cost grows with the rows: ~7 s for these 100).
    await expectAccessible(page, { within: 'main nav, main .answers, main .more' });

    await more.click();
    // While the next page loads the button says so (another name): wait for the rows, then for the end.
    await expect.poll(() => rows.count()).toBeGreaterThan(extraActions);
    await expect.poll(() => more.count()).toBe(0);
    const all = await rows.count();
    await expect.poll(() => filters.getByRole('link', { name: /^All/ }).textContent()).toBe(`All ${all}`);
    expect(await answer.textContent()).toMatch(/^\d+ actions are open\./);
  });

  it('on a phone, shows the actions as cards that keep within the screen, long titles wrapped, with "Show more" after them', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/programs/${program}/actions?status=all`);
      const table = page.getByRole('table', { name: /^Actions/ });
      const rows = table.locator('tbody tr');
      const more = page.getByRole('button', { name: 'Show more actions' });
      await expect.poll(() => rows.count()).toBe(100);
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(extraActions);
      await expect.poll(() => more.count()).toBe(0);
      const long = rows.filter({ hasText: 'Replace connector X7X7' });
      await expect.poll(() => long.count()).toBe(1);
      expect(await long.textContent()).toContain(longTitle);
      // Nothing scrolls sideways: neither the page nor the box around the cards.
      type Box = { scrollWidth: number; clientWidth: number };
      type Window = { document: { documentElement: Box }; innerWidth: number };
      const widths = await table.evaluate((el) => {
        const box = (el as unknown as { parentElement: Box }).parentElement;
        const win = globalThis as unknown as Window;
        return { page: win.document.documentElement.scrollWidth, view: win.innerWidth, box: box.scrollWidth, boxView: box.clientWidth };
      });
      expect(widths.page).toBeLessThanOrEqual(widths.view);
      expect(widths.box).toBeLessThanOrEqual(widths.boxView);
      const card = await long.boundingBox();
      expect(card?.width ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('finds a record from the search box (/), keeps long words and URLs within a phone screen, and prints without controls', async () => {
    await page.goto(`${server.url}/programs/${program}`);
    const box = page.getByRole('searchbox', { name: /^Search programs/ });
    await page.getByRole('heading', { level: 1, name: 'Kettle KW-500' }).waitFor();
    await box.waitFor();
    const focused = () =>
      box.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
    expect(await focused()).toBe(false);
    await page.keyboard.press('/');
    await expect.poll(focused).toBe(true);
    await box.fill('werkzeugFREIGABE');
    await box.press('Enter');
    const hit = page.getByRole('region', { name: '1 milestone' }).getByRole('link');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.textContent()).toContain(longWord);
    await expectAccessible(page, { scope: 'main' });
    await hit.click();
    await page.waitForURL(/\/programs\/KHG-KW500#M-\d+$/);

    /** What the screen shows (not the whole page), for docs/screenshots. */
    const shot = async (name: string, near: Locator) => {
      // The list may render again while data arrives: scroll to the element as it is then.
      for (let i = 0; ; i++) {
        try {
          await near.scrollIntoViewIfNeeded();
          break;
        } catch (e) {
          if (i >= 10) throw e;
        }
      }
      await screenshot(page, name, { viewport: true });
    };
    type Win = { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
    const overflow = () =>
      page.evaluate(() => {
        const w = globalThis as unknown as Win;
        return w.document.documentElement.scrollWidth - w.innerWidth;
      });
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => page.getByText(longWord).count()).toBeGreaterThan(0);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot('phone-long-word', page.getByText(longWord).first());
      // The tabs stay whole words (they scroll sideways inside their own strip), badges keep their height.
      const tab = await page
        .getByRole('navigation', { name: 'Program sections' })
        .getByRole('link', { name: /^Decisions/ })
        .boundingBox();
      expect(tab?.height ?? 99).toBeLessThan(60);
      await page.goto(`${server.url}/programs/${program}/decisions`);
      await expect.poll(() => page.getByText(longUrl).count()).toBeGreaterThan(0);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot('phone-long-url', page.getByText(longUrl).first());
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }

    // Print: the program page without navigation or buttons; rows are not cut.
    await page.goto(`${server.url}/programs/${program}`);
    const print = page.getByRole('button', { name: 'Print' });
    await print.waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await print.isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Download CSV' }).first().isVisible()).toBe(false);
      expect(await page.locator('h1').first().isVisible()).toBe(true);
      // Polled: a row still loading (a skeleton) is replaced as the data arrives, and a replaced row has no style.
      await expect
        .poll(() =>
          page
            .locator('.table tbody tr')
            .first()
            .evaluate(
              (el) => (globalThis as unknown as { getComputedStyle(e: unknown): { breakInside: string } }).getComputedStyle(el).breakInside,
            ),
        )
        .toBe('avoid');
      await shot('print-program', page.locator('h1').first());
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
