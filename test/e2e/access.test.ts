import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { type Desks, demoPassword, desks, expectAccessible, launchChromium, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { demoInstant } from '../support/demo-template.js';

/** The eight programs of the three demo clients; the fourth client's one program is Deck Winch DW-3. */
const demoClientPrograms = [
  'TrailLite 2P Tent',
  'Summit Insulated Bottle 750 ml',
  'Ridge Daypack 22 L',
  'Kettle KW-500',
  'Hand Blender HB-20',
  'Toaster TS-2',
  'Pulse Bluetooth Speaker',
  'Arc Wireless Earbuds',
];

/** What the page's own code would send: fetch with the session cookie, from the page's origin. */
type Answer = { status: number; body: { code?: string; detail?: string; csrfToken?: string } };
const fetchFromPage = (page: Page, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  page.evaluate(
    async ({ url, init }): Promise<Answer> => {
      const res = await fetch(url, { credentials: 'same-origin', ...init });
      return { status: res.status, body: (await res.json()) as Answer['body'] };
    },
    { url, init },
  );

// The real server with the demo portfolio; the people sign in one after another on one desktop page (desks()).
describe('browser: sign-in, roles and client isolation', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  const dataDir = demoDataDir('tollgate-e2e-access-');
  const invited = { email: 'rita.osei@example.test', name: 'Rita Osei', password: 'first-choice-9xq', newPassword: 'second-choice-4kd' };
  let inviteUrl = '';

  /** The people's browser: one desktop page, each person signed in on it in turn (see desks()). */
  let browsers: Desks;
  /**
   * A page of a person signed in through the API, opened at a path. desks() signs in with the demo's password;
   * someone with a password of their own (the invited person) is signed in on the same page, nobody on it first.
   */
  const pageOf = async (email: string, path: string, password = demoPassword): Promise<Page> => {
    if (password === demoPassword) return browsers.as(email, path);
    const page = await browsers.as(null, '/signin');
    await signInByApi(page.context(), server.url, email, password);
    await page.goto(`${server.url}${path}`);
    return page;
  };
  /** The same page with nobody signed in, for the sign-in page and links opened before signing in. */
  const anonymousPage = (path: string): Promise<Page> => browsers.as(null, path);
  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  beforeAll(async () => {
    const config = { ...loadConfig({ TOLLGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', TOLLGATE_NOW: demoInstant }), port: 0 };
    server = await startServer(config, { demo: true, warmHolidays: false, jobs: false });
    chromium = await launchChromium();
    browsers = desks(chromium.browser, server.url, demoInstant);
  });

  afterAll(async () => {
    await browsers?.close();
    await chromium?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the sign-in page, refuses a wrong password in plain words, and passes axe', async () => {
    const page = await anonymousPage('/signin');
    expect(await heading(page).textContent()).toBe('Sign in to Tollgate');
    // No identity provider is configured here, so no "Sign in with …" link.
    expect(await page.getByRole('link', { name: /^Sign in with/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByText('Enter your email address.').count()).toBe(1);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Email').fill('lead@demo.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('The email or password is not right.');
    expect(page.url()).toMatch(/\/signin$/);
    await screenshot(page, 'sign-in');
  });

  it('offers "Sign in with …" when an identity provider is set up, as a full-page link to its start URL', async () => {
    const page = await anonymousPage('/signin');
    await page.route('**/api/v1/auth/config', (route) =>
      route.fulfill({ json: { password: true, oidc: { name: 'Acme SSO', startUrl: '/auth/oidc/start' } } }),
    );
    // The page read the real sign-in options as it opened: load it again, answered by the route.
    await page.reload();
    const link = page.getByRole('link', { name: 'Sign in with Acme SSO' });
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('/auth/oidc/start');
    await expectAccessible(page);
    await page.unroute('**/api/v1/auth/config');
  });

  it('after five wrong passwords for one account, asks to wait instead of trying again', async () => {
    const page = await anonymousPage('/signin');
    await page.getByLabel('Email').fill('quality@demo.test');
    const alert = page.getByRole('alert');
    const login = () => page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('Password').fill(`wrong-guess-${i}`);
      const answer = login();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      expect((await answer).status()).toBe(401);
      // The form is ready again once it no longer says it is signing in.
      await expect.poll(() => page.getByText('Signing in…').count()).toBe(0);
      await expect.poll(() => alert.textContent()).toContain('The email or password is not right.');
    }
    await page.getByLabel('Password').fill(demoPassword);
    const refused = login();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect((await refused).status()).toBe(429);
    await expect.poll(() => alert.textContent()).toContain('Too many failed attempts. Wait 15 minutes, then try again.');
    expect(page.url()).toMatch(/\/signin$/);
  });

  it('(a) shows a person of another client only their program, and not-found for the others', async () => {
    const page = await pageOf('other@demo.test', '/portfolio');
    await expect.poll(() => heading(page).textContent()).toMatch(/^1 program: /);
    const table = page.getByRole('table', { name: /Programs/ });
    expect(await table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('link', { name: 'Deck Winch DW-3' }).count()).toBe(1);
    for (const name of demoClientPrograms) expect(await page.getByText(name).count(), name).toBe(0);

    await page.goto(`${server.url}/programs/KHG-KW500`);
    await expect.poll(() => heading(page).textContent()).toBe('Program not found');
    expect(await page.getByText('Kettle KW-500').count()).toBe(0);
    expect((await fetchFromPage(page, '/api/v1/programs/KHG-KW500')).status).toBe(404);
  });

  it('(b) gives an observer no write controls, and the server refuses a write all the same', async () => {
    const page = await pageOf('observer@demo.test', '/programs/KHG-KW500');
    const milestones = page.getByRole('table', { name: 'Milestones' });
    await expect.poll(() => milestones.getByRole('row').count()).toBeGreaterThan(50);
    await expect.poll(() => page.getByText('You: observer').count()).toBe(1);
    expect(await page.getByText('(read only)').count()).toBe(1);
    // Not an admin: no People link.
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    for (const name of [/Add milestone/, /^Edit /, /^Move date/, /^Mark done/]) {
      expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0);
    }
    expect(await milestones.getByRole('columnheader', { name: 'Actions' }).count()).toBe(0);
    await screenshot(page, 'observer-program', { viewport: true });

    // Straight at the API, with a valid CSRF token: still refused, by the permission.
    const me = await fetchFromPage(page, '/api/v1/me');
    const csrf = me.body.csrfToken ?? '';
    expect(csrf.length).toBeGreaterThan(10);
    const open = await page.evaluate(async () => {
      const res = await fetch('/api/v1/programs/KHG-KW500/milestones');
      const items = ((await res.json()) as { items: { id: string; version: number; actualDate: string | null }[] }).items;
      const m = items.find((x) => x.actualDate === null);
      return { id: m?.id ?? '', version: m?.version ?? 0 };
    });
    const refused = await fetchFromPage(page, `/api/v1/programs/KHG-KW500/milestones/${open.id}/move`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ version: open.version, forecastDate: '2027-06-30', reason: 'Trying anyway' }),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');

    // The People page by address: plainly not available, with nothing to try again (and nothing asked of the server).
    await page.goto(`${server.url}/people`);
    await page.getByRole('heading', { level: 1, name: 'Not available to you' }).waitFor();
    expect(await page.getByText('Only workspace admins manage people and roles.', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('(b) offers a contributor Move date and Mark done only on the milestones they own', async () => {
    const page = await pageOf('supplier@demo.test', '/programs/KHG-KW500');
    const milestones = page.getByRole('table', { name: 'Milestones' });
    await expect.poll(() => milestones.getByRole('row').count()).toBeGreaterThan(50);
    await expect.poll(() => page.getByText('You: contributor').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Add milestone' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    const moves = milestones.getByRole('button', { name: /^Move date of / });
    expect(await moves.count()).toBeGreaterThan(0);
    const rowsWithMove = milestones.getByRole('row').filter({ has: page.getByRole('button', { name: /^Move date of / }) });
    for (const text of await rowsWithMove.allTextContents()) expect(text).toContain('Chen Wei');
    const othersOpen = milestones
      .getByRole('row')
      .filter({ hasText: 'Sophie Brandt' })
      .filter({ hasText: /not done|planned/ });
    expect(await othersOpen.count()).toBeGreaterThan(0);
    expect(await othersOpen.getByRole('button').count()).toBe(0);
  });

  it('(c) signs out to the sign-in page; the session is gone, and signing in again returns to the page asked for', async () => {
    const page = await pageOf('observer@demo.test', '/portfolio');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    await expect.poll(() => page.getByText('You are signed out.').count()).toBe(1);
    const me = await fetchFromPage(page, '/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');

    await page.goto(`${server.url}/programs/KHG-HB20`);
    await page.waitForURL(/\/signin\?next=%2Fprograms%2FKHG-HB20$/);
    await page.getByLabel('Email').fill('observer@demo.test');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/programs\/KHG-HB20$/);
    await expect.poll(() => heading(page).textContent()).toBe('Hand Blender HB-20');
  });

  it('(c) sends someone whose session ended mid-work to sign in, then back where they were', async () => {
    const page = await pageOf('lead@demo.test', '/portfolio');
    await expect.poll(() => heading(page).textContent()).toMatch(/^8 programs: /);
    await page.context().clearCookies();
    // Clicked in the page, not by Playwright's click: that waits for the link to hold still, and a portfolio
    // whose refetch now fails for want of a session may redraw its rows again and again meanwhile (seen in CI).
    await page.evaluate(`document.querySelector('a[href="/programs/KHG-TS2"]').click()`);
    await page.waitForURL(/\/signin\?next=%2Fprograms%2FKHG-TS2$/);
    await expect.poll(() => page.getByText('Your session has ended.', { exact: false }).count()).toBe(1);
    await page.getByLabel('Email').fill('lead@demo.test');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/programs\/KHG-TS2$/);
    await expect.poll(() => heading(page).textContent()).toBe('Toaster TS-2');
  });

  it('(d) lets an admin invite a person with a role on one program', async () => {
    const page = await pageOf('admin@demo.test', '/');
    await expect.poll(() => heading(page).textContent()).toMatch(/^9 programs: /);
    await page.getByRole('link', { name: 'People' }).click();
    await page.waitForURL(/\/people$/);
    const people = page.getByRole('table', { name: 'People and their roles' });
    await expect.poll(() => people.getByRole('row').count()).toBeGreaterThan(10);
    const dana = people.getByRole('row').filter({ hasText: 'lead@demo.test' });
    expect(await dana.textContent()).toContain('cadence owner · Northwind Outdoor Co. (all programs)');
    await screenshot(page, 'people');
    await expectAccessible(page, { scope: 'main' });

    await page.getByRole('button', { name: 'Invite a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a person' });
    await dialog.getByLabel('Email').fill(invited.email);
    await dialog.getByLabel('Name').fill(invited.name);
    const row = dialog.getByRole('group', { name: 'Role 1' });
    await row.getByLabel('Role', { exact: true }).selectOption({ label: 'contributor' });
    await row.getByLabel('On', { exact: true }).selectOption({ label: 'KHG-TS2 Toaster TS-2' });
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    inviteUrl = await page.getByLabel('Invite link').inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/invite/\\S+$`));
    const person = people.getByRole('row').filter({ hasText: invited.email });
    await expect.poll(() => person.textContent()).toContain('Invited');
    expect(await person.textContent()).toContain('contributor · KHG-TS2');
  });

  it('(d) the invite link greets the person; choosing a password signs them in to exactly that program', async () => {
    const invitePath = inviteUrl.slice(server.url.length);
    const page = await anonymousPage(invitePath);
    await expect.poll(() => heading(page).textContent()).toBe(`Welcome to Tollgate, ${invited.name}`);
    expect(await page.getByLabel('Email').inputValue()).toBe(invited.email);
    await page.getByLabel('Choose a password').fill('short');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => page.getByText('At least 10 characters, not your email.').count()).toBe(1);
    await expectAccessible(page);

    await page.getByLabel('Choose a password').fill(invited.password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    // A contributor lands on "My week"; the portfolio shows exactly their one program.
    await page.waitForURL(`${server.url}/week`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^1 program: /);
    const table = page.getByRole('table', { name: /Programs/ });
    expect(await table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('link', { name: 'Toaster TS-2' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Your account' }).textContent()).toContain(invited.name);

    // The link works once: opened again with nobody signed in, it is refused.
    const again = await anonymousPage(invitePath);
    await expect.poll(() => heading(again).textContent()).toBe('This link no longer works');
    expect(await again.getByText('This link is unknown, used or expired. Ask an admin for a new one.').count()).toBe(1);
  });

  it('(e) changes the password on the account page; the old one no longer signs in', async () => {
    const page = await pageOf(invited.email, '/week', invited.password);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.waitForURL(/\/account$/);
    await expect.poll(() => page.getByText('contributor · KHG-TS2').count()).toBe(1);
    await screenshot(page, 'account');

    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password').fill(invited.newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByText('Not your current password.').count()).toBe(1);
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Current password').fill(invited.password);
    await page.getByLabel('New password').fill(invited.newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByText('Your password is changed.', { exact: false }).count()).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    await page.getByLabel('Email').fill(invited.email);
    await page.getByLabel('Password').fill(invited.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email or password is not right.');

    await page.getByLabel('Password').fill(invited.newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${server.url}/week`);
    await page.goto(`${server.url}/portfolio`);
    await expect.poll(() => heading(page).textContent()).toMatch(/^1 program: /);
  });

  it('creates an API token shown once, which works until it is revoked', async () => {
    const page = await pageOf(invited.email, '/account', invited.newPassword);
    await page.getByLabel('Token name').fill('ERP export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByLabel('New API token');
    await expect.poll(() => secret.isVisible()).toBe(true);
    const token = await secret.inputValue();
    expect(token.length).toBeGreaterThan(20);
    expect(await page.getByText('it is shown only this once', { exact: false }).count()).toBe(1);
    const tokens = page.getByRole('table', { name: 'Your API tokens' });
    await expect.poll(() => tokens.getByRole('row').filter({ hasText: 'ERP export' }).count()).toBe(1);
    await expectAccessible(page, { scope: 'main' });

    const asBearer = () =>
      page.evaluate(
        async (t) => (await fetch('/api/v1/me', { headers: { authorization: `Bearer ${t}` }, credentials: 'omit' })).status,
        token,
      );
    expect(await asBearer()).toBe(200);

    await page.getByRole('button', { name: 'Revoke token ERP export' }).click();
    const confirm = page.getByRole('dialog', { name: /Revoke the token/ });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(false);
    await expect.poll(() => tokens.getByRole('row').filter({ hasText: 'ERP export' }).textContent()).toContain('Revoked');
    expect(await page.getByLabel('New API token').count()).toBe(0);
    expect(await asBearer()).toBe(401);
  });

  it('lets an admin take a role away and remove a person, and shows a refusal', async () => {
    const page = await pageOf('admin@demo.test', '/people');
    const people = page.getByRole('table', { name: 'People and their roles' });
    const rita = people.getByRole('row').filter({ hasText: invited.email });
    await expect.poll(() => rita.textContent()).toContain('Active');

    // The only admin may not remove themselves: the server's reason stays in the dialog.
    await people.getByRole('button', { name: 'Remove Morgan Reyes' }).click();
    const self = page.getByRole('dialog', { name: 'Remove Morgan Reyes?' });
    await self.getByRole('button', { name: 'Remove person' }).click();
    await expect.poll(() => self.getByRole('alert').textContent()).toContain('The workspace must keep at least one admin.');
    await self.getByRole('button', { name: 'Cancel' }).click();

    await rita.getByRole('button', { name: `Remove the role contributor · KHG-TS2 from ${invited.name}` }).click();
    await page
      .getByRole('dialog', { name: /Remove the role/ })
      .getByRole('button', { name: 'Remove role' })
      .click();
    await expect.poll(() => rita.textContent()).toContain('no roles');

    await rita.getByRole('button', { name: `Add role for ${invited.name}` }).click();
    const add = page.getByRole('dialog', { name: `Add a role for ${invited.name}` });
    await add.getByLabel('Role', { exact: true }).selectOption({ label: 'observer' });
    await add.getByLabel('On', { exact: true }).selectOption({ label: 'Halvorsen Marine AS (all programs)' });
    await add.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => rita.textContent()).toContain('observer · Halvorsen Marine AS (all programs)');

    await rita.getByRole('button', { name: `Remove ${invited.name}` }).click();
    await page
      .getByRole('dialog', { name: `Remove ${invited.name}?` })
      .getByRole('button', { name: 'Remove person' })
      .click();
    await expect.poll(() => rita.textContent()).toContain('Removed');

    const gone = await anonymousPage('/signin');
    await gone.getByLabel('Email').fill(invited.email);
    await gone.getByLabel('Password').fill(invited.newPassword);
    await gone.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => gone.getByRole('alert').textContent()).toContain('The email or password is not right.');
  });
});
