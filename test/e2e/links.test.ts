import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/main/server.js';
import { expectAccessible, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';

interface MilestoneBody {
  id: string;
  key: string;
  name: string;
  forecastDate: string;
  actualDate: string | null;
}

const code = 'KHG-KW500';
// The machine is shared with other test runs: give the page time to load and answer.
const wait = { timeout: 60_000 };

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

/**
 * Two open milestones neither of which already waits for the other, the first forecast no later than
 * the second: linking them creates exactly one path, so the reverse link names the cycle "B → A → B" and
 * a move of the first pushes the second to the first's new date. Fewest milestones downstream first.
 */
function pickPair(open: readonly MilestoneBody[], links: readonly [string, string][]): [MilestoneBody, MilestoneBody] {
  const next = new Map<string, string[]>();
  for (const [from, to] of links) next.set(from, [...(next.get(from) ?? []), to]);
  const downstream = (id: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(next.get(id) ?? [])];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(next.get(n) ?? []));
    }
    return seen;
  };
  let best: { pair: [MilestoneBody, MilestoneBody]; size: number } | null = null;
  for (const a of open) {
    const fromA = downstream(a.id);
    for (const b of open) {
      if (a.id === b.id || a.forecastDate > b.forecastDate || fromA.has(b.id)) continue;
      const fromB = downstream(b.id);
      if (fromB.has(a.id)) continue;
      const size = new Set([...fromA, ...fromB]).size;
      if (!best || size < best.size) best = { pair: [a, b], size };
    }
  }
  if (!best) throw new Error('no two open milestones that can be linked');
  return best.pair;
}

