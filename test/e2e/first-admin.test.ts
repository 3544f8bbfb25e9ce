import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { expectAccessible, launchChromium, screenshot } from '../support/browser.js';

// A new, empty workspace: the server prints a one-time setup link that creates the first admin.
describe('browser: the setup link creates the first admin', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  /** The first admin's page, signed in by the first test and used by the next. */
  let page: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-e2e-setup-'));

  beforeAll(async () => {
    const config = { ...loadConfig({ TOLLGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), port: 0 };
    server = await startServer(config, { demo: false, warmHolidays: false });
    chromium = await launchChromium();
    browser = chromium.browser;
  });

  afterAll(async () => {
    await page?.context().close();
    await chromium?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks for email, name and password, then signs the new admin in', async () => {
    expect(server.setupUrl).toMatch(/\/setup\/\S+$/);
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Oslo' });
    page = await context.newPage();
    await page.goto(server.setupUrl ?? '');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up Tollgate');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect.poll(() => page.getByText('Enter your email address.').count()).toBe(1);
    expect(await page.getByText('Enter your name.').count()).toBe(1);

    await page.getByLabel('Email').fill('ops.lead@example.test');
    await page.getByLabel('Your name').fill('Oda Lund');
    await page.getByLabel('Choose a password').fill('a-sound-first-password');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('No programs yet.');
    expect(await page.getByRole('navigation', { name: 'Your account' }).textContent()).toContain('Oda Lund');
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(1);

    // The link is used up.
    await page.goto(server.setupUrl ?? '');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This link no longer works');
  });

  it('lets the first admin set up a client, a supplier and factory, and programs: empty, then a copy previewed first', async () => {
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Clients' }).click();
    await expect.poll(heading).toBe('Clients');
    await page.getByRole('button', { name: 'Add client' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Client name').fill('Nordlys Kitchen AS');
    await dialog.getByLabel('Country').fill('no');
    await dialog.getByLabel('Time zone').selectOption('Europe/Oslo');
    await dialog.getByRole('button', { name: 'Add a contact' }).click();
    await dialog.getByLabel('Contact name').fill('Ida Berg');
    await dialog.getByLabel('Email').fill('ida.berg@nordlys.example');
    await dialog.getByRole('button', { name: 'Add client' }).click();
    const row = page.getByRole('row', { name: /Nordlys Kitchen AS/ });
    await expect.poll(() => row.textContent()).toContain('Ida Berg');
    expect(await row.textContent()).toContain('Europe/Oslo');
    await expectAccessible(page, { scope: 'main' });
    await screenshot(page, 'clients');

    // A program made empty, with its supplier and factory added on the way.
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('link', { name: 'New program' }).click();
    await expect.poll(heading).toBe('New program');
    await page.getByRole('button', { name: 'Add a supplier' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Supplier name').fill('Huagang Appliances');
    await dialog.getByLabel('Country').fill('CN');
    await dialog.getByRole('button', { name: 'Add supplier' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Add a factory of Huagang Appliances');
    await dialog.getByLabel('City').fill('Ningbo');
    await dialog.getByLabel('Time zone').selectOption('Asia/Shanghai');
    await dialog.getByRole('button', { name: 'Add factory' }).click();
    await expect.poll(() => page.getByLabel('Factory', { exact: true }).inputValue()).not.toBe('');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Shanghai');
    await page.getByLabel('Code').fill('NKA-OVEN');
    await page.getByLabel('Program name').fill('Built-in oven BO60');
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Nordlys Kitchen AS' });
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(`${server.url}/programs/NKA-OVEN`);
    await expect.poll(heading).toBe('Built-in oven BO60');
    expect(await page.getByRole('button', { name: 'Activate (take baseline 0)' }).count()).toBe(1);

    // Two milestones to copy, added through the API as the page would.
    await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/me')).json()) as { id: string; csrfToken: string };
      for (const [name, baselineDate] of [
        ['Design freeze', '2026-09-24'],
        ['Tooling T1', '2026-10-08'],
      ]) {
        const res = await fetch('/api/v1/programs/NKA-OVEN/milestones', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ name, phase: 'G1', ownerId: me.id, baselineDate }),
        });
        if (res.status !== 201) throw new Error(`milestone: ${res.status} ${await res.text()}`);
      }
    });

    // A second program as a copy on a new start: the preview comes first, with the holiday it met.
    await page.goto(`${server.url}/programs/new`);
    await expect.poll(() => page.getByLabel('Plan').locator('option').count()).toBe(2);
    await page.getByLabel('Code').fill('NKA-OVEN2');
    await page.getByLabel('Program name').fill('Built-in oven BO60, second line');
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Nordlys Kitchen AS' });
    await page.getByLabel('Supplier').selectOption({ label: 'Huagang Appliances' });
    await page.getByLabel('Factory', { exact: true }).selectOption({ label: 'Ningbo (Ningbo, CN)' });
    await page.getByLabel('Plan').selectOption('NKA-OVEN');
    await page.getByLabel('Start date of the copy').fill('2026-10-01');
    await page.getByRole('button', { name: 'Show the copy preview' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'What the copy of NKA-OVEN makes' }).count()).toBe(1);
    const preview = page.getByRole('table', { name: /Copied milestones/ });
    expect(await preview.getByRole('row').count()).toBe(3);
    expect(await page.getByRole('main').textContent()).toContain('2026-10-01 is not a working day at the new factory');
    await expectAccessible(page, { scope: 'main' });
    await screenshot(page, 'new-program-copy-preview');
    // On a phone the form and the preview's cards fit the width: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await screenshot(page, 'new-program-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(`${server.url}/programs/NKA-OVEN2`);
    await page.getByRole('button', { name: 'Activate (take baseline 0)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Activate and take baseline 0' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Activate (take baseline 0)' }).count()).toBe(0);
    expect(await page.getByText('NKA-OVEN2 is active; baseline 0 holds 2 milestones.').count()).toBe(1);

    // The first one archived leaves the portfolio, stays readable, and comes back.
    await page.goto(`${server.url}/programs/NKA-OVEN`);
    await page.getByRole('button', { name: 'Archive program' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Replaced by the second line');
    await dialog.getByRole('button', { name: 'Archive program' }).click();
    await expect.poll(() => page.getByText(/^Archived on /).count()).toBe(1);
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('link', { name: 'Archived programs' }).click();
    await page.getByRole('link', { name: /NKA-OVEN Built-in oven BO60/ }).click();
    await page.getByRole('button', { name: 'Restore' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Kept for the spare-parts run');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.getByText(/^Archived on /).count()).toBe(0);
    await screenshot(page, 'program-draft', { viewport: true });
  });
});
