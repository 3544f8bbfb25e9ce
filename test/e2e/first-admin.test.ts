import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { contextAt, expectAccessible, launchChromium, screenshot } from '../support/browser.js';

/**
 * The server's clock starts here (TOLLGATE_NOW) and the browsers' with it: on the hour, so every write of
 * the walkthrough falls in the same hour, which is 05:00 on 1 September in Oslo, 11:00 at the factory in
 * Ningbo, and still 22:00 on 31 August in Chicago.
 */
const now = '2026-09-01T03:00:00.000Z';

// A new, empty workspace: the server prints a one-time setup link that creates the first admin, who sets up a
// program and invites its cadence owner; the cadence owner plans it from another time zone.
describe('browser: a new workspace, from the setup link to a cadence owner in another time zone', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  /** The first admin's page, signed in by the first test and used by the next. */
  let page: Page;
  /** The cadence owner the admin invites, in a browser of their own in Chicago, in American English. */
  const owner = { email: 'sam.ortiz@nordlys.example', name: 'Sam Ortiz', password: 'chicago-cadence-7wq' };
  let inviteUrl = '';
  let ownerPage: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-e2e-setup-'));

  beforeAll(async () => {
    const config = { ...loadConfig({ TOLLGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', TOLLGATE_NOW: now }), port: 0 };
    server = await startServer(config, { demo: false, warmHolidays: false, jobs: false });
    chromium = await launchChromium();
    browser = chromium.browser;
  });

  afterAll(async () => {
    await ownerPage?.context().close();
    await page?.context().close();
    await chromium?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks for email, name and password, then signs the new admin in', async () => {
    expect(server.setupUrl).toMatch(/\/setup\/\S+$/);
    const context = await contextAt(browser, now, { locale: 'en-GB', timezoneId: 'Europe/Oslo' });
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
    // The program's time zone follows the new factory once the supplier list has reloaded (polled: a busy machine takes longer).
    await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe('Asia/Shanghai');
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
    // The note in the reader's words: the catalogue's, the date as en-GB writes it.
    expect(await page.getByRole('main').textContent()).toContain('1 Oct 2026 is not a working day at the new factory');
    // The source plan's owner keeps their milestones by default (a role on the new program); another may be chosen.
    const owner = page.getByLabel('Oda Lund: 2 milestones');
    expect(await owner.locator('option:checked').textContent()).toBe('Oda Lund');
    expect(await owner.locator('option').allTextContents()).toEqual(['Leave for assignment', 'Oda Lund']);
    await expectAccessible(page, { scope: 'main' });
    await screenshot(page, 'new-program-copy-preview');
    // On a phone the form and the preview's cards fit the width: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await screenshot(page, 'new-program-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(`${server.url}/programs/NKA-OVEN2`);
    // Activation needs the kickoff charter: refused, the dialog lists what it lacks in the catalogue's words.
    await page.getByRole('button', { name: 'Activate (take baseline 0)' }).click();
    const activate = page.getByRole('dialog');
    await activate.getByRole('button', { name: 'Activate and take baseline 0' }).click();
    const refusal = activate.getByRole('alert');
    await expect.poll(() => refusal.getByRole('listitem').count()).toBe(11);
    expect(await refusal.textContent()).toContain('The kickoff charter is not complete, so the program cannot be activated yet.');
    expect(await refusal.getByRole('listitem').first().textContent()).toBe('Name the one decision owner.');
    expect(await refusal.textContent()).toContain('Say what success at G3 means.');
    await expectAccessible(page, { scope: 'dialog' });
    await screenshot(page, 'activate-charter-incomplete');
    // The dialog links to the charter page, where the cadence owner writes it, then activates.
    await activate.getByRole('link', { name: 'Complete the kickoff charter of NKA-OVEN2' }).click();
    await page.waitForURL(`${server.url}/programs/NKA-OVEN2/charter`);
    await expect.poll(heading).toBe('Kickoff charter');
    const missing = page.getByRole('region', { name: 'What activation still needs' });
    await expect.poll(() => missing.getByRole('listitem').count()).toBe(11);
    expect(await page.getByText('Not ready for activation: 11 parts of the kickoff charter are missing.').count()).toBe(1);
    expect(await page.getByText('No one named').count()).toBe(1);
    await expectAccessible(page, { scope: 'main' });
    await page.getByRole('button', { name: 'Edit charter' }).click();
    const charter = page.getByRole('form', { name: 'Edit the kickoff charter' });
    await charter.getByLabel('Decision owner').selectOption({ label: 'Oda Lund' });
    await charter.getByRole('button', { name: 'Add a level' }).click();
    await charter.getByLabel('Level 1', { exact: true }).selectOption({ label: 'Oda Lund' });
    await charter.getByRole('button', { name: 'Add a level' }).click();
    // A level added by mistake: moved first, then removed, and the path is as it was.
    await charter.getByRole('button', { name: 'Move Level 2 up' }).click();
    expect(await charter.getByLabel('Level 2', { exact: true }).inputValue()).not.toBe('');
    await charter.getByRole('button', { name: 'Remove Level 1' }).click();
    expect(await charter.getByLabel('Level 1', { exact: true }).inputValue()).not.toBe('');
    expect(await charter.getByLabel('Level 2', { exact: true }).count()).toBe(0);
    for (const [gate, text] of [
      ['G1', 'Design frozen, T1 parts within tolerance.'],
      ['G2', 'Pilot run passed first-article inspection.'],
      ['G3', 'Yield on target for four weeks.'],
      ['G4', 'First shipment released.'],
    ] as const)
      await charter.getByLabel(`Success at ${gate}`).fill(text);
    await charter.getByLabel('Day', { exact: true }).selectOption({ label: 'Friday' });
    await charter.getByLabel('Time', { exact: true }).fill('16:00');
    await charter.getByRole('group', { name: 'Who receives it' }).getByLabel('Oda Lund').check();
    await charter.getByLabel('Other addresses').fill('buyer@nordlys.example');
    await charter.getByLabel('From risk score').fill('15');
    await charter.getByLabel('After business days').fill('10');
    await screenshot(page, 'charter-edit');
    await charter.getByRole('button', { name: 'Save charter' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Charter saved' }).textContent())
      .toBe('Charter saved. It is complete.');
    expect(await page.getByText('The kickoff charter is complete: the program can be activated.').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'What activation still needs' }).count()).toBe(0);
    expect(await page.getByRole('main').textContent()).toContain('to Oda Lund, buyer@nordlys.example');
    await expectAccessible(page, { scope: 'main' });
    await screenshot(page, 'charter');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await screenshot(page, 'charter-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url}/programs/NKA-OVEN2`);
    await page.getByRole('button', { name: 'Activate (take baseline 0)' }).click();
    await activate.getByRole('button', { name: 'Activate and take baseline 0' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Activate (take baseline 0)' }).count()).toBe(0);
    expect(await page.getByText('NKA-OVEN2 is active; baseline 0 holds 2 milestones.').count()).toBe(1);

    // The factory's time zone is now fixed by the active program: the Suppliers page says so and keeps it.
    await page.getByRole('link', { name: 'Suppliers' }).click();
    await expect.poll(heading).toBe('Suppliers');
    const factories = page.getByRole('table', { name: 'Factories offered for new programs' });
    // Loaded (no placeholder rows): the header and its one factory.
    await expect.poll(() => factories.getByRole('row', { name: /Huagang Appliances/ }).count()).toBe(1);
    expect(await factories.getByRole('row').count()).toBe(2);
    await expectAccessible(page, { scope: 'main' });
    await screenshot(page, 'suppliers');
    await page.getByRole('button', { name: 'Edit Huagang Appliances / Ningbo' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Factory name').fill('Ningbo Plant 1');
    await dialog.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('its country and time zone stay while an active program is made there');
    await dialog.getByLabel('Time zone').selectOption('Asia/Shanghai');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'was saved' }).textContent()).toBe('Ningbo Plant 1 was saved.');
    expect(await page.getByRole('row', { name: /Ningbo Plant 1/ }).textContent()).toContain('Asia/Shanghai');

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

  it('lets the admin invite a cadence owner for the copied program, and shows the link to send once', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.waitForURL(`${server.url}/people`);
    const people = page.getByRole('table', { name: 'People and their roles' });
    await expect.poll(() => people.getByRole('row').filter({ hasText: 'ops.lead@example.test' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Invite a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a person' });
    await dialog.getByLabel('Email').fill(owner.email);
    await dialog.getByLabel('Name').fill(owner.name);
    const role = dialog.getByRole('group', { name: 'Role 1' });
    await role.getByLabel('Role', { exact: true }).selectOption({ label: 'cadence owner' });
    await role.getByLabel('On', { exact: true }).selectOption({ label: 'NKA-OVEN2 Built-in oven BO60, second line' });
    await screenshot(page, 'invite-cadence-owner', { viewport: true });
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    inviteUrl = await page.getByLabel('Invite link').inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/invite/\\S+$`));
    const person = people.getByRole('row').filter({ hasText: owner.email });
    await expect.poll(() => person.textContent()).toContain('Invited');
    expect(await person.textContent()).toContain('cadence owner · NKA-OVEN2');
    await screenshot(page, 'invite-link', { viewport: true });
  });

  it("lets the invitee accept in a browser of their own in Chicago: the account takes that browser's time zone", async () => {
    const context = await contextAt(browser, now, { locale: 'en-US', timezoneId: 'America/Chicago' });
    ownerPage = await context.newPage();
    const heading = () => ownerPage.getByRole('heading', { level: 1 }).textContent();
    await ownerPage.goto(inviteUrl);
    await expect.poll(heading).toBe(`Welcome to Tollgate, ${owner.name}`);
    expect(await ownerPage.getByLabel('Email').inputValue()).toBe(owner.email);
    await ownerPage.getByLabel('Choose a password').fill(owner.password);
    await expectAccessible(ownerPage);
    await screenshot(ownerPage, 'invite-accept');
    await ownerPage.getByRole('button', { name: 'Set password and sign in' }).click();
    // A cadence owner starts from "My week".
    await ownerPage.waitForURL(`${server.url}/week`);
    await expect.poll(() => ownerPage.getByRole('navigation', { name: 'Your account' }).textContent()).toContain(owner.name);
    await expectAccessible(ownerPage, { scope: 'main' });

    // The invite named no zone, so accepting it gave the account the browser's, and every time is shown in it.
    await ownerPage.getByRole('link', { name: 'Account' }).click();
    await ownerPage.waitForURL(`${server.url}/account`);
    const zone = ownerPage.getByRole('definition').filter({ hasText: 'America/Chicago' });
    await expect.poll(() => zone.textContent()).toContain('America/Chicago (GMT-5)');
    expect(await zone.textContent()).toContain('Every time in Tollgate is shown in this zone');
    expect(await ownerPage.getByText('cadence owner · NKA-OVEN2').count()).toBe(1);
    const me = await ownerPage.evaluate(async () => ((await (await fetch('/api/v1/me')).json()) as { timeZone: string }).timeZone);
    expect(me).toBe('America/Chicago');
    await expectAccessible(ownerPage, { scope: 'main' });
    await screenshot(ownerPage, 'account-time-zone', { viewport: true });
  });

  it('lets the cadence owner add milestones to the copied program, each with an owner and a due date', async () => {
    const heading = () => ownerPage.getByRole('heading', { level: 1 }).textContent();
    await ownerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await expect.poll(heading).toMatch(/^1 program/);
    await ownerPage.getByRole('link', { name: 'Built-in oven BO60, second line' }).click();
    await ownerPage.waitForURL(`${server.url}/programs/NKA-OVEN2`);
    const milestones = ownerPage.getByRole('table', { name: 'Milestones' });
    await expect.poll(() => milestones.getByRole('row').filter({ hasText: 'Tooling T1' }).count()).toBe(1);
    // Their role on the program shows once the page has read it: waited for, like every other read.
    await expect.poll(() => ownerPage.getByText('You: cadence owner', { exact: true }).count()).toBe(1);
    const before = await milestones.getByRole('row').count();

    const added = [
      { name: 'Pilot run', phase: 'G2', due: '2026-11-05', shown: 'Nov 5, 2026' },
      { name: 'Mass production release', phase: 'G3', due: '2026-12-03', shown: 'Dec 3, 2026' },
    ];
    for (const [i, m] of added.entries()) {
      await ownerPage.getByRole('button', { name: 'Add milestone' }).click();
      const dialog = ownerPage.getByRole('dialog', { name: 'Add milestone' });
      await dialog.getByLabel('Name').fill(m.name);
      await dialog.getByLabel('Phase').selectOption(m.phase);
      await dialog.getByLabel('Owner').selectOption({ label: owner.name });
      await dialog.getByLabel('Baseline date').fill(m.due);
      if (i === 0) {
        await expectAccessible(ownerPage, { scope: 'dialog' });
        await screenshot(ownerPage, 'add-milestone-cadence-owner', { viewport: true });
      }
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      const row = milestones.getByRole('row').filter({ hasText: m.name });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(owner.name);
      expect(await row.textContent()).toContain(m.shown);
    }
    expect(await milestones.getByRole('row').count()).toBe(before + added.length);
    // At 1280 px the whole table fits: no row button is scrolled away to the right.
    expect(await milestones.evaluate((e) => (e.parentElement?.scrollWidth ?? 0) - (e.parentElement?.clientWidth ?? 0))).toBeLessThanOrEqual(
      0,
    );
    await milestones.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(ownerPage, 'milestones-added', { viewport: true });
  });

  it('shows the cadence owner the change and the time in Chicago, and the admin the same change in Oslo', async () => {
    const entryIn = (p: Page) => p.getByRole('table', { name: 'Change log' }).getByRole('row').filter({ hasText: 'Pilot run' });
    /** Scrolls the change log to the top of the window, for its screenshot. */
    const showLog = (p: Page) =>
      p.getByRole('heading', { level: 2, name: 'Change log' }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    const entry = entryIn(ownerPage);
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain(owner.name);
    const when = entry.locator('time[title]');
    // The write's instant, from the server's clock: the hour the clock started in (it runs on from there).
    const at = (await when.getAttribute('datetime')) ?? '';
    expect(at).toMatch(/^2026-09-01T03:\d\d:\d\d/);
    const minuteSecond = at.slice(14, 19);
    expect(await when.getAttribute('title')).toBe(`2026-08-31T22:${minuteSecond}-05:00 America/Chicago`);
    expect(await when.textContent()).toMatch(new RegExp(`^Aug 31, 2026, 10:${minuteSecond.slice(0, 2)}\\sPM CDT$`));
    // Today at the factory is already Tuesday in Ningbo; the reader's own time, beside it, is Monday evening.
    const today = ownerPage.getByRole('definition').filter({ hasText: 'Your time:' });
    expect(await today.textContent()).toMatch(/^Tue, Sep 1, 2026, 11:\d\d\sAM, Asia\/Shanghai \(GMT\+8\)/);
    expect(await today.textContent()).toContain('A working day');
    expect(await today.textContent()).toMatch(/Your time: Aug 31, 2026, 10:\d\d\sPM CDT$/);
    await ownerPage.evaluate('window.scrollTo(0, 0)');
    await screenshot(ownerPage, 'program-chicago', { viewport: true });
    await showLog(ownerPage);
    await screenshot(ownerPage, 'change-log-chicago', { viewport: true });

    // The admin reads the same write in their own zone.
    await page.goto(`${server.url}/programs/NKA-OVEN2`);
    const osloEntry = entryIn(page);
    await expect.poll(() => osloEntry.count()).toBe(1);
    const osloWhen = osloEntry.locator('time[title]');
    expect(await osloWhen.getAttribute('datetime')).toBe(at);
    expect(await osloWhen.getAttribute('title')).toBe(`2026-09-01T05:${minuteSecond}+02:00 Europe/Oslo`);
    expect(await osloWhen.textContent()).toMatch(new RegExp(`^1 Sept? 2026, 05:${minuteSecond.slice(0, 2)} CEST$`));
    expect(await osloWhen.textContent()).not.toBe(await when.textContent());
    // The role the admin granted is told in words, like every other value of the log.
    const grant = page
      .getByRole('table', { name: 'Change log' })
      .getByRole('row')
      .filter({ hasText: `Role of ${owner.name} added` });
    expect(await grant.textContent()).toContain('role cadence owner');
    await showLog(page);
    await screenshot(page, 'change-log-oslo', { viewport: true });
  });

  it('lets the cadence owner move their account to Shanghai: back on the program, the log reads in Shanghai time', async () => {
    await ownerPage.getByRole('link', { name: 'Account' }).click();
    await ownerPage.waitForURL(`${server.url}/account`);
    await ownerPage.getByRole('button', { name: 'Edit name and time zone' }).click();
    const dialog = ownerPage.getByRole('dialog', { name: 'Your name and time zone' });
    await dialog.getByLabel('Time zone').selectOption('Asia/Shanghai');
    await expectAccessible(ownerPage, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const zone = ownerPage.getByRole('definition').filter({ hasText: 'Asia/Shanghai' });
    await expect.poll(() => zone.textContent()).toContain('Asia/Shanghai (GMT+8)');
    // The browser is still in Chicago: going back to its zone is one click away.
    expect(await ownerPage.getByRole('button', { name: /^Use this browser's zone \(America\/Chicago/ }).count()).toBe(1);
    await screenshot(ownerPage, 'account-time-zone-changed', { viewport: true });

    // Back in the app without reloading it: the cached account, and with it every time shown, is Shanghai's.
    await ownerPage.goBack();
    await ownerPage.waitForURL(`${server.url}/programs/NKA-OVEN2`);
    const when = ownerPage
      .getByRole('table', { name: 'Change log' })
      .getByRole('row')
      .filter({ hasText: 'Pilot run' })
      .locator('time[title]');
    await expect.poll(() => when.count()).toBe(1);
    const minuteSecond = ((await when.getAttribute('datetime')) ?? '').slice(14, 19);
    expect(await when.getAttribute('title')).toBe(`2026-09-01T11:${minuteSecond}+08:00 Asia/Shanghai`);
    expect(await when.textContent()).toMatch(new RegExp(`^Sep 1, 2026, 11:${minuteSecond.slice(0, 2)}\\sAM GMT\\+8$`));
  });
});
