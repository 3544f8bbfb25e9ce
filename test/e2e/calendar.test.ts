import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/main/server.js';
import { expectAccessible, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';

// The real server (built web app, SQLite file, demo portfolio) on a loopback port, driven in Chromium.
describe('browser: a program’s business calendar — year view, provisional year, shutdown, official schedule', () => {
  let server: RunningServer;
  let world: DemoBrowser;
  let page: Page;
  const dataDir = demoDataDir('tollgate-e2e-calendar-');
  const calendarUrl = (year?: number) => `${server.url}/programs/KHG-KW500/calendar${year ? `?year=${year}` : ''}`;
  const answer = () => page.locator('.page-head .answers');
  /** A day of the year view, found by its accessible name ("Thursday 1 October 2026: …"). */
  const day = (name: RegExp) => page.getByRole('gridcell', { name });
  const yearHeading = () => page.getByRole('heading', { level: 2, name: /day by day$/ });
  const focused = () => page.locator(':focus');

  beforeAll(async () => {
    world = await startDemoBrowser(dataDir);
    ({ server, page } = world);
    await signInByApi(page.context(), server.url, 'lead@demo.test');
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('opens from the program’s tabs and answers first, in words', async () => {
    await page.goto(`${server.url}/programs/KHG-KW500`);
    await page.getByRole('navigation', { name: 'Program sections' }).getByRole('link', { name: 'Calendar' }).click();
    await page.waitForURL(/\/programs\/KHG-KW500\/calendar$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Business calendar');
    // The program's own year first; then 2026, by the address.
    await expect.poll(() => answer().textContent()).toMatch(/^Kettle KW-500 works \d+ days in \d{4}/);
    await page.goto(calendarUrl(2026));
    await expect.poll(() => yearHeading().textContent()).toBe('2026 day by day');
    await expect.poll(() => answer().textContent()).toMatch(/Kettle KW-500 works \d+ days in 2026/);
    const text = (await answer().textContent()) ?? '';
    expect(text).toContain('Asia/Shanghai');
    expect(text).toContain('days end 18:00');
    expect(text).toContain("China's public holidays with official makeup days");
    expect(text).not.toContain('provisional');
  });

  it('shows China’s National Day as a public holiday, not a working day, and the makeup Saturday as worked', async () => {
    const nationalDay = day(/^Thursday,? 1 October 2026: National Day \(China\), not a working day/);
    await expect.poll(() => nationalDay.count()).toBe(1);
    expect(await nationalDay.getAttribute('class')).toContain('cal-day--holiday');
    expect(await nationalDay.getAttribute('title')).toMatch(/National Day \(China\), not a working day/);
    const makeup = day(/^Saturday,? 10 October 2026: makeup working day for National Day \(China\), a working day/);
    expect(await makeup.count()).toBe(1);
    expect(await makeup.getAttribute('class')).toContain('cal-day--makeup');
    // The list of days that differ from Monday to Friday names it too, with its country.
    const list = page.getByRole('table', { name: /Monday-to-Friday week/ });
    const row = list.getByRole('row').filter({ hasText: '1 Oct 2026' });
    await expect.poll(() => row.textContent()).toContain('National Day');
    expect(await row.textContent()).toContain('China');
  });

  it('moves between days with the arrow keys and spells out the day in focus', async () => {
    const first = day(/^Thursday,? 1 October 2026:/);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused().getAttribute('data-date')).toBe('2026-10-02');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused().getAttribute('data-date')).toBe('2026-10-09');
    // Spelled out beside the day in focus, for sighted keyboard users; Escape hides it.
    const tip = () =>
      page.evaluate<string>(`(() => {
        const after = getComputedStyle(document.activeElement, '::after');
        return after.display === 'none' ? 'none' : after.content;
      })()`);
    await expect.poll(tip).toMatch(/9 October 2026: a working day/);
    await page.keyboard.press('Escape');
    await expect.poll(tip).toBe('none');
    // One Tab stop for the whole year: the day last in focus.
    expect(await page.locator('td[role="gridcell"][tabindex="0"]').count()).toBe(1);
  });

  it('switches to 2027, which is provisional until China publishes its holidays', async () => {
    await page.getByRole('link', { name: 'Next year: 2027' }).click();
    await page.waitForURL(/\?year=2027$/);
    await expect.poll(() => yearHeading().textContent()).toBe('2027 day by day');
    await expect
      .poll(() => answer().textContent())
      .toContain('2027: provisional — China has not published its official holidays yet; dates counted across 2027 may move.');
    const expected = day(/^Friday,? 1 October 2027: National Day \(China\), not a working day.*Provisional/);
    expect(await expected.getAttribute('class')).toContain('cal-day--provisional');
    await page.getByRole('link', { name: 'Previous year: 2026' }).click();
    await page.waitForURL(/\?year=2026$/);
    await expect.poll(() => yearHeading().textContent()).toBe('2026 day by day');
  });

  it('adds a factory shutdown, refused without a reason, then shown on its days', async () => {
    const before = (await answer().textContent()) ?? '';
    const worked = Number(/works (\d+) days/.exec(before)?.[1]);
    await page.getByRole('button', { name: 'Add factory shutdown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add factory shutdown' });
    await dialog.getByLabel('First day closed').fill('2026-08-10');
    await dialog.getByLabel('Last day closed').fill('2026-08-14');
    await dialog.getByLabel('Label').fill('Summer shutdown');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByText('Say why the calendar changes.').count()).toBe(1);
    expect(await focused().getAttribute('name')).toBe('reason');

    await dialog.getByLabel('Reason').fill('Annual maintenance of the moulding line');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.live-message').first().textContent()).toContain('Summer shutdown');

    const monday = day(/^Monday,? 10 August 2026: factory shutdown: Summer shutdown, not a working day/);
    await expect.poll(() => monday.count()).toBe(1);
    expect(await monday.getAttribute('class')).toContain('cal-day--shutdown');
    expect(await day(/^Friday,? 14 August 2026: factory shutdown: Summer shutdown/).count()).toBe(1);
    await expect.poll(() => answer().textContent()).toContain(`works ${worked - 5} days in 2026`);
    expect(await answer().textContent()).toContain('5 factory shutdown days');
    const shutdowns = page.getByRole('table', { name: 'Factory shutdowns' });
    expect(await shutdowns.getByRole('row').filter({ hasText: 'Summer shutdown' }).count()).toBe(1);
  });

  it('is accessible and looks right', async () => {
    await day(/^Thursday,? 1 October 2026:/).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expectAccessible(page, { scope: 'main' });
    await screenshot(page, 'calendar');
  }, 120_000);

  it('loads an official schedule file, and lists every fault of a refused one', async () => {
    const good = join(dataDir, 'cn-2027.json');
    writeFileSync(
      good,
      JSON.stringify({
        country: 'CN',
        year: 2027,
        holidays: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({
          date,
          label: 'Spring Festival',
        })),
        makeupWorkdays: [{ date: '2027-02-20', label: 'Spring Festival' }],
      }),
    );
    const bad = join(dataDir, 'broken.json');
    writeFileSync(bad, JSON.stringify({ country: 'CN', year: 'next', holidays: [] }));

    const file = page.getByLabel('Schedule file (JSON)');
    await file.setInputFiles(bad);
    await page.getByRole('button', { name: 'Load schedule' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not loaded' });
    await expect.poll(() => refused.textContent()).toContain('year');

    await file.setInputFiles(good);
    await page.getByRole('button', { name: 'Load schedule' }).click();
    await expect.poll(() => page.getByText("Loaded China's official holidays for 2027.").count()).toBe(1);
    await page.getByRole('link', { name: 'Show 2027' }).click();
    await page.waitForURL(/\?year=2027$/);
    await expect.poll(() => yearHeading().textContent()).toBe('2027 day by day');
    await expect.poll(() => answer().textContent()).not.toContain('provisional');
    const festival = day(/^Monday,? 8 February 2027: Spring Festival \(China\), not a working day/);
    expect(await festival.getAttribute('class')).toContain('cal-day--holiday');
  });

  it('wraps the months on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(calendarUrl(2026));
    await expect.poll(() => yearHeading().textContent()).toBe('2026 day by day');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const october = page.getByRole('grid', { name: 'October 2026' });
    const box = await october.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
  });
});
