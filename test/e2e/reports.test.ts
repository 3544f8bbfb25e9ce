import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAt, expectAccessible, keepForDocs, picturesWanted, screenshot, screenshotDir, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type ApiSession, apiSession, type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';
import { readPdf } from '../support/pdf-pages.js';
import { pdfFirstPagePng } from '../support/pdf-png.js';

const wait = { timeout: 60_000 };
const code = 'KHG-KW500';
/** The week before the demo's: issued whole. */
const week = '2026-W10';

// The real server and built web app on the demo: the cadence owner issues a week's report (its lint
// acknowledged), and the observer reads it as a page (the e-mail's link), on a desktop and a phone, and
// downloads the PDF, whose first page is drawn by pdf.js for the docs.
describe('browser: an issued weekly report as a page', () => {
  let world: DemoBrowser;
  let lead: ApiSession;
  beforeAll(async () => {
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-reports-'));
    lead = await apiSession(world.browser, world.server.url, 'lead@demo.test');
    await lead.call('POST', `/programs/${code}/reports/${week}/issue`, { acknowledgeFindings: true, reason: 'Weekly review' });
  });
  afterAll(async () => {
    await lead?.close();
    await world?.stop();
  });

  it('reads under its five headings with how it was issued, prints, and downloads the same report as PDF', async () => {
    // The observer on a desktop: the demo browser's own page.
    const page = world.page;
    await signInByApi(page.context(), world.server.url, 'observer@demo.test');
    await page.goto(`${world.server.url}/programs/${code}/reports/${week}/1`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait)
      .toMatch(new RegExp(`Weekly report: .*\\(${code}\\), ${week}`));
    for (const h of [
      '1. Milestone movement',
      '2. Blockers requiring action',
      '3. Decisions needed from owners',
      '4. Risk changes',
      'Issue',
    ])
      await expect.poll(() => page.getByRole('heading', { level: 2, name: h }).count(), wait).toBe(1);
    expect(await page.getByText(`Revision 1 of ${week}, issued`).count()).toBe(1);
    await expectAccessible(page);
    keepForDocs(await screenshot(page, 'weekly-report'));

    const download = await Promise.all([page.waitForEvent('download', wait), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download[0].suggestedFilename()).toBe(`${code}-${week}.pdf`);
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, `${code}-${week}.pdf`);
    await download[0].saveAs(path);
    const pdf = readFileSync(path);
    const text = (await readPdf(pdf)).map((p) => p.lines.join('\n')).join('\n');
    expect(text).toContain('1. Milestone movement');
    expect(text).toContain(`Revision 1 of ${week}`);
    if (picturesWanted()) {
      const png = join(screenshotDir, 'weekly-report-pdf.png');
      writeFileSync(png, await pdfFirstPagePng(world.browser, pdf));
      keepForDocs(png);
    }
    // Markdown and JSON: the bytes the API's export (and `tollgate report export`) gives, re-made from the snapshot.
    for (const [label, format, ext] of [
      ['Download Markdown', 'md', 'md'],
      ['Download JSON', 'json', 'json'],
    ] as const) {
      const [file] = await Promise.all([page.waitForEvent('download', wait), page.getByRole('button', { name: label }).click()]);
      const saved = join(screenshotDir, file.suggestedFilename());
      await file.saveAs(saved);
      const exported = await lead.call<{ fileName: string; content: string }>(
        'GET',
        `/programs/${code}/reports/${week}/revisions/1/export?format=${format}`,
      );
      expect(file.suggestedFilename()).toBe(exported.fileName);
      expect(exported.fileName.endsWith(`.${ext}`)).toBe(true);
      expect(readFileSync(saved, 'utf8')).toBe(exported.content);
    }

    const phone = await contextAt(world.browser, demoInstant, {
      locale: 'en-GB',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signInByApi(phone, world.server.url, 'supplier@demo.test');
    const small = await phone.newPage();
    await small.goto(`${world.server.url}/programs/${code}/reports/${week}/latest`);
    await expect.poll(() => small.getByRole('heading', { level: 2, name: '4. Risk changes' }).count(), wait).toBe(1);
    expect(await small.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    keepForDocs(await screenshot(small, 'phone-weekly-report', { viewport: true }));
    await phone.close();
  });
});
