import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mta, Plan, PlanRow } from '../../src/contract/plan.js';
import type { RunningServer } from '../../src/main/server.js';
import { expectAccessible, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';

const code = 'KHG-KW500';
const api = `/api/v1/programs/${code}`;

/** A plain date as the app shows it to an en-GB reader: "24 Mar 2027". */
const shown = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
    Date.parse(`${date}T00:00:00Z`),
  );

/** The first Tuesday at least `days` calendar days after a plain date (a Tuesday is rarely a holiday bridge). */
function tuesdayAfter(date: string, days: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** An open milestone and an open one that waits for it, with no negative lag: moving the first well past the second pushes it. */
function linkedPair(plan: Plan): { predecessor: PlanRow; successor: PlanRow } | null {
  const open = plan.rows.filter((r) => r.actualDate === null);
  for (const successor of open) {
    for (const p of successor.predecessors) {
      const predecessor = open.find((r) => r.id === p.id);
      if (predecessor && p.lagDays >= 0) return { predecessor, successor };
    }
  }
  return null;
}

const naturalWidth = (img: Locator) => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth);

// The real server (built web app, SQLite file, demo portfolio) on a loopback port, driven in Chromium.
describe('browser: the Plan page — plan vs actual, a move that pushes a successor, the trend chart', () => {
  let server: RunningServer;
  let world: DemoBrowser;
  let page: Page;
  const dataDir = demoDataDir('tollgate-e2e-plan-');
  let predecessor: PlanRow;
  let successor: PlanRow;
  let trend: string[] | null = null;
  let movedTo = '';

  const getJson = async <T>(path: string): Promise<T> => {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };
  const planTable = () => page.getByRole('table', { name: /^Plan vs actual/ });
  const planRow = (key: string) => planTable().locator(`tr[id="${key}"]`);
  const mtaImage = () => page.getByRole('img', { name: /^Milestone trend chart/ });
  const mtaTable = () => page.getByRole('table', { name: 'Forecast date per milestone at the end of each reporting week' });
  const mtaCurrentCell = (row: PlanRow) =>
    mtaTable()
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: `${row.key} ${row.name}`, exact: true }) })
      .getByRole('cell')
      .last();

  beforeAll(async () => {
    world = await startDemoBrowser(dataDir);
    ({ server, page } = world);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('finds, through the API, an open milestone another open one waits for (linking two when the demo has none)', async () => {
    await signInByApi(page.context(), server.url, 'lead@demo.test');
    let plan = await getJson<Plan>(`${server.url}${api}/plan`);
    let pair = linkedPair(plan);
    if (pair === null) {
      const open = plan.rows.filter((r) => r.actualDate === null && r.predecessors.length === 0);
      const [a, b] = [...open].sort((x, y) => (x.forecastDate < y.forecastDate ? -1 : 1));
      if (!a || !b) throw new Error('the demo program has fewer than two open milestones');
      const { csrfToken } = await getJson<{ csrfToken: string }>(`${server.url}/api/v1/me`);
      const res = await page.request.post(`${server.url}${api}/links`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { predecessor: a.key, successor: b.key, lagDays: 0, reason: 'Plan page browser test' },
      });
      expect(res.status()).toBe(201);
      plan = await getJson<Plan>(`${server.url}${api}/plan`);
      pair = linkedPair(plan);
    }
    if (pair === null) throw new Error('no linked pair of open milestones');
    ({ predecessor, successor } = pair);

    // The trend shows the milestones flagged critical by default; otherwise the page is asked for the two.
    const mta = await getJson<Mta>(`${server.url}${api}/mta`);
    if (!mta.series.some((s) => s.key === successor.key)) trend = [predecessor.key, successor.key];
  });

  it('opens the Plan tab with the answer first and one row per milestone', async () => {
    await page.goto(`${server.url}/programs/${code}`);
    await page.getByRole('navigation', { name: 'Program sections' }).getByRole('link', { name: 'Plan' }).click();
    await page.waitForURL(`${server.url}/programs/${code}/plan`);
    if (trend) await page.goto(`${server.url}/programs/${code}/plan?trend=${trend.join(',')}`);
    // The page's code loads when first opened.
    await page.getByRole('heading', { level: 1, name: 'Plan' }).waitFor();
    const answer = page.getByRole('region', { name: 'Where the plan stands' });
    await expect.poll(() => answer.textContent()).toMatch(/business days? (to spare|after the target release)|no business days to spare/);
    await expect.poll(() => planTable().locator('tbody tr').count()).toBeGreaterThan(50);
    const header = (await planTable().locator('thead').textContent()) ?? '';
    expect(header).toContain('Days to spare (slack)');
    expect(header).toMatch(/Planned \(baseline \d+\)/);
    expect(await page.getByLabel('Compare with').count()).toBe(1);
    // The successor's row names what it waits for.
    expect(await planRow(successor.key).getByRole('rowheader').textContent()).toContain(`after ${predecessor.key}`);
  });

  it('moves a milestone that has a successor: preview, confirm, the successor, the trend table and chart follow', async () => {
    // Before: the trend's current week holds the successor's present forecast, and the chart has been drawn.
    await page.getByText('Show the trend as a table').click();
    await expect.poll(() => mtaCurrentCell(successor).textContent()).toContain(shown(successor.forecastDate));
    await expect.poll(() => naturalWidth(mtaImage())).toBeGreaterThan(0);
    const chartBefore = (await mtaImage().getAttribute('src')) ?? '';
    const timelineBefore = (await page.getByRole('img', { name: /^Timeline of/ }).getAttribute('src')) ?? '';

    const to = tuesdayAfter(successor.forecastDate, 7);
    movedTo = to;
    await page.getByRole('button', { name: `Move date of ${predecessor.key}` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Move the date of ${predecessor.key} `) });
    await dialog.getByLabel('New forecast date').fill(to);
    const summary = dialog.getByText(new RegExp(`^Moving ${predecessor.key} to ${shown(to)} also moves (\\d+) milestones?:$`));
    await expect.poll(() => summary.count()).toBe(1);
    const count = Number(/also moves (\d+)/.exec((await summary.textContent()) ?? '')?.[1]);
    const pushed = dialog
      .getByRole('table', { name: `Milestones that move with ${predecessor.key}` })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: successor.key, exact: true }) });
    expect(await pushed.count()).toBe(1);
    const newDate = (await pushed.locator('strong time').getAttribute('datetime')) ?? '';
    expect(newDate > successor.forecastDate).toBe(true);
    await dialog.getByLabel('Reason').fill('Tooling rework at the supplier');
    await dialog
      .getByRole('button', { name: count === 1 ? `Move ${predecessor.key} and 1 other` : `Move ${predecessor.key} and ${count} others` })
      .click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // The table, the trend's current week and the chart all show the new plan.
    await expect.poll(() => planRow(predecessor.key).textContent()).toContain(shown(to));
    await expect.poll(() => planRow(successor.key).textContent()).toContain(shown(newDate));
    await expect.poll(() => mtaCurrentCell(successor).textContent()).toContain(shown(newDate));
    await expect.poll(() => mtaImage().getAttribute('src')).not.toBe(chartBefore);
    await expect.poll(() => naturalWidth(mtaImage())).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /^Timeline of/ }).getAttribute('src')).not.toBe(timelineBefore);
    const mta = await getJson<Mta>(`${server.url}${api}/mta${trend ? `?milestones=${trend.join(',')}` : ''}`);
    expect(mta.series.find((s) => s.key === successor.key)?.points.at(-1)?.forecastDate).toBe(newDate);
  });

  it('shows why: the slip history of the moved milestone, one click away', async () => {
    await planRow(predecessor.key)
      .getByRole('button', { name: new RegExp(`^Moves of ${predecessor.key}: moved`) })
      .click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Moves of ${predecessor.key} `) });
    const move = dialog.getByRole('row').filter({ hasText: 'Tooling rework at the supplier' });
    await expect.poll(() => move.count()).toBe(1);
    const text = (await move.textContent()) ?? '';
    expect(text).toContain('Dana Whitfield');
    expect(text).toContain(shown(movedTo));
    await expectAccessible(page, { scope: 'dialog' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('is accessible, and looks calm', async () => {
    // The trend table stays open from the move above, so the screenshot shows it too.
    expect(await mtaTable().isVisible()).toBe(true);
    // A full-page picture resets scrolled boxes unless the window is already as tall as the page.
    for (let i = 0; i < 2; i++) {
      await page.setViewportSize({ width: 1400, height: Number(await page.evaluate('document.documentElement.scrollHeight')) });
    }
    // The plan table's box shows the open milestones around the moved one, as it does after a reload.
    await planRow(predecessor.key).evaluate((el) =>
      (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }),
    );
    await expectAccessible(page, { scope: 'main' });
    await screenshot(page, 'plan');
  });
});
