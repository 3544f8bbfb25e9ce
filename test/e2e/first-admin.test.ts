import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { expectAccessible, launchChromium } from '../support/browser.js';

// A new, empty workspace: the server prints a one-time setup link that creates the first admin.
describe('browser: the setup link creates the first admin', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-e2e-setup-'));

  beforeAll(async () => {
    const config = { ...loadConfig({ TOLLGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), port: 0 };
    server = await startServer(config, { demo: false, warmHolidays: false });
    chromium = await launchChromium();
    browser = chromium.browser;
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks for email, name and password, then signs the new admin in', async () => {
    expect(server.setupUrl).toMatch(/\/setup\/\S+$/);
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
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
    await context.close();
  });
});
