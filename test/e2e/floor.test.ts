import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAt, expectAccessible, keepForDocs, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';

// The machine is shared with other test runs: give the page time to load and answer.
const wait = { timeout: 60_000 };
const floorPath = '/programs/NW-TENT2P/floor';
const csv = (rows: readonly string[]) =>
  Buffer.from(['kind,title,occurredOn,expectedOn,shippedOn,lotSize,level,majorAql,majorFound', ...rows, ''].join('\n'));
const zipSliders = 'shipment,Replacement zip sliders from YKK Shanghai,2026-03-10,2026-03-13,2026-03-10,,,,';

// The real server on a copy of the demo, whose TrailLite 2P tent (NW-TENT2P) has its floor events: the pilot lot
// that failed with a critical defect, its re-inspection, pilot tents overdue in Denver, a pole length out of
// tolerance. The supplier contact (a contributor) reads them, reports an inspection and a measurement through the
// forms and a CSV file through the upload's preview, on a desktop and a phone; then works out a plan on the calculator.
describe('browser: floor events reported by the supplier and the sampling plan calculator', () => {
  let world: DemoBrowser;
  let url = '';
  let page: Page;
  const contexts: BrowserContext[] = [];

  const events = () => page.locator('ul.event-list > li');
  const eventCard = (key: string) => page.locator(`li[id="${key}"]`);
  const live = () => page.locator('main .live-message').first();
  const importSection = () => page.getByRole('region', { name: 'Import from a CSV file' });
  const importStatus = () => importSection().getByRole('status');
  /** The key the page announced for the event just recorded. */
  const recordedKey = async () => {
    await expect.poll(() => live().textContent(), wait).toMatch(/^E-\d+ recorded\.$/);
    return /^(E-\d+)/.exec((await live().textContent()) ?? '')?.[1] ?? '';
  };

  beforeAll(async () => {
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-floor-'));
    url = world.server.url;
    page = world.page;
    await signInByApi(page.context(), url, 'supplier@demo.test');
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await world?.stop();
  });

  it('shows the contributor the failed pilot inspection with its verdict per class and how each plan was found', async () => {
    await page.goto(`${url}${floorPath}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toBe('Floor events');
    const tabs = page.getByRole('navigation', { name: 'Program sections' });
    expect(await tabs.getByRole('link', { name: /^Floor/ }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => events().count(), wait).toBe(4);
    // The answer first: what needs attention, in words.
    expect(await page.locator('.answer').textContent()).toBe(
      'Needs attention: 1 inspection rejected, 1 shipment overdue, 1 measurement out of limits.',
    );

    const failed = eventCard('E-1');
    expect(await failed.getByRole('heading', { level: 3 }).textContent()).toBe(
      'E-1 Inspection: Pilot lot inspection of the TrailLite 2P tents (seams, zips, pitch)',
    );
    expect(await failed.textContent()).toContain('recorded by Sophie Brandt');
    expect(await failed.locator('p').nth(1).textContent()).toMatch(/^✗ Reject lot of 300, inspection level II/);
    const table = failed.getByRole('table', { name: 'Sampling plan and verdict per defect class' });
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
    expect(await row('Critical').getByRole('cell').allTextContents()).toEqual(['0.25', 'H', '50', '0', '1', '1', '✗ Reject']);
    expect(await row('Major').getByRole('cell').allTextContents()).toEqual(['2.5', 'H', '50', '3', '4', '6', '✗ Reject']);
    expect(await row('Minor').getByRole('cell').allTextContents()).toEqual(['4', 'H', '50', '5', '6', '4', '✓ Accept']);

    await failed.getByText('How the sampling plans were found').click();
    const major = failed.getByRole('region', { name: 'Major' });
    await expect.poll(() => major.isVisible(), wait).toBe(true);
    const steps = await major.getByRole('listitem').allTextContents();
    expect(steps.join('\n')).toContain('Lot of 300 at inspection level II → code letter H (Table I, lots of 281 to 500)');
    expect(steps.join('\n')).toContain('H at AQL 2.5 → n = 50, Ac 3, Re 4 (Table II-A)');
    expect(await failed.getByRole('region', { name: 'Critical' }).textContent()).toContain('Critical defects accept none');

    // The other demo events: re-inspection accepted, pilot tents overdue, a pole section out of tolerance.
    expect(await eventCard('E-2').textContent()).toContain('✓ Accept');
    expect(await eventCard('E-3').textContent()).toMatch(/not arrived.*1 business day late/);
    expect(await eventCard('E-4').textContent()).toContain('1 of 12 values out of limits');
    await expectAccessible(page, { scope: 'main' });
    keepForDocs(await screenshot(page, 'floor'));
  });

  it('records an inspection through the form that fails: lot 2,000 at level II, AQL 2.5, 9 major defects → K, n 125, Ac 7, Re 8', async () => {
    await page.getByRole('button', { name: 'Report an inspection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report an inspection' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Checked before anything is sent, each fault at its field.
    await expect.poll(() => dialog.getByText('Give the lot size.').count(), wait).toBe(1);
    expect(await dialog.getByLabel('Lot size').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('What was inspected').fill('Lot 1 of the production tents, final inspection');
    await dialog.getByLabel('Lot or batch').fill('Evergreen lot 1, sewing line 4');
    await dialog.getByLabel('Lot size').fill('2000');
    expect(await dialog.getByLabel('Inspection level').inputValue()).toBe('II');
    await dialog.getByLabel('Major AQL').fill('2.5');
    await dialog.getByLabel('Major defects found').fill('9');
    await expectAccessible(page, { scope: 'dialog' });
    keepForDocs(await screenshot(page, 'floor-inspection-form', { viewport: true }));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);

    const key = await recordedKey();
    expect(key).toBe('E-5');
    const card = eventCard(key);
    await expect.poll(() => card.count(), wait).toBe(1);
    // Newest first.
    expect(await events().first().getAttribute('id')).toBe(key);
    expect(await card.locator('p').nth(1).textContent()).toMatch(/^✗ Reject lot of 2,000, inspection level II · Evergreen lot 1/);
    const major = card.getByRole('row', { name: /^Major/ });
    expect(await major.getByRole('cell').allTextContents()).toEqual(['2.5', 'K', '125', '7', '8', '9', '✗ Reject']);
    await card.getByText('How the sampling plans were found').click();
    expect(await card.getByRole('region', { name: 'Major' }).textContent()).toContain('K at AQL 2.5 → n = 125, Ac 7, Re 8');
  });

  it('records a measurement with one value out of tolerance, marked in the list in words', async () => {
    await page.getByRole('button', { name: 'Report a measurement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a measurement' });
    await dialog.getByLabel('What was measured').fill('Shock-cord pole sets from the Zhejiang tube, first off');
    await dialog.getByLabel('Characteristic').fill('Main pole section length');
    await dialog.getByLabel('Unit').fill('mm');
    await dialog.getByLabel('Nominal').fill('445');
    await dialog.getByLabel('Lower limit').fill('444');
    await dialog.getByLabel('Upper limit').fill('446');
    await dialog.getByLabel('Measured values').fill('445.1 444.9 446.4, 445.0\n445.2');
    await expectAccessible(page, { scope: 'dialog' });
    keepForDocs(await screenshot(page, 'floor-measurement-form', { viewport: true }));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);

    const card = eventCard(await recordedKey());
    await expect.poll(() => card.count(), wait).toBe(1);
    expect(await card.textContent()).toContain('✗ 1 of 5 values out of limits tolerance 444 to 446 mm, nominal 445');
    const values = card.getByRole('list', { name: 'Measured values' }).getByRole('listitem');
    expect(await values.allTextContents()).toEqual(['445.1', '444.9', '446.4 (out of limits) ✗', '445', '445.2']);
    expect(await values.nth(2).getAttribute('class')).toBe('values__out');
    // Five values: enough for a Cpk, here far below 1.33.
    expect(await card.textContent()).toMatch(/Cpk 0\.\d\d/);
  });

  it('previews a CSV file row by row, refuses to record while a row is wrong, and records the fixed file in one go', async () => {
    const before = await events().count();
    const file = page.getByLabel('CSV file', { exact: true });
    await file.setInputFiles({
      name: 'floor.csv',
      mimeType: 'text/csv',
      buffer: csv([zipSliders, 'inspection,Stuff sacks from the second printer,2026-03-10,,,800,IV,2.5,2']),
    });
    const preview = page.getByRole('table', { name: 'What each row would record' });
    await expect.poll(() => preview.getByRole('row').count(), wait).toBe(3);
    await expect.poll(() => importStatus().textContent(), wait).toBe('1 of 2 rows have errors: fix them in the file and choose it again.');
    const bad = preview.getByRole('row', { name: /^2 / });
    expect(await bad.textContent()).toBe('23level Must be one of I, II, III, S-1, S-2, S-3, S-4.');
    expect(await preview.getByRole('row', { name: /^1 / }).textContent()).toContain('OK — Shipment: Replacement zip sliders');
    const confirm = page.getByRole('button', { name: 'Record 2 events' });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await page.getByText('Nothing is recorded while any row has an error.').count()).toBe(1);
    await expectAccessible(page, { scope: 'main' });
    await preview.scrollIntoViewIfNeeded();
    keepForDocs(await screenshot(page, 'floor-import-error', { viewport: true }));

    await file.setInputFiles({
      name: 'floor.csv',
      mimeType: 'text/csv',
      buffer: csv([zipSliders, 'inspection,Stuff sacks from the second printer,2026-03-10,,,800,II,2.5,2']),
    });
    await expect.poll(() => importStatus().textContent(), wait).toBe('All 2 rows can be recorded.');
    expect(await preview.getByRole('row', { name: /^2 / }).textContent()).toContain('✓ Accept');
    expect(await events().count()).toBe(before);
    await confirm.click();
    await expect.poll(() => importStatus().textContent(), wait).toBe('2 events recorded.');
    await expect.poll(() => events().count(), wait).toBe(before + 2);
    expect(await events().first().textContent()).toContain('Stuff sacks from the second printer');
    expect(await events().nth(1).textContent()).toContain('Replacement zip sliders from YKK Shanghai');
  });

  it('fits the Floor tab on a phone: nothing scrolls sideways', async () => {
    const context = await contextAt(world.browser, demoInstant, {
      locale: 'en-GB',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    await signInByApi(context, url, 'supplier@demo.test');
    const phone = await context.newPage();
    await phone.goto(`${url}${floorPath}`);
    await expect.poll(() => phone.locator('li[id="E-1"]').count(), wait).toBe(1);
    const shot = await screenshot(phone, 'phone-floor');
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    const table = phone.locator('li[id="E-1"] table');
    const box = await table.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    keepForDocs(shot);
  });

  it('works out a sampling plan on the calculator, with the verdict for the defects found', async () => {
    await page.goto(`${url}/tools/sampling-plan`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toBe('Sampling plan');
    await page.getByLabel('Lot size (units)').fill('2000');
    await page.getByLabel('Inspection level').selectOption('II');
    await page.getByLabel('AQL', { exact: true }).selectOption('2.5');
    await page.getByLabel('Defects found (optional)').fill('9');
    await page.getByRole('button', { name: 'Work out the plan' }).click();
    const plan = page.getByRole('region', { name: 'The plan' });
    await expect.poll(() => plan.isVisible(), wait).toBe(true);
    const fact = async (term: string) => plan.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd').textContent();
    expect(await fact('Code letter')).toBe('K');
    expect(await fact('Sample size')).toBe('125');
    expect(await fact('Accept with at most (Ac)')).toBe('7');
    expect(await fact('Reject with (Re)')).toBe('8');
    expect(await plan.textContent()).toContain('Reject the lot');
    expect(await plan.textContent()).toContain('9 defects found, at least Re 8 → reject the lot');
    await expectAccessible(page, { scope: 'main' });
    keepForDocs(await screenshot(page, 'sampling-plan'));
  });
});