// The real server (built web app, SQLite file, demo portfolio) on a loopback port, driven in Chromium.
describe('browser: dependencies between milestones, and a move that pushes a successor', () => {
  let server: RunningServer;
  let world: DemoBrowser;
  let page: Page;
  const dataDir = demoDataDir('tollgate-e2e-links-');
  // Two open milestones the second of which can come after the first (see pickPair).
  let first: MilestoneBody;
  let second: MilestoneBody;

  const table = () => page.getByRole('table', { name: 'Milestones' });
  const row = (key: string) => table().locator(`tr[id="${key}"]`);
  const openLinks = async (key: string): Promise<Locator> => {
    await page.getByRole('button', { name: `Dependencies of ${key}` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Dependencies of ${key} `) });
    await expect.poll(() => dialog.isVisible(), wait).toBe(true);
    return dialog;
  };

  beforeAll(async () => {
    world = await startDemoBrowser(dataDir);
    ({ server, page } = world);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('lets the cadence owner open a program with a Dependencies button on each row', async () => {
    await signInByApi(page.context(), server.url, 'lead@demo.test');
    await page.goto(`${server.url}/programs/${code}`);
    await expect.poll(() => table().getByRole('row').count(), wait).toBeGreaterThan(50);
    const read = <T>(path: string) =>
      page.evaluate(async (url) => ((await (await fetch(url)).json()) as { items: T[] }).items, `/api/v1/programs/${code}${path}`);
    const items = await read<MilestoneBody>('/milestones');
    const links = await read<{ predecessor: { id: string }; successor: { id: string } }>('/links');
    [first, second] = pickPair(
      items.filter((m) => m.actualDate === null),
      links.map((l) => [l.predecessor.id, l.successor.id]),
    );
    expect(await page.getByRole('button', { name: `Dependencies of ${first.key}` }).count()).toBe(1);
  });

  it('adds a dependency, shown in the dialog and under the name in the table', async () => {
    const dialog = await openLinks(second.key);
    const before = dialog.getByRole('region', { name: `${second.key} comes after` });
    await expect.poll(() => before.isVisible(), wait).toBe(true);
    const had = await before.getByRole('listitem').count();
    await dialog.getByLabel('Must finish first').selectOption(first.id);
    expect(await dialog.getByLabel('Lag in business days').inputValue()).toBe('0');
    await dialog.getByLabel('Reason').fill('Trial run needs the released tool');
    await dialog.getByRole('button', { name: 'Add dependency' }).click();

    await expect
      .poll(() => dialog.getByRole('status').first().textContent(), wait)
      .toBe(`${second.key} now comes after ${first.key} (no lag).`);
    await expect.poll(() => before.getByRole('listitem').count(), wait).toBe(had + 1);
    const item = (await before.getByRole('listitem').filter({ hasText: first.key }).textContent()) ?? '';
    expect(item).toContain(first.key);
    expect(item).toContain(first.name);
    expect(item).toContain('no lag');
    expect(await before.getByRole('button', { name: `Remove dependency: ${second.key} after ${first.key}` }).count()).toBe(1);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);
    await expect.poll(() => row(second.key).getByRole('rowheader').textContent(), wait).toContain(`after ${first.key}`);
  });

  it('refuses the reverse link and names the cycle next to the milestone chosen', async () => {
    const dialog = await openLinks(first.key);
    const waiting = dialog.getByRole('region', { name: `Waiting for ${first.key}` });
    await expect.poll(() => waiting.getByRole('listitem').filter({ hasText: second.key }).count(), wait).toBe(1);
    const select = dialog.getByLabel('Must finish first');
    await select.selectOption(second.id);
    await dialog.getByRole('button', { name: 'Add dependency' }).click();

    const cycle = `${second.key} already comes after ${first.key}, directly or through other milestones, so ${first.key} cannot also come after ${second.key}.`;
    await expect.poll(() => select.getAttribute('aria-invalid'), wait).toBe('true');
    const errorId = ((await select.getAttribute('aria-describedby')) ?? '').split(' ')[0] ?? '';
    expect(await dialog.locator(`[id="${errorId}"]`).textContent()).toContain(cycle);
    // Focus goes to the field at fault, so its message is read out.
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(await select.getAttribute('id'));
    await expectAccessible(page, { scope: 'dialog' });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);
  });

  it('previews what a move pushes, moves both on confirm, and logs the push', async () => {
    const to = tuesdayAfter(second.forecastDate, 7);
    await page.getByRole('button', { name: `Move date of ${first.key}` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Move the date of ${first.key} `) });
    await dialog.getByLabel('New forecast date').fill(to);

    const summary = dialog.getByText(new RegExp(`^Moving ${first.key} to ${shown(to)} also moves \\d+ milestones?:$`));
    await expect.poll(() => summary.count(), wait).toBe(1);
    const count = Number(/also moves (\d+)/.exec((await summary.textContent()) ?? '')?.[1]);
    const pushes = dialog.getByRole('table', { name: `Milestones that move with ${first.key}` });
    const pushed = pushes.getByRole('row').filter({ hasText: second.key });
    const text = (await pushed.textContent()) ?? '';
    expect(text).toContain(second.name);
    expect(text).toContain(shown(second.forecastDate));
    expect(text).toContain(shown(to));
    expect(text).toContain(`pushed by ${first.key}`);
    expect(await pushes.getByRole('row').count()).toBe(count + 1);
    const confirm = dialog.getByRole('button', {
      name: count === 1 ? `Move ${first.key} and 1 other` : `Move ${first.key} and ${count} others`,
    });
    expect(await confirm.count()).toBe(1);

    await dialog.getByLabel('Reason').fill('Tool steel delivery slipped');
    await expectAccessible(page, { scope: 'dialog' });
    await screenshot(page, 'move-preview', { viewport: true });

    // Someone else changes the pushed milestone meanwhile: the move is refused and the preview fetched again.
    await page.evaluate(
      async ({ c, id }) => {
        const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
        const list = (await (await fetch(`/api/v1/programs/${c}/milestones`)).json()) as {
          items: { id: string; name: string; version: number }[];
        };
        const m = list.items.find((x) => x.id === id);
        const res = await fetch(`/api/v1/programs/${c}/milestones/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ version: m?.version, name: `${m?.name} (checked)` }),
        });
        if (!res.ok) throw new Error(await res.text());
      },
      { c: code, id: second.id },
    );
    await confirm.click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent(), wait).toContain(`${second.key}, which this move pushes, was changed by someone else`);
    expect(await dialog.isVisible()).toBe(true);
    await expect
      .poll(
        () =>
          pushes
            .getByRole('row')
            .filter({ hasText: `${second.name} (checked)` })
            .count(),
        wait,
      )
      .toBe(1);

    await confirm.click();
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);

    await expect.poll(() => row(first.key).textContent(), wait).toContain(shown(to));
    await expect.poll(() => row(second.key).textContent(), wait).toContain(shown(to));
    const log = page.getByRole('table', { name: 'Change log' });
    const entry = log
      .getByRole('row')
      .filter({ hasText: `pushed by ${first.key}` })
      .filter({ hasText: second.key });
    await expect.poll(() => entry.count(), wait).toBe(1);
    const logged = (await entry.textContent()) ?? '';
    expect(logged).toContain(shown(second.forecastDate));
    expect(logged).toContain(shown(to));
    expect(logged).toContain('Tool steel delivery slipped');
  });

  it('shows what a dependency the dates already break would push, and moves it on confirmation', async () => {
    const read = <T>(path: string) =>
      page.evaluate(async (url) => ((await (await fetch(url)).json()) as { items: T[] }).items, `/api/v1/programs/${code}${path}`);
    const items = await read<MilestoneBody>('/milestones');
    const links = await read<{ predecessor: { id: string }; successor: { id: string } }>('/links');
    // The earlier one is made to wait for the later one, a business day after it: it must move.
    const [earlier, later] = pickPair(
      items.filter((m) => m.actualDate === null),
      links.map((l) => [l.predecessor.id, l.successor.id]),
    );
    const dialog = await openLinks(earlier.key);
    await dialog.getByLabel('Must finish first').selectOption(later.id);
    await dialog.getByLabel('Lag in business days').fill('1');
    const summary = dialog.getByText(/^This dependency moves \d+ milestones? later:$/);
    await expect.poll(() => summary.count(), wait).toBe(1);
    const count = Number(/moves (\d+)/.exec((await summary.textContent()) ?? '')?.[1]);
    const pushes = dialog.getByRole('table', { name: `Milestones that move with ${earlier.key}` });
    const first = (await pushes.getByRole('row').nth(1).textContent()) ?? '';
    expect(first).toContain(earlier.key);
    expect(first).toContain(shown(earlier.forecastDate));
    expect(first).toContain(`pushed by ${later.key}`);
    await dialog.getByLabel('Reason').fill('Pilot needs the released packaging');
    await expectAccessible(page, { scope: 'dialog' });
    await screenshot(page, 'link-preview', { viewport: true });

    await dialog.getByRole('button', { name: `Add dependency and move ${count} milestone${count === 1 ? '' : 's'}` }).click();
    await expect
      .poll(() => dialog.getByRole('status').first().textContent(), wait)
      .toBe(`${earlier.key} now comes after ${later.key} (1 business day); ${count} milestone${count === 1 ? '' : 's'} moved later.`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => row(earlier.key).textContent(), wait).not.toContain(shown(earlier.forecastDate));
  });
});
