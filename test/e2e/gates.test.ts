import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Desks, desks, desktop, expectAccessible, keepForDocs, phoneInShanghai, screenshot } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type ApiSession, apiSession, type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';

// The machine is shared with other test runs: give the page time to load and answer.
const wait = { timeout: 60_000 };
const code = 'KHG-GATES';
/** A 1×1 PNG: a photo taken on the factory floor, as far as the server can tell. */
const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const gatePath = (key: string) => `/programs/${code}/gates/${key}`;

interface GateItem {
  key: string;
  ownerId: string | null;
  isRequired: boolean;
  state: string;
  version: number;
}
interface Gate {
  key: string;
  ownerId: string;
  version: number;
  warningDays: number;
  items: GateItem[];
}
interface Person {
  id: string;
  email: string;
  roles: string[];
}

// The real server (built web app, SQLite file, demo portfolio) with a fresh program from the default
// template, made at the demo's instant, taken through G1 in Chromium: each person signs in for their own
// steps: the supplier attaches a photo and a link on a phone and submits them, the gate owner accepts, the decision owner's early
// pass is refused with the missing item listed, a required item is waived by a decided decision, G1
// passes with a condition (owner + due date), and G2's pass is then refused while the condition is open.
describe('browser: a phase gate worked and decided by its people', () => {
  let world: DemoBrowser;
  let url = '';
  const apis: ApiSession[] = [];
  let browsers: Desks;
  let people: Person[] = [];
  let waiverKey = '';
  let conditionKey = '';

  /** A session of the API as one person (the steps the test sets up rather than shows). */
  const apiAs = async (email: string): Promise<ApiSession> => {
    const api = await apiSession(world.browser, url, email);
    apis.push(api);
    return api;
  };
  const emailOf = (id: string | null) => people.find((p) => p.id === id)?.email ?? '';
  const idOf = (email: string) => people.find((p) => p.email === email)?.id ?? '';

  /** A person's own browser (desktop, or a phone in Shanghai), signed in, at a path. */
  const as = (email: string, path: string, phone = false): Promise<Page> => browsers.as(email, path, phone ? phoneInShanghai : desktop);
  const card = (page: Page, key: string) => page.locator(`li[id="${key}"]`);
  const live = (page: Page) => page.locator('.live-message');

  /** The item's owner submits it; someone else who reviews (the gate owner, else the quality owner) accepts it. */
  async function submitAndAccept(gateKey: string, itemKey: string): Promise<void> {
    const admin = await apiAs('lead@demo.test');
    const gate = await admin.call<Gate>('GET', `/programs/${code}/gates/${gateKey}`);
    const item = gate.items.find((i) => i.key === itemKey) as GateItem;
    const owner = await apiAs(emailOf(item.ownerId));
    const submitted = await owner.call<Gate>('POST', `/programs/${code}/gates/${gateKey}/items/${itemKey}/submit`, {
      version: item.version,
      note: `Signed record of ${itemKey} filed in the program folder.`,
    });
    const again = submitted.items.find((i) => i.key === itemKey) as GateItem;
    // The gate owner, else a quality owner, else (nobody else reviews) the decision owner: never the one who submitted.
    const quality = people.filter((p) => p.roles.includes('quality_owner')).map((p) => p.id);
    const reviewerId = [gate.ownerId, ...quality].find((id) => id !== item.ownerId) ?? idOf('owner@demo.test');
    const reviewer = emailOf(reviewerId);
    const r = await apiAs(reviewer);
    await r.call('POST', `/programs/${code}/gates/${gateKey}/items/${itemKey}/accept`, { version: again.version, comment: 'Checked.' });
  }

  beforeAll(async () => {
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-gates-'));
    url = world.server.url;
    browsers = desks(world.browser, url, demoInstant, world.page);
    const admin = await apiAs('admin@demo.test');
    const clients = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/clients');
    const suppliers = await admin.call<{ items: { factories: { id: string; city: string }[] }[] }>('GET', '/suppliers');
    const clientId = clients.items.find((c) => c.name.startsWith('Keller'))?.id;
    const factoryId = suppliers.items.flatMap((s) => s.factories).find((f) => f.city === 'Ningbo')?.id;
    await admin.call('POST', '/programs', {
      code,
      name: 'Glass kettle KG-2',
      product: 'Glass kettle',
      clientId,
      factoryId,
      planStart: '2026-03-02',
    });
    people = (await admin.call<{ items: Person[] }>('GET', `/programs/${code}/people`)).items;
    // Most of G1's evidence is in already: the browser shows the last steps.
    for (const key of ['G1-GOLDEN-SAMPLE', 'G1-BOM-DRAWINGS', 'G1-PACKAGING-SPEC', 'G1-INSPECTION-AQL', 'G1-COMPLIANCE-PLAN'])
      await submitAndAccept('G1', key);
    const quality = await apiAs('quality@demo.test');
    const g1 = await quality.call<Gate>('GET', `/programs/${code}/gates/G1`);
    const tooling = g1.items.find((i) => i.key === 'G1-TOOLING-T1') as GateItem;
    await quality.call('POST', `/programs/${code}/gates/G1/items/G1-TOOLING-T1/submit`, {
      version: tooling.version,
      note: 'T1 samples measured: all critical dimensions in tolerance.',
    });
  }, 240_000);

  afterAll(async () => {
    await browsers?.close();
    for (const a of apis) await a.close().catch(() => undefined);
    await world?.stop();
  });

  it('lists the program’s gates on its Gates tab: status, owner, review date, readiness and required items met', async () => {
    const page = await as('lead@demo.test', `/programs/${code}/gates`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toBe('Gates');
    const tabs = page.getByRole('navigation', { name: 'Program sections' });
    expect(await tabs.getByRole('link', { name: /^Gates/ }).getAttribute('aria-current')).toBe('page');
    const row = page.getByRole('row').filter({ hasText: 'G1: Pre-production readiness' });
    await expect.poll(() => row.count(), wait).toBe(1);
    expect(await row.textContent()).toContain('In progress');
    expect(await row.textContent()).toContain('Dana Whitfield');
    expect(await row.textContent()).toContain('5 of 8 required met');
    expect(await page.getByRole('row').filter({ hasText: 'G4:' }).textContent()).toContain('Not started');
    keepForDocs(await screenshot(page, 'gates'));
    await expectAccessible(page, { scope: 'main' });
  });

  it('the item’s owner (the supplier, on a phone) sees only their steps, attaches a photo and a link, and submits them with a note', async () => {
    const phone = await as('supplier@demo.test', gatePath('G1'), true);
    await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent(), wait).toBe('G1: Pre-production readiness');
    const capacity = card(phone, 'G1-CAPACITY');
    await expect.poll(() => capacity.getByRole('button', { name: 'Submit G1-CAPACITY' }).count(), wait).toBe(1);
    // Not theirs to review, waive or decide.
    expect(await phone.getByRole('button', { name: /^(Accept|Reject|Waive|Reopen) / }).count()).toBe(0);
    expect(await phone.getByRole('button', { name: 'Decide G1' }).count()).toBe(0);
    // The page stays within the phone's width.
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // A photo from the phone, then a link to the study.
    await capacity.getByRole('button', { name: 'Attach evidence to G1-CAPACITY' }).click();
    let attach = phone.getByRole('dialog', { name: /Attach evidence to G1-CAPACITY/ });
    await attach.getByLabel('File to attach').setInputFiles({ name: 'line-2-capacity.png', mimeType: 'image/png', buffer: photo });
    await attach.getByLabel('Title').fill('Line 2 capacity board');
    keepForDocs(await screenshot(phone, 'phone-gate-attach', { viewport: true }));
    await expectAccessible(phone, { scope: 'dialog' });
    await attach.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect.poll(() => live(phone).textContent(), wait).toBe('Evidence attached to G1-CAPACITY.');
    const file = capacity.getByRole('link', { name: 'Line 2 capacity board' });
    await expect.poll(() => file.count(), wait).toBe(1);
    const download = await phone.context().request.get(`${url}${await file.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('image/png');
    expect(Buffer.compare(await download.body(), photo)).toBe(0);
    await capacity.getByRole('button', { name: 'Attach evidence to G1-CAPACITY' }).click();
    attach = phone.getByRole('dialog', { name: /Attach evidence to G1-CAPACITY/ });
    await attach.getByLabel('Link').check();
    await attach.getByLabel('Web address').fill('https://docs.example.com/capacity/KG-2');
    await attach.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect.poll(() => capacity.getByRole('link', { name: 'https://docs.example.com/capacity/KG-2' }).count(), wait).toBe(1);
    expect(await capacity.textContent()).toContain('Evidence (2)');
    // A note put on by mistake comes off again (kept in the change log).
    await capacity.getByRole('button', { name: 'Attach evidence to G1-CAPACITY' }).click();
    attach = phone.getByRole('dialog', { name: /Attach evidence to G1-CAPACITY/ });
    await attach.getByLabel('Note', { exact: true }).check();
    await attach.getByRole('textbox', { name: 'Note' }).fill('Draft: figures to follow');
    await attach.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect.poll(() => capacity.textContent(), wait).toContain('Evidence (3)');
    await capacity.getByRole('button', { name: 'Remove evidence Draft: figures to follow' }).click();
    await phone
      .getByRole('dialog', { name: /Remove Draft: figures to follow/ })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect.poll(() => capacity.textContent(), wait).toContain('Evidence (2)');

    await capacity.getByRole('button', { name: 'Submit G1-CAPACITY' }).click();
    const dialog = phone.getByRole('dialog', { name: /Submit evidence of G1-CAPACITY/ });
    await dialog.getByLabel('Note for the reviewer').fill('Capacity study attached to the quote: 2 lines × 2 shifts, 18k units a month.');
    await expectAccessible(phone, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => live(phone).textContent(), wait).toBe('G1-CAPACITY submitted for review.');
    expect(await capacity.textContent()).toContain('Awaiting review');
    expect(await capacity.textContent()).toContain('Capacity study attached');
    await capacity.scrollIntoViewIfNeeded();
    keepForDocs(await screenshot(phone, 'phone-gate', { viewport: true }));
  });

  it('the gate owner accepts submitted evidence; the one who submitted cannot review their own', async () => {
    // The quality owner reviews evidence, but submitted the tooling report herself: shown, disabled, saying why.
    const quality = await as('quality@demo.test', `${gatePath('G1')}#G1-TOOLING-T1`);
    const own = card(quality, 'G1-TOOLING-T1').getByRole('button', { name: 'Accept G1-TOOLING-T1' });
    await expect.poll(() => own.count(), wait).toBe(1);
    expect(await own.isDisabled()).toBe(true);
    expect(await card(quality, 'G1-TOOLING-T1').textContent()).toContain('You submitted it: someone else reviews it.');

    const page = await as('lead@demo.test', gatePath('G1'));
    const capacity = card(page, 'G1-CAPACITY');
    await expect.poll(() => capacity.getByRole('button', { name: 'Accept G1-CAPACITY' }).count(), wait).toBe(1);
    await capacity.getByRole('button', { name: 'Accept G1-CAPACITY' }).click();
    let dialog = page.getByRole('dialog', { name: /Accept G1-CAPACITY/ });
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => live(page).textContent(), wait).toBe('G1-CAPACITY accepted.');
    await expect.poll(() => capacity.textContent()).toContain('Accepted by');
    expect(await capacity.textContent()).toContain('Dana Whitfield');

    const tooling = card(page, 'G1-TOOLING-T1');
    await tooling.getByRole('button', { name: 'Accept G1-TOOLING-T1' }).click();
    dialog = page.getByRole('dialog', { name: /Accept G1-TOOLING-T1/ });
    await dialog.getByLabel('Comment').fill('Measurement report checked against the drawing.');
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => live(page).textContent(), wait).toBe('G1-TOOLING-T1 accepted.');
    await expect.poll(() => page.locator('.answers__text').first().textContent()).toContain('7 of 8 required items');
  });

  it('the decision owner’s early pass is refused, listing the missing item as a link to it', async () => {
    const page = await as('owner@demo.test', gatePath('G1'));
    await expect.poll(() => page.getByRole('button', { name: 'Decide G1' }).count(), wait).toBe(1);
    await page.getByRole('button', { name: 'Decide G1' }).click();
    const dialog = page.getByRole('dialog', { name: /Decide G1/ });
    await dialog.getByLabel('Rationale').fill('Everything but the long-lead order is in.');
    await dialog.getByRole('button', { name: 'Record the outcome' }).click();
    await expect.poll(() => dialog.getByText('G1 cannot pass: required items are neither accepted nor waived.').count(), wait).toBe(1);
    const missing = dialog.getByRole('link', { name: /G1-LONG-LEAD: Long-lead materials ordered/ });
    expect(await missing.count()).toBe(1);
    expect(await dialog.getByText('1 required item still missing').count()).toBe(1);
    keepForDocs(await screenshot(page, 'gate-pass-refused', { viewport: true }));
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the gate owner waives the missing item by linking a decided decision chosen from the log', async () => {
    const lead = await apiAs('lead@demo.test');
    const owner = await apiAs('owner@demo.test');
    const asked = await lead.call<{ id: string; key: string; version: number }>('POST', `/programs/${code}/decisions`, {
      statement: 'Order the long-lead materials after G1?',
      ownerId: idOf('owner@demo.test'),
      dueDate: '2026-03-13',
    });
    await owner.call('POST', `/programs/${code}/decisions/${asked.key}/decide`, {
      version: asked.version,
      outcome: 'Order the glass and heating elements right after the G1 review.',
      rationale: 'The supplier holds a frame order; ordering now adds no risk.',
      expectedImpact: 'No slip: lead time 6 weeks fits before the pilot run.',
    });
    waiverKey = asked.key;

    const page = await as('lead@demo.test', `${gatePath('G1')}#G1-LONG-LEAD`);
    const longLead = card(page, 'G1-LONG-LEAD');
    await expect.poll(() => longLead.getByRole('button', { name: 'Waive G1-LONG-LEAD' }).count(), wait).toBe(1);
    await longLead.getByRole('button', { name: 'Waive G1-LONG-LEAD' }).click();
    const dialog = page.getByRole('dialog', { name: /Waive G1-LONG-LEAD/ });
    await expect.poll(() => dialog.getByRole('option', { name: new RegExp(`^${waiverKey}: `) }).count(), wait).toBe(1);
    await dialog.getByLabel('Decision').selectOption({ label: `${waiverKey}: Order the long-lead materials after G1?` });
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Waive' }).click();
    await expect.poll(() => live(page).textContent(), wait).toBe('G1-LONG-LEAD waived.');
    await expect.poll(() => longLead.textContent()).toContain(`waived by ${waiverKey}`);
    await expect.poll(() => page.locator('.answers__text').first().textContent()).toContain('Ready for review');
  });

  it('the decision owner passes G1 with a condition (owner and due date), which becomes an action', async () => {
    const page = await as('owner@demo.test', gatePath('G1'));
    await expect.poll(() => page.getByRole('button', { name: 'Decide G1' }).count(), wait).toBe(1);
    await page.getByRole('button', { name: 'Decide G1' }).click();
    const dialog = page.getByRole('dialog', { name: /Decide G1/ });
    await dialog.getByLabel('Outcome').selectOption('conditional_go');
    await dialog.getByRole('button', { name: 'Add a condition' }).click();
    await dialog.getByLabel('What must be done').fill('Confirm the long-lead order with the glass supplier in writing.');
    await dialog.getByLabel('Owner').selectOption({ label: 'Chen Wei' });
    await dialog.getByLabel('Due date').fill('2026-03-25');
    await dialog
      .getByLabel('Rationale')
      .fill('Close criteria met; the long-lead order is waived by decision and followed up as a condition.');
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Record the outcome' }).click();
    await expect.poll(() => live(page).textContent(), wait).toBe('G1 decided: Conditional go.');
    await expect.poll(() => page.locator('.answers__text').first().textContent()).toContain('Passed with conditions');
    const review = page.getByRole('region', { name: 'Review and decision' });
    const action = review.getByRole('link', { name: /^A-\d+$/ });
    await expect.poll(() => action.count()).toBe(1);
    conditionKey = (await action.textContent()) ?? '';
    expect(await review.textContent()).toContain('Chen Wei');
    expect(await review.textContent()).toContain('25 Mar 2026');
    // Decided: the evidence is frozen, no step is offered.
    expect(await page.getByRole('button', { name: /^(Submit|Accept|Waive|Reopen) G1-/ }).count()).toBe(0);
    keepForDocs(await screenshot(page, 'gate'));
    await expectAccessible(page, { scope: 'main' });
  });

  it('G2 cannot pass while G1’s condition is open: the refusal names its action', async () => {
    const lead = await apiAs('lead@demo.test');
    const g2 = await lead.call<Gate>('GET', `/programs/${code}/gates/G2`);
    for (const item of g2.items.filter((i) => i.isRequired)) await submitAndAccept('G2', item.key);
    const page = await as('owner@demo.test', gatePath('G2'));
    await expect.poll(() => page.getByRole('button', { name: 'Decide G2' }).count(), wait).toBe(1);
    await page.getByRole('button', { name: 'Decide G2' }).click();
    const dialog = page.getByRole('dialog', { name: /Decide G2/ });
    await dialog.getByLabel('Rationale').fill('Pilot run met every check.');
    await dialog.getByRole('button', { name: 'Record the outcome' }).click();
    await expect.poll(() => dialog.getByText('G2 cannot pass while a condition of an earlier gate is open.').count(), wait).toBe(1);
    expect(await dialog.getByRole('link', { name: conditionKey }).count()).toBe(1);
    keepForDocs(await screenshot(page, 'gate-condition-open', { viewport: true }));
  });

  it('prints the checklist pack: every item with its evidence, state and who accepted it, and links the PDF', async () => {
    const page = await as('quality@demo.test', `${gatePath('G1')}/pack`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait)
      .toBe('G1 Pre-production readiness: checklist pack');
    const row = page.getByRole('row').filter({ hasText: 'G1-CAPACITY' });
    await expect.poll(() => row.count(), wait).toBe(1);
    expect(await row.textContent()).toContain('Accepted');
    expect(await row.textContent()).toContain('Dana Whitfield');
    expect(await row.getByRole('link', { name: 'Line 2 capacity board' }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'G1-LONG-LEAD' }).textContent()).toContain(waiverKey);
    const pdf = page.getByRole('link', { name: 'Download PDF' });
    const res = await page.context().request.get(`${url}${await pdf.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    await page.emulateMedia({ media: 'print' });
    keepForDocs(await screenshot(page, 'print-gate-pack'));
    await page.emulateMedia({ media: 'screen' });
    await expectAccessible(page, { scope: 'main' });
  });

  it('the cadence owner sets up a gate still open (its warning period); others are not offered the set-up', async () => {
    const supplier = await as('supplier@demo.test', gatePath('G3'));
    await expect.poll(() => supplier.getByRole('heading', { level: 1 }).textContent(), wait).toBe('G3: Active run control');
    expect(await supplier.getByRole('button', { name: /^Set up G3/ }).count()).toBe(0);

    const page = await as('lead@demo.test', gatePath('G3'));
    const open = page.getByRole('button', { name: /^Set up G3/ });
    await expect.poll(() => open.count(), wait).toBe(1);
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Set up G3' });
    await expect.poll(() => dialog.count(), wait).toBe(1);
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByLabel('Warning period (business days)').fill('15');
    await dialog.getByLabel('Reason').fill('Run control needs three weeks of notice.');
    await dialog.getByRole('button', { name: 'Save the set-up' }).click();
    await expect.poll(() => live(page).textContent(), wait).toBe('G3 is set up.');
    const lead = await apiAs('lead@demo.test');
    expect((await lead.call<Gate>('GET', `/programs/${code}/gates/G3`)).warningDays).toBe(15);
  });
});
