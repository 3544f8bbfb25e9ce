import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { type Desks, desks, expectAccessible, launchChromium, screenshot } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { demoInstant } from '../support/demo-template.js';

/** A calendar date, as an <input type="date"> takes it: n days after the demo's instant, where the server's clock (and the browser's) starts. */
const daysFromNow = (n: number): string => new Date(Date.parse(demoInstant) + n * 86_400_000).toISOString().slice(0, 10);

/** A GET made by the page's own session, as its code would make it. */
const getFromPage = <T>(page: Page, url: string): Promise<T> =>
  page.evaluate(async (u) => (await (await fetch(u, { credentials: 'same-origin' })).json()) as unknown, url) as Promise<T>;

type QueueItem = { key: string; programCode: string; statement: string };

// The real server with the demo portfolio (which holds decisions, risks and actions); the people one after another on one desktop page (desks()).
describe('browser: my week, decisions, risks and actions', () => {
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  const dataDir = demoDataDir('tollgate-e2e-records-');
  const statement = 'Approve air freight for the T2 samples?';
  let newDecision = '';
  let actionKey = '';

  let browsers: Desks;
  /** A person signed in through the API on the desktop page kept for the people, opened at their home page or a path. */
  const as = (email: string, path = '/'): Promise<Page> => browsers.as(email, path);
  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  const live = (page: Page) => page.locator('.live-message');
  /** The heat-map cell of a likelihood and impact. */
  const cell = (page: Page, likelihood: number, impact: number) =>
    page.locator(`td.heat__cell[data-likelihood="${likelihood}"][data-impact="${impact}"]`);

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

  it('(a) lets the cadence owner request a decision from the decision owner, with refusals shown by their fields', async () => {
    const page = await as('lead@demo.test', '/programs/KHG-KW500/decisions');
    await expect.poll(() => heading(page).textContent()).toBe('Decisions');
    const tabs = page.getByRole('navigation', { name: 'Program sections' });
    expect(await tabs.getByRole('link', { name: /^Decisions/ }).getAttribute('aria-current')).toBe('page');
    const queue = page.getByRole('table', { name: /Open decisions/ });
    await expect.poll(() => queue.getByRole('row').count()).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Request a decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request a decision' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The server's refusals, each next to its field.
    await expect.poll(() => dialog.getByText('Say what must be decided.', { exact: true }).count()).toBe(1);
    expect(await dialog.getByLabel('Decision needed').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Decision needed').fill(statement);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByText('Name the decision owner.').count()).toBe(1);

    await dialog.getByLabel('Context').fill('T2 samples leave Ningbo on Friday; sea freight lands after the G3 review.');
    await dialog.getByLabel('Options').fill('Air freight (+1.8 k USD)\nSea freight, review a week later');
    await dialog.getByLabel('Who decides').selectOption({ label: 'Jonas Keller' });
    await dialog.getByLabel('Decide by').fill(daysFromNow(3));
    await dialog.getByRole('checkbox', { name: /M-36 / }).check();
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await expect.poll(() => live(page).textContent()).toMatch(/^D-\d+ requested from Jonas Keller\.$/);
    newDecision = /^(D-\d+)/.exec((await live(page).textContent()) ?? '')?.[1] ?? '';
    const row = queue.getByRole('row').filter({ hasText: statement });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Jonas Keller');
    // The cadence owner does not own it, so cannot decide it; editing an open decision is theirs.
    expect(await row.getByRole('button', { name: `Decide ${newDecision}` }).count()).toBe(0);
    expect(await row.getByRole('button', { name: `Edit ${newDecision}` }).count()).toBe(1);
  });

  it('(a) shows the decision owner exactly their open decisions on "My week"; they decide the new one, then supersede it', async () => {
    const page = await as('owner@demo.test');
    await page.waitForURL(/\/week$/);
    const main = page.getByRole('navigation', { name: 'Main' });
    expect((await main.getByRole('link').allTextContents())[0]).toBe('My week');
    const section = page.getByRole('region', { name: 'Decisions you must make' });
    await expect.poll(() => section.getByRole('row').count()).toBeGreaterThan(1);

    const queue = await getFromPage<{ items: QueueItem[] }>(page, '/api/v1/decision-queue?ownerId=me');
    const rows = section.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(queue.items.length);
    const texts = await rows.allTextContents();
    for (const d of queue.items)
      expect(texts.some((t) => t.includes(d.key) && t.includes(d.statement) && t.includes(d.programCode))).toBe(true);
    expect(texts.some((t) => t.includes(newDecision) && t.includes(statement))).toBe(true);
    // Overdue first, marked in words.
    const first = texts[0] ?? '';
    if (texts.some((t) => t.includes('Overdue'))) expect(first).toContain('Overdue');
    for (const name of [
      'Your actions due this week or overdue',
      'Waiting for your confirmation',
      'Your risks due for review',
      'Your milestones due or late',
      'Gates at risk that you own',
    ])
      expect(await page.getByRole('heading', { name, level: 2 }).count(), name).toBe(1);
    await screenshot(page, 'my-week');
    await expectAccessible(page, { scope: 'main' });

    await section.getByRole('link', { name: statement }).click();
    await page.waitForURL(new RegExp(`/programs/KHG-KW500/decisions/${newDecision}$`));
    await expect.poll(() => heading(page).textContent()).toBe(`${newDecision}: ${statement}`);
    await page.getByRole('button', { name: `Decide ${newDecision}` }).click();
    const decide = page.getByRole('dialog', { name: `Decide ${newDecision}` });
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => decide.getByText('Say what was decided.', { exact: true }).count()).toBe(1);
    await decide.getByLabel('Outcome').fill('Air freight the T2 samples.');
    await decide.getByLabel('Rationale').fill('Keeps the G3 review date; the cost is within the program reserve.');
    await decide.getByLabel('Expected impact').fill('+1.8 k USD freight; no slip of M-36.');
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => decide.isVisible()).toBe(false);
    const facts = page.getByLabel('Decision facts');
    await expect.poll(() => facts.textContent()).toContain('Decided');
    // A decided decision is never edited: only superseding is offered.
    expect(await page.getByRole('button', { name: `Edit ${newDecision}` }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Decide ${newDecision}` }).count()).toBe(0);

    await page.getByRole('button', { name: `Supersede ${newDecision}` }).click();
    const supersede = page.getByRole('dialog', { name: `Supersede ${newDecision}` });
    await supersede.getByLabel('Outcome').fill('Ship the T2 samples by sea.');
    await supersede.getByLabel('Rationale').fill('The G3 review moved a week; air freight no longer buys time.');
    await supersede.getByLabel('Expected impact').fill('Saves 1.8 k USD; samples arrive for the new review date.');
    await supersede.getByRole('button', { name: 'Record new decision' }).click();
    await expect.poll(() => supersede.getByText('Say why the earlier decision no longer holds.', { exact: true }).count()).toBe(1);
    await supersede.getByLabel('Why change course').fill('The G3 review moved to the following week.');
    await supersede.getByRole('button', { name: 'Record new decision' }).click();
    await expect.poll(() => supersede.isVisible()).toBe(false);

    // The replacement names what it supersedes…
    await page.waitForURL((url) => !url.pathname.endsWith(`/${newDecision}`));
    const replacement = /\/decisions\/(D-\d+)$/.exec(page.url())?.[1] ?? '';
    expect(replacement).not.toBe('');
    await expect.poll(() => facts.textContent()).toContain(`supersedes ${newDecision}`);
    await expectAccessible(page, { scope: 'main' });
    // …and the old one, unchanged, names its replacement, with no controls left.
    await facts.getByRole('link', { name: newDecision }).click();
    await page.waitForURL(new RegExp(`/decisions/${newDecision}$`));
    await expect.poll(() => facts.textContent()).toContain(`superseded by ${replacement}`);
    expect(await facts.textContent()).toContain('Superseded');
    expect(await page.getByText('Air freight the T2 samples.').count()).toBe(1);
    expect(await page.getByRole('button', { name: new RegExp(`${newDecision}$`) }).count()).toBe(0);

    // The log shows both, with the chain.
    await page.goto(`${server.url}/programs/KHG-KW500/decisions`);
    const log = page.getByRole('table', { name: /Decided and superseded/ });
    const newRow = log
      .getByRole('row')
      .filter({ hasText: `superseded by ${replacement}` })
      .filter({ hasText: newDecision });
    await expect.poll(() => newRow.count()).toBe(1);
    expect(
      await log
        .getByRole('row')
        .filter({ hasText: `supersedes ${newDecision}` })
        .count(),
    ).toBe(1);
    await screenshot(page, 'decisions');
    await expectAccessible(page, { scope: 'main' });
  });

  it('(b) raises a risk and re-scores it with a reason: it moves on the heat map', async () => {
    const page = await as('quality@demo.test', '/programs/KHG-KW500/risks');
    await expect.poll(() => page.getByRole('table', { name: /Live risks by current likelihood/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Raise a risk' }).click();
    const raise = page.getByRole('dialog', { name: 'Raise a risk' });
    await raise.getByLabel('Risk', { exact: true }).fill('Heating element supplier misses the T2 lot');
    await raise.getByLabel('Owner').selectOption({ label: 'Sophie Brandt' });
    await raise.getByLabel('Category').selectOption({ label: 'Supply' });
    await raise.getByLabel('Likelihood', { exact: true }).selectOption({ label: '2 unlikely' });
    await raise.getByLabel('Impact', { exact: true }).selectOption({ label: '3 moderate' });
    await raise.getByLabel('Early-warning sign').fill('Element deliveries slip by more than two days.');
    await raise.getByLabel('Review by').fill(daysFromNow(7));
    await raise.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => raise.isVisible()).toBe(false);
    await expect.poll(() => live(page).textContent()).toMatch(/^R-\d+ raised, score 6 low\.$/);
    const key = /^(R-\d+)/.exec((await live(page).textContent()) ?? '')?.[1] ?? '';
    await expect.poll(() => cell(page, 2, 3).getByRole('link', { name: key, exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: `Update ${key}` }).click();
    const update = page.getByRole('dialog', { name: new RegExp(`^Update ${key} `) });
    await update.getByLabel('Likelihood', { exact: true }).selectOption({ label: '4 likely' });
    await update.getByLabel('Impact', { exact: true }).selectOption({ label: '5 severe' });
    await update.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => update.getByText('Say why the risk changes.', { exact: true }).count()).toBe(1);
    await update.getByLabel('Reason for the change').fill('The element supplier lost a line to a fire.');
    await update.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => update.isVisible()).toBe(false);

    await expect.poll(() => cell(page, 4, 5).getByRole('link', { name: key, exact: true }).count()).toBe(1);
    expect(await cell(page, 2, 3).getByRole('link', { name: key, exact: true }).count()).toBe(0);
    const register = page.getByRole('table', { name: /Risks, live ones first/ });
    expect(await register.getByRole('row').filter({ hasText: key }).textContent()).toContain('20 high');
    await page.getByRole('heading', { name: 'Heat map' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'risks-heat-map');
    await expectAccessible(page, { scope: 'main' });

    // The residual view is one toggle away; the history has the reason.
    await page.getByRole('button', { name: 'After mitigation (residual)' }).click();
    await expect.poll(() => page.getByRole('table', { name: /Live risks by residual/ }).count()).toBe(1);
    await register.getByRole('link', { name: 'Heating element supplier misses the T2 lot' }).click();
    const history = page.getByRole('table', { name: /Every score of this risk/ });
    await expect.poll(() => history.getByRole('row').filter({ hasText: 'The element supplier lost a line to a fire.' }).count()).toBe(1);
    expect(await history.getByRole('row').filter({ hasText: 'The element supplier lost a line to a fire.' }).textContent()).toContain(
      '4 × 5',
    );
    await expectAccessible(page, { scope: 'main' });
  });

  it('(c) an action the supplier owns: the cadence owner opens it, the supplier marks it done, the cadence owner confirms closure', async () => {
    let lead = await as('lead@demo.test', '/programs/KHG-KW500/actions');
    await lead.getByRole('button', { name: 'Open an action' }).click();
    const open = lead.getByRole('dialog', { name: 'Open an action' });
    await open.getByLabel('What must be done').fill('Ship 20 golden samples to Berlin');
    await open.getByLabel('Owner').selectOption({ label: 'Chen Wei' });
    await open.getByLabel('Due', { exact: true }).fill(daysFromNow(2));
    await open.getByLabel('Severity').selectOption({ label: 'High' });
    const m36 = (await open.getByLabel('Blocks milestone').locator('option').allTextContents()).find((o) => o.startsWith('M-36 ')) ?? '';
    await open.getByLabel('Blocks milestone').selectOption({ label: m36 });
    await open.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => open.isVisible()).toBe(false);
    await expect.poll(() => live(lead).textContent()).toMatch(/^A-\d+ opened\.$/);
    actionKey = /^(A-\d+)/.exec((await live(lead).textContent()) ?? '')?.[1] ?? '';

    // The milestone row names its blocker.
    await lead.getByRole('navigation', { name: 'Program sections' }).getByRole('link', { name: 'Overview and milestones' }).click();
    // Exactly M-36's row (other rows may name it as a predecessor: "after M-36").
    const milestone = lead.getByRole('table', { name: 'Milestones' }).getByRole('row', { name: /^M-36 / });
    await expect.poll(() => milestone.textContent()).toContain(`blocked by ${actionKey}`);

    const supplier = await as('supplier@demo.test', '/programs/KHG-KW500/actions');
    const actions = supplier.getByRole('table', { name: /^Actions:/ });
    const row = actions.getByRole('row').filter({ hasText: 'Ship 20 golden samples to Berlin' });
    await expect.poll(() => row.count()).toBe(1);
    // A contributor may mark done only what they own, and never confirm.
    expect(await actions.getByRole('button', { name: /^Confirm closure/ }).count()).toBe(0);
    // The buttons follow the program's rights, read beside the list: wait for them as for the row.
    await expect.poll(() => actions.getByRole('button', { name: /^Mark A-\d+ done$/ }).count()).toBeGreaterThan(0);
    for (const text of await actions
      .getByRole('row')
      .filter({ has: supplier.getByRole('button', { name: /^Mark A-\d+ done$/ }) })
      .allTextContents())
      expect(text).toContain('Chen Wei');
    await screenshot(supplier, 'actions');
    await expectAccessible(supplier, { scope: 'main' });

    await row.getByRole('button', { name: `Mark ${actionKey} done` }).click();
    const done = supplier.getByRole('dialog', { name: `Mark ${actionKey} done` });
    await done.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => done.getByText('Say what was done.', { exact: true }).count()).toBe(1);
    await done.getByLabel('What was done').fill('Shipped by DHL, AWB 4471 2290 31.');
    await done.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => done.isVisible()).toBe(false);
    await expect.poll(() => row.textContent()).toContain('Done, waiting for confirmation');
    expect(await row.textContent()).toContain('Shipped by DHL, AWB 4471 2290 31.');

    // The cadence owner, signed in again, finds it waiting on "My week", and confirms the closure.
    lead = await as('lead@demo.test', '/week');
    const waiting = lead.getByRole('region', { name: 'Waiting for your confirmation' });
    await expect.poll(() => waiting.getByRole('link', { name: 'Ship 20 golden samples to Berlin' }).count()).toBe(1);
    await waiting.getByRole('link', { name: 'Ship 20 golden samples to Berlin' }).click();
    await lead.waitForURL(new RegExp(`/programs/KHG-KW500/actions#${actionKey}$`));
    const leadRow = lead
      .getByRole('table', { name: /^Actions:/ })
      .getByRole('row')
      .filter({ hasText: 'Ship 20 golden samples to Berlin' });
    await leadRow.getByRole('button', { name: `Confirm closure of ${actionKey}` }).click();
    const confirm = lead.getByRole('dialog', { name: `Confirm closure of ${actionKey}` });
    expect(await confirm.textContent()).toContain('Shipped by DHL');
    await confirm.getByRole('button', { name: 'Confirm closure' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(false);
    await expect.poll(() => live(lead).textContent()).toBe(`${actionKey} closed.`);

    await lead.getByRole('link', { name: /^Closed/ }).click();
    const closed = lead
      .getByRole('table', { name: /^Actions:/ })
      .getByRole('row')
      .filter({ hasText: 'Ship 20 golden samples to Berlin' });
    await expect.poll(() => closed.textContent()).toContain('Closed');
    expect(await closed.textContent()).toContain('Closure confirmed by Dana Whitfield');

    // Closed, it no longer blocks the milestone.
    await lead.goto(`${server.url}/programs/KHG-KW500`);
    await expect
      .poll(() =>
        lead
          .getByRole('table', { name: 'Milestones' })
          .getByRole('row', { name: /^M-36 / })
          .textContent(),
      )
      .not.toContain(`blocked by ${actionKey}`);
  });

  it('(e) shows the quality owner the gate she owns that is at risk on "My week", each item off course a link', async () => {
    // In the demo, Sophie owns NW-TENT2P's G2: its review 5 business days away, one required item rejected.
    const page = await as('quality@demo.test', '/week');
    const section = page.getByRole('region', { name: 'Gates at risk that you own' });
    const gate = section.getByRole('link', { name: 'G2 Pilot run checks' });
    await expect.poll(() => gate.count()).toBe(1);
    expect(await gate.getAttribute('href')).toBe('/programs/NW-TENT2P/gates/G2');
    expect(await section.textContent()).toContain('5 business days left');
    const rows = section.getByRole('table').locator('tbody tr');
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes('G2-DEFECT-RATE') && t.includes('rejected'))).toBe(true);
    await rows.filter({ hasText: 'G2-DEFECT-RATE' }).getByRole('link').click();
    await page.waitForURL(/\/programs\/NW-TENT2P\/gates\/G2#G2-DEFECT-RATE$/);
    await page.goBack();
    await expect.poll(() => gate.count()).toBe(1);
    // The section only she sees; the rest of "My week" is checked in (a).
    await expectAccessible(page, { within: `section[aria-labelledby="${await section.getAttribute('aria-labelledby')}"]` });
  });

  it('(d) shows an observer decisions, risks and actions with no write controls', async () => {
    const page = await as('observer@demo.test');
    // Leadership's home stays the portfolio, with the new counts linking to each list.
    await expect.poll(() => heading(page).textContent()).toMatch(/^8 programs: /);
    const portfolio = page.getByRole('table', { name: /Programs/ });
    const kettle = portfolio.getByRole('row').filter({ has: page.getByRole('link', { name: 'Kettle KW-500', exact: true }) });
    await kettle.getByRole('link', { name: /^\d+ open decisions?$/ }).click();
    await page.waitForURL(/\/programs\/KHG-KW500\/decisions$/);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /Open decisions/ })
          .getByRole('row')
          .count(),
      )
      .toBeGreaterThan(1);
    await expect.poll(() => page.getByText('You: observer').count()).toBe(1);
    const writes = [
      /^Request a decision$/,
      /^Decide /,
      /^Supersede /,
      /^Edit /,
      /^Raise a risk$/,
      /^Update R-/,
      /^Close R-/,
      /realized$/,
      /^Open an action$/,
      /^Mark A-\d+ done$/,
      /^Confirm closure/,
      /^Reopen /,
      /^Check effectiveness/,
    ];
    const noWrites = async () => {
      for (const name of writes) expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0);
    };
    await noWrites();
    expect(await page.getByRole('columnheader', { name: 'Actions' }).count()).toBe(0);

    await page.goto(`${server.url}/programs/KHG-KW500/risks`);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /Risks, live ones first/ })
          .getByRole('row')
          .count(),
      )
      .toBeGreaterThan(1);
    await noWrites();

    await page.goto(`${server.url}/programs/KHG-KW500/actions?status=all`);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /^Actions:/ })
          .getByRole('row')
          .count(),
      )
      .toBeGreaterThan(1);
    await noWrites();
    expect(await page.getByRole('columnheader', { name: 'Controls' }).count()).toBe(0);

    await page.goto(`${server.url}/programs/KHG-KW500/decisions/${newDecision}`);
    await expect.poll(() => heading(page).textContent()).toBe(`${newDecision}: ${statement}`);
    await noWrites();
  });
});
