// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Milestone } from '../../../src/contract/milestone.js';
import { plainDate } from '../../../src/domain/plain-date.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import { LinkAddForm } from './link-add-form.js';

const milestone = (id: string, key: string, name: string): Milestone => ({
  id,
  programId: 'p-1',
  key,
  name,
  phase: 'G2',
  owner: null,
  baselineDate: plainDate('2026-03-10'),
  forecastDate: plainDate('2026-03-12'),
  actualDate: null,
  isCritical: false,
  toleranceDays: null,
  health: 'on_track',
  healthReason: { kind: 'on_plan' },
  blockedBy: [],
  varianceDays: 0,
  dueInBusinessDays: null,
  version: 1,
  warnings: [],
});

const pilot = milestone('m-3', 'M-3', 'Pilot run');
const ppap = milestone('m-5', 'M-5', 'PPAP submission');

function open() {
  const onAdded = vi.fn(async () => {});
  const view = renderInDom(<LinkAddForm programId="KHG-KW500" milestone={pilot} candidates={[ppap]} onAdded={onAdded} />);
  return { ...view, onAdded, alert: () => view.container.querySelector('[role="alert"]')?.textContent ?? '' };
}

const refusal = (code: string, errors?: { path: string; message: string }[]) =>
  answer(422, {
    type: 'about:blank',
    title: code,
    status: 422,
    code,
    detail: `${code} (English, for developers)`,
    ...(errors ? { errors } : {}),
  });

describe('LinkAddForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('asks for the milestone and a whole lag within ±365 before anything is sent', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Lag in business days', '');
    await view.click('Add dependency');
    expect(view.errorOf('Must finish first')).toBe('Choose the milestone that must finish first.');
    expect(view.errorOf('Lag in business days')).toBe('Enter a whole number of business days from −365 to 365; 0 for no lag.');

    await view.fill('Lag in business days', '400');
    await view.click('Add dependency');
    expect(view.errorOf('Lag in business days')).toBe('At most 365.');
    await view.fill('Lag in business days', '1.5');
    await view.click('Add dependency');
    expect(view.errorOf('Lag in business days')).toBe('Enter a whole number.');
    expect(fetch).not.toHaveBeenCalled();
  });

  /** The server: a link preview answers `pushes`, adding answers the link with what it pushed. */
  const server = (pushes: unknown[], link: unknown) =>
    vi.fn(async (url: string) => (String(url).endsWith('/links/preview') ? answer(200, { pushes }) : answer(201, link)));
  const adds = (fetch: ReturnType<typeof server>) =>
    (fetch.mock.calls as unknown as [string, RequestInit][]).filter(([url]) => url === '/api/v1/programs/KHG-KW500/links');

  it('adds the link with the lag typed, leaves out an empty reason, and starts again blank', async () => {
    const link = {
      id: 'l-1',
      predecessor: { id: 'm-5', key: 'M-5', name: ppap.name },
      successor: { id: 'm-3', key: 'M-3', name: pilot.name },
      lagDays: -2,
      pushed: [],
    };
    const fetch = server([], link);
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Must finish first', 'm-5');
    await view.fill('Lag in business days', '-2');
    await view.click('Add dependency');
    // Nothing to push: the link is added at once, without versions to insist on.
    const [[, init]] = adds(fetch) as [[string, RequestInit]];
    expect(JSON.parse(String(init.body))).toEqual({ predecessor: 'm-5', successor: 'm-3', lagDays: -2 });
    expect(view.onAdded).toHaveBeenCalledWith(link);
    expect(view.byLabel<HTMLSelectElement>('Must finish first').value).toBe('');
    expect(view.byLabel('Lag in business days').value).toBe('0');
  });

  const pushes = [
    {
      id: 'm-3',
      key: 'M-3',
      name: pilot.name,
      from: '2026-03-12',
      to: '2026-03-17',
      version: 4,
      cause: { id: 'm-5', key: 'M-5' },
      provisional: false,
    },
    {
      id: 'm-7',
      key: 'M-7',
      name: 'Pilot report',
      from: '2026-03-13',
      to: '2026-03-18',
      version: 2,
      cause: { id: 'm-3', key: 'M-3' },
      provisional: false,
    },
  ];
  const pushingLink = {
    id: 'l-2',
    predecessor: { id: 'm-5', key: 'M-5', name: ppap.name },
    successor: { id: 'm-3', key: 'M-3', name: pilot.name },
    lagDays: 3,
    pushed: pushes.map(({ id, key, from, to }) => ({ id, key, from, to })),
  };

  it('shows what the link would push as soon as it is chosen, and adds it against those versions', async () => {
    const fetch = server(pushes, pushingLink);
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Must finish first', 'm-5');
    await view.fill('Lag in business days', '3');
    await view.until(() => view.container.textContent?.includes('This dependency moves 2 milestones later:') ?? false);
    const [url, init] = fetch.mock.calls.at(-1) as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/programs/KHG-KW500/links/preview');
    expect(JSON.parse(String(init.body))).toEqual({ predecessor: 'm-5', successor: 'm-3', lagDays: 3 });
    const rows = [...view.container.querySelectorAll('.move-preview__table tbody tr')].map((r) => r.textContent);
    expect(rows).toEqual([expect.stringContaining('M-3Pilot run'), expect.stringContaining('M-7Pilot report')]);
    expect(rows[1]).toContain('pushed by M-3');
    await view.click('Add dependency and move 2 milestones');
    const [[, sent]] = adds(fetch) as [[string, RequestInit]];
    expect(JSON.parse(String(sent.body))).toEqual({
      predecessor: 'm-5',
      successor: 'm-3',
      lagDays: 3,
      pushedVersions: { 'm-3': 4, 'm-7': 2 },
    });
    expect(view.onAdded).toHaveBeenCalledWith(pushingLink);
  });

  it('stops to show the pushes when submitted before they were shown, and adds nothing yet', async () => {
    const fetch = server(pushes, pushingLink);
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Must finish first', 'm-5');
    await view.fill('Lag in business days', '3');
    // At once, before the preview had time to come.
    await view.click('Add dependency');
    await view.until(() => view.container.textContent?.includes('This dependency moves 2 milestones later:') ?? false);
    expect(adds(fetch)).toHaveLength(0);
    expect(view.onAdded).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('This dependency moves 2 milestones later:');
  });

  it('words a refused cycle on the milestone chosen, naming both milestones', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        refusal('DEPENDENCY_CYCLE', [{ path: 'predecessor', message: 'These links would form a cycle: M-3 → M-5 → M-3.' }]),
      ),
    );
    const view = open();
    await view.fill('Must finish first', 'm-5');
    await view.click('Add dependency');
    expect(view.errorOf('Must finish first')).toBe(
      'M-5 already comes after M-3, directly or through other milestones, so M-3 cannot also come after M-5.',
    );
    expect(view.alert()).toBe('Not savedCheck the field marked below.');
    expect(view.onAdded).not.toHaveBeenCalled();
  });

  it('says from the catalogue when the pair is already linked', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => refusal('LINK_EXISTS')),
    );
    const view = open();
    await view.fill('Must finish first', 'm-5');
    await view.fill('Lag in business days', '3');
    await view.click('Add dependency');
    expect(view.alert()).toContain('These two milestones are already linked this way; remove the link first to change its lag.');
    expect(view.alert()).not.toContain('English');
    // What was typed stays, to be changed.
    expect(view.byLabel('Lag in business days').value).toBe('3');
  });
});
