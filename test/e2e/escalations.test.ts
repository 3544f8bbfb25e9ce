import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAt, expectAccessible, keepForDocs, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type ApiSession, apiSession, type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

// The machine is shared with other test runs: give the page time to load and answer.
const wait = { timeout: 60_000 };
const publicUrl = 'http://tollgate.demo.test';
const trackerPath = '/programs/KHG-KW500/escalations';

// Issue 13, end to end: the real server on a copy of the demo, with e-mail on to a real SMTP server on
// loopback. The supplier contact records a failing pilot inspection of the kettle (KHG-KW500); in the same
// transaction Tollgate raises a defect-threshold escalation owned by the cadence owner (Dana, in Chicago),
// who finds it on the program's tracker and on "My week", gets an e-mail with the deadline in her zone and
// the link to it, and resolves it with the decision that settled it; then the same on a phone.
describe('browser: an escalation from a failing inspection to its resolution, with its e-mail', () => {
  let world: DemoBrowser;
  let sink: SmtpSink;
  let url = '';
  let page: Page;
  let chen: ApiSession;
  const contexts: BrowserContext[] = [];
  let eventKey = '';
  let key = '';

  const row = () => page.locator('table.table--escalations tbody tr', { hasText: `Fired by ${eventKey}` });

  beforeAll(async () => {
    sink = await startSmtpSink();
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-escalations-'), undefined, {
      TOLLGATE_SMTP_URL: sink.url,
      TOLLGATE_MAIL_FROM: 'tollgate@demo.test',
      TOLLGATE_PUBLIC_URL: publicUrl,
      TOLLGATE_OUTBOX_POLL_MS: '200',
    });
    url = world.server.url;
    page = world.page;
    chen = await apiSession(world.browser, url, 'supplier@demo.test');
    await signInByApi(page.context(), url, 'lead@demo.test');
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await chen?.close();
    await world?.stop();
    await sink?.close();
  });

  it('raises the escalation with the inspection: on the tracker, with its trigger, owner and deadline', async () => {
    // Lot 500 at level II, AQL 1.0 for major defects: H, n = 50, Ac 1, Re 2; four major defects reject the lot.
    const event = await chen.call<{ key: string; inspection: { verdict: string } }>('POST', '/programs/KHG-KW500/events', {
      kind: 'inspection',
      title: 'Pilot lot KW-P2, kettle bodies after the new spout weld',
      lotSize: 500,
      level: 'II',
      major: { aql: 1.0, defectsFound: 4 },
    });
    expect(event.inspection.verdict).toBe('reject');
    eventKey = event.key;

    await page.goto(`${url}${trackerPath}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toBe('Escalations');
    await expect.poll(() => row().count(), wait).toBe(1);
    key = (await row().getAttribute('id')) ?? '';
    expect(key).toMatch(/^X-\d+$/);
    const text = (await row().textContent()) ?? '';
    expect(text).toContain('Defect threshold exceeded');
    expect(text).toContain('Critical');
    expect(text).toContain('Pilot lot KW-P2');
    expect(text).toContain('Dana Whitfield');
    // The fact that fired it is a link to the event on the Floor tab.
    expect(
      await row()
        .getByRole('link', { name: new RegExp(`^${eventKey} `) })
        .getAttribute('href'),
    ).toContain('/programs/KHG-KW500/floor');
    // Dana may answer it: acknowledge and resolve are hers.
    expect(
      await row()
        .getByRole('button', { name: `Acknowledge ${key}` })
        .count(),
    ).toBe(1);
    expect(
      await row()
        .getByRole('button', { name: `Resolve ${key}` })
        .count(),
    ).toBe(1);
    await expectAccessible(page, { scope: 'main' });
    // On a tablet's 1024 pixels and a laptop's 1280 the whole row shows, its buttons included: nothing hides to the right of the table's box.
    const hidden = () =>
      page
        .locator('table.table--escalations:visible')
        .first()
        .evaluate((t) => t.scrollWidth - (t.closest('.table-scroll') ?? t).clientWidth);
    await page.setViewportSize({ width: 1024, height: 900 });
    await expect.poll(hidden, wait).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(hidden, wait).toBeLessThanOrEqual(0);
    keepForDocs(await screenshot(page, 'escalations'));
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('puts it on the cadence owner’s week, linking to its row on the tracker', async () => {
    await page.goto(`${url}/`);
    const section = page.getByRole('region', { name: 'Escalations you must answer' });
    // Other programs have an escalation of the same key: this one's link goes to the kettle's tracker.
    const link = section.locator(`a[href="${trackerPath}#${key}"]`);
    await expect.poll(() => link.count(), wait).toBe(1);
    expect(await link.textContent()).toBe(`${key} Defect threshold exceeded`);
    expect(await section.locator('tr', { has: page.locator(`a[href="${trackerPath}#${key}"]`) }).textContent()).toContain('KHG-KW500');
  });

  it('e-mails her at once: HTML and plain text, the deadline in Chicago time, the link to the escalation', async () => {
    const mine = async () =>
      (await sink.parsed()).filter(
        (m) =>
          m.to &&
          !Array.isArray(m.to) &&
          m.to.value[0]?.address === 'lead@demo.test' &&
          m.subject?.startsWith(`[Tollgate] KHG-KW500 ${key} `),
      );
    await expect.poll(async () => (await mine()).length, wait).toBe(1);
    const [mail] = await mine();
    expect(mail?.subject).toMatch(
      new RegExp(`^\\[Tollgate\\] KHG-KW500 ${key} \\(critical\\): Pilot lot KW-P2.* — respond by .*\\(America/Chicago\\)$`),
    );
    expect(mail?.from?.text).toContain('tollgate@demo.test');
    expect(mail?.text).toContain(`${publicUrl}${trackerPath}#${key}`);
    expect(mail?.text).toMatch(/Deadline: \w{3} \d{1,2} \w{3} 2026, \d{2}:\d{2} UTC-0[56]:00 \(America\/Chicago\)/);
    expect(mail?.html).toContain(`href="${publicUrl}${trackerPath}#${key}"`);
    // And a one-click link to change how she gets these.
    expect(mail?.text).toMatch(new RegExp(`${publicUrl.replaceAll('.', '\\.')}/\\S+`));
  });

  it('is resolved by the cadence owner with the decision that settled it: the outcome and the decision show on the tracker', async () => {
    await page.goto(`${url}${trackerPath}#${key}`);
    await expect.poll(() => row().count(), wait).toBe(1);
    await row()
      .getByRole('button', { name: `Resolve ${key}` })
      .click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').first().textContent(), wait).toMatch(new RegExp(`^Resolve ${key}: `));
    // Resolving without an outcome is refused by the form, naming the field.
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => dialog.textContent(), wait).toContain('Say how the escalation was resolved.');
    await dialog
      .getByLabel('Outcome')
      .fill('Lot KW-P2 held; Lisheng re-welds the spouts on fixture B and the lot is re-inspected on Friday.');
    const decision = dialog.getByLabel('Settled by decision');
    const option = decision.locator('option', { hasText: /^D-5\b/ });
    await expect.poll(() => option.count(), wait).toBe(1);
    await decision.selectOption((await option.getAttribute('value')) ?? '');
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => dialog.count(), wait).toBe(0);
    await expect.poll(() => page.locator('main .live-message').first().textContent(), wait).toBe(`${key} resolved.`);
    // Opened at its anchor, the tracker shows every escalation: this one now resolved, with its outcome and the decision.
    await expect.poll(() => row().textContent(), wait).toContain('re-welds the spouts');
    expect(await row().getByRole('link', { name: 'D-5' }).getAttribute('href')).toBe('/programs/KHG-KW500/decisions/D-5');
    expect(
      await row()
        .getByRole('button', { name: `Resolve ${key}` })
        .count(),
    ).toBe(0);
    const filters = page.getByRole('navigation', { name: 'Show escalations' });
    await filters.getByRole('link', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Open escalations' }).count(), wait).toBe(1);
    await expect.poll(() => row().count(), wait).toBe(0);
    await filters.getByRole('link', { name: 'Resolved' }).click();
    await expect.poll(() => row().count(), wait).toBe(1);
  });

  it('works on a phone: the tracker as cards, nothing wider than the screen', async () => {
    const context = await contextAt(world.browser, demoInstant, {
      locale: 'en-US',
      timezoneId: 'America/Chicago',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    await signInByApi(context, url, 'lead@demo.test');
    const phone = await context.newPage();
    await phone.goto(`${url}/programs/NW-TENT2P/escalations`);
    await expect.poll(() => phone.locator('table.table--escalations tbody tr[id^="X-"]').count(), wait).toBeGreaterThan(2);
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    // The overdue one stands out.
    expect(await phone.locator('tr[id="X-2"]').textContent()).toMatch(/overdue/i);
    keepForDocs(await screenshot(phone, 'phone-escalations', { viewport: true }));
  });
});
