import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/main/server.js';
import { contextAt, expectAccessible, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';

// The machine is shared with other test runs: give the page time to load and answer.
const wait = { timeout: 60_000 };
const client = 'Keller Haushaltsgeräte GmbH';

// Markup in every text a client types: it must come back as the same text, and nothing of it may run.
const script = '<script>window.__xss = "script"</script>';
const image = '<img src=x onerror="window.__xss = \'img\'">';
const typed = {
  product: `Kettle ${script}`,
  name: `Launch ${image}`,
  supplierName: `Lisheng ${script}`,
  factoryCity: `Ningbo ${image}`,
  risk: `Tooling late ${image}`,
  contactName: `Jonas ${script}`,
  contactRole: `Buyer ${image}`,
  contactPhone: '<img src=x onerror=alert(1)>',
  note: `Pilot of 200.\n${script}\n${image}`,
};

/** No script of the page's text ran: no alert, nothing set by an inline handler, no element made from the text. */
async function expectInert(page: Page, dialogs: readonly string[]): Promise<void> {
  expect(dialogs).toEqual([]);
  expect(await page.evaluate<string | null>('window.__xss ?? null')).toBeNull();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
}

// The real server (built web app, SQLite file, demo portfolio) on a loopback port, driven in Chromium:
// a cadence owner makes an intake link, someone without an account submits a program through it on a
// phone, and the draft program appears for the cadence owner with every text shown as typed.
describe('browser: program intake through a client’s link, without signing in', () => {
  let server: RunningServer;
  let world: DemoBrowser;
  let lead: Page;
  let phone: Page;
  let phoneContext: BrowserContext;
  let url = '';
  let reference = '';
  const dialogs: string[] = [];

  beforeAll(async () => {
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-intake-'));
    ({ server, page: lead } = world);
    phoneContext = await contextAt(world.browser, demoInstant, {
      locale: 'en-GB',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    phone = await phoneContext.newPage();
    for (const p of [lead, phone]) p.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
  });

  afterAll(async () => {
    await phoneContext?.close();
    await world?.stop();
  });

  it('lets the cadence owner make a link and copy its address, shown once', async () => {
    await signInByApi(lead.context(), server.url, 'lead@demo.test');
    await lead.goto(`${server.url}/intake/links`);
    await lead.getByRole('heading', { name: 'Intake links', level: 1 }).waitFor(wait);
    await lead.getByLabel('Client').selectOption({ label: client });
    await lead.getByLabel('Label').fill('Keller buyers');
    await lead.getByRole('button', { name: 'Make the link' }).click();
    const notice = lead.getByRole('region', { name: `The link “Keller buyers” for ${client} is made` });
    await notice.waitFor(wait);
    url = await notice.getByLabel('Address of the intake form').inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/intake/tgk_[A-Za-z0-9_-]{43}$`));
    const table = lead.getByRole('table', { name: 'Intake links, newest first' });
    await expect.poll(() => table.getByRole('row', { name: /Keller buyers/ }).count(), wait).toBe(1);
    expect(await table.textContent()).not.toContain(url.split('/').pop());
    await expectAccessible(lead, { scope: 'main' });
    await screenshot(lead, 'intake-links', { viewport: true });
  });

  it('shows the form on a phone to someone not signed in', async () => {
    await phone.goto(url);
    await phone.getByRole('heading', { name: `Submit a program to ${client}` }).waitFor(wait);
    expect(await phoneContext.cookies()).toEqual([]);
    // Nothing is wider than the phone's window.
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await expectAccessible(phone);
  });

  it('checks the form before sending, then submits it and names the reference', async () => {
    await phone.getByRole('button', { name: 'Submit the program' }).click();
    await phone.getByText('Say what is made.').waitFor(wait);

    await phone.getByLabel('Product').fill(typed.product);
    await phone.getByLabel('Program name').fill(typed.name);
    await phone.getByLabel('Current phase').selectOption('G2');
    await phone.getByLabel('Target release').fill('2026-09-30');
    await phone.getByLabel('Supplier').fill(typed.supplierName);
    await phone.getByLabel('Factory city').fill(typed.factoryCity);
    await phone.getByLabel('Country').fill('cn');
    await phone.getByLabel('Time zone').selectOption('Asia/Shanghai');
    await phone.getByRole('button', { name: 'Add a risk' }).click();
    await phone.getByLabel('Risk 1').fill(typed.risk);
    const contact = phone.getByRole('group', { name: 'Contact 1' });
    await contact.getByLabel('Name').fill(typed.contactName);
    await contact.getByLabel('Role').fill(typed.contactRole);
    await contact.getByLabel('Email').fill('jonas.keller@keller.example');
    await contact.getByLabel('Phone').fill(typed.contactPhone);
    await phone.getByLabel('Anything else').fill(typed.note);
    await screenshot(phone, 'intake-phone-form');

    await phone.getByRole('button', { name: 'Submit the program' }).click();
    const thanks = phone.getByRole('region', { name: 'Thank you: the program is submitted' });
    await thanks.waitFor(wait);
    reference = (await thanks.locator('.intake-reference').textContent()) ?? '';
    expect(reference).toMatch(/^INT-KETTLE-SCRIPT-WI-[A-HJ-NP-Z2-9]{4}$/);
    await expectAccessible(phone);
    await screenshot(phone, 'intake-phone-thanks', { viewport: true });
    await expectInert(phone, dialogs);
  });

  it('makes a draft program the cadence owner sees, every text shown as typed and nothing run', async () => {
    const answer = await lead.evaluate(async (code) => (await fetch(`/api/v1/programs/${code}`)).json(), reference);
    expect(answer).toMatchObject({ code: reference, status: 'draft', product: typed.product, name: typed.name });

    await lead.goto(`${server.url}/programs/${reference}`);
    const section = lead.getByRole('region', { name: 'From intake' });
    await section.waitFor(wait);
    await lead.getByRole('heading', { name: typed.name, level: 1 }).waitFor(wait);
    for (const text of [typed.risk, typed.contactName, typed.contactRole, typed.contactPhone]) {
      expect(await section.getByText(text, { exact: false }).count(), text).toBeGreaterThan(0);
    }
    expect(await section.locator('.intake-note').textContent()).toBe(typed.note);
    expect(await section.textContent()).toContain('Submitted through the intake link “Keller buyers”');
    const page = (await lead.locator('main').textContent()) ?? '';
    for (const text of [typed.supplierName, typed.factoryCity]) expect(page, text).toContain(text);
    await expectAccessible(lead, { scope: 'main' });
    await screenshot(lead, 'intake-draft-program');
    await expectInert(lead, dialogs);
    // The product shows where the program's set-up is edited.
    await lead.getByRole('button', { name: 'Edit program' }).click();
    const edit = lead.getByRole('dialog');
    await edit.waitFor(wait);
    expect(await edit.getByLabel('Product').inputValue()).toBe(typed.product);
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await expectInert(lead, dialogs);

    await lead.goto(`${server.url}/programs/${reference}/risks`);
    await lead.getByRole('main').getByText(typed.risk, { exact: false }).first().waitFor(wait);
    await expectInert(lead, dialogs);
  });

  it('answers a revoked link with a page that says so', async () => {
    await lead.goto(`${server.url}/intake/links`);
    await lead.getByRole('button', { name: 'Revoke “Keller buyers”' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Revoke the link “Keller buyers”?' });
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);
    // The link opened again on the phone (loaded afresh: a new tab would cost another renderer).
    await phone.goto(url);
    await phone.getByRole('heading', { name: 'This intake link does not work' }).waitFor(wait);
  });
});
