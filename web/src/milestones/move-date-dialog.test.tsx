// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Milestone } from '../../../src/contract/milestone.js';
import { plainDate } from '../../../src/domain/plain-date.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import { formatPlainDate } from '../lib/format.js';
import type { Push } from '../lib/plan-queries.js';
import { MoveDateDialog } from './move-date-dialog.js';

// The preview of a typed date waits for typing to pause (350 ms). Here the person always saves before
// that, however slow the machine: what a save does without a preview on screen is what is tested. The
// tests of what a preview shows set no pause at all.
const pause = vi.hoisted(() => ({ ms: 3_600_000 }));
vi.mock('./use-debounced-value.js', async (original) => {
  const real = await original<typeof import('./use-debounced-value.js')>();
  return { useDebouncedValue: <T,>(value: T) => real.useDebouncedValue(value, pause.ms) };
});

const milestone: Milestone = {
  id: 'm-3',
  programId: 'p-1',
  key: 'M-3',
  name: 'Pilot run',
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
  varianceDays: 2,
  dueInBusinessDays: null,
  version: 5,
  warnings: [],
};

/** M-4 is pushed by the move, at `version`. */
const push = (version: number): Push => ({
  id: 'm-4',
  key: 'M-4',
  name: 'PPAP submission',
  from: plainDate('2026-03-18'),
  to: plainDate('2026-03-20'),
  version,
  cause: { id: 'm-3', key: 'M-3' },
  provisional: false,
});

/** The server: the move preview answers `pushes()`, the move answers `move(body)`, anything else an empty list. */
function server(pushes: () => Push[], move: (body: Record<string, unknown>) => Response) {
  return vi.fn(async (url: string, init: RequestInit) => {
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    if (url.endsWith('/move-preview')) return answer(200, { pushes: pushes(), warnings: [] });
    if (url.endsWith('/move')) return move(body);
    return answer(200, { items: [] });
  });
}

const moves = (fetch: ReturnType<typeof server>) =>
  fetch.mock.calls.filter(([url]) => url.endsWith('/move')).map(([, init]) => JSON.parse(String(init.body)) as unknown);

/** Dialogs still mounted: unmounted after each test, so no preview timer fires into the next one. */
const mounted: (() => void)[] = [];

function open() {
  const onSaved = vi.fn();
  const view = renderInDom(<MoveDateDialog programId="KHG-KW500" milestone={milestone} onClose={vi.fn()} onSaved={onSaved} />);
  mounted.push(view.unmount);
  return { ...view, onSaved, status: () => view.container.querySelector('.move-preview__summary')?.textContent ?? '' };
}

describe('MoveDateDialog', () => {
  afterEach(() => {
    pause.ms = 3_600_000;
    for (const unmount of mounted.splice(0)) unmount();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('asks for a date in range and the reason together, before anything is sent', async () => {
    const fetch = server(
      () => [],
      () => answer(200, milestone),
    );
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('New forecast date', '2100-01-04');
    await view.click('Move M-3');

    expect(view.errorOf('New forecast date')).toBe('Choose a date from 2000-01-01 to 2099-12-31.');
    expect(view.errorOf('Reason')).toBe('Say why the date moves.');
    expect(fetch).not.toHaveBeenCalled();

    await view.fill('New forecast date', '');
    await view.fill('Reason', '   ');
    await view.click('Move M-3');
    expect(view.errorOf('New forecast date')).toBe('Enter the new forecast date.');
    expect(moves(fetch)).toEqual([]);
  });

  it('stops to show what else the move pushes, then moves against exactly the versions it showed', async () => {
    const fetch = server(
      () => [push(3)],
      () =>
        answer(200, {
          ...milestone,
          forecastDate: '2026-03-16',
          version: 6,
          pushed: [{ id: 'm-4', key: 'M-4', from: '2026-03-18', to: '2026-03-20' }],
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('New forecast date', '2026-03-16');
    await view.fill('Reason', 'Tooling late');
    await view.click('Move M-3');

    expect(moves(fetch)).toEqual([]);
    await view.until(() => view.status().startsWith('Moving'));
    expect(view.status()).toBe(`Moving M-3 to ${formatPlainDate('2026-03-16')} also moves 1 milestone:`);
    expect(view.container.querySelector('.move-preview__table tbody')?.textContent).toContain('pushed by M-3');
    await view.click('Move M-3 and 1 other');

    expect(moves(fetch)).toEqual([{ version: 5, forecastDate: '2026-03-16', reason: 'Tooling late', pushedVersions: { 'm-4': 3 } }]);
    expect(view.onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'M-3' }),
      `M-3 moved to ${formatPlainDate('2026-03-16')}; 1 milestone pushed.`,
    );
  });

  it('moves at once when nothing else moves, without naming versions', async () => {
    const fetch = server(
      () => [],
      () => answer(200, { ...milestone, forecastDate: '2026-03-13', version: 6 }),
    );
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('New forecast date', '2026-03-13');
    await view.fill('Reason', 'Holiday shift');
    await view.click('Move M-3');

    expect(moves(fetch)).toEqual([{ version: 5, forecastDate: '2026-03-13', reason: 'Holiday shift' }]);
    expect(view.onSaved).toHaveBeenCalledWith(expect.anything(), `M-3 moved to ${formatPlainDate('2026-03-13')}.`);
  });

  it('names the pushed milestone someone else changed meanwhile, in the catalogue’s words', async () => {
    let m4 = 3;
    const fetch = server(
      () => [push(m4)],
      () => {
        m4 = 4;
        return answer(409, {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'VERSION_CONFLICT',
          detail: 'M-4, which this move pushes, was changed by someone else (English).',
        });
      },
    );
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('New forecast date', '2026-03-16');
    await view.fill('Reason', 'Tooling late');
    await view.click('Move M-3');
    await view.until(() => view.status().startsWith('Moving'));
    await view.click('Move M-3 and 1 other');
    await view.until(() => view.container.querySelector('[role="alert"]') !== null);

    const alert = view.container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('M-4, which this move pushes, was changed by someone else while you were working on it.');
    expect(alert).not.toContain('English');
    expect(view.onSaved).not.toHaveBeenCalled();
    // The reason typed is kept for the next try.
    expect(view.byLabel<HTMLTextAreaElement>('Reason').value).toBe('Tooling late');
  });

  // China's National Day week: 1 October 2026 is off at the factory, the next working day is the 9th.
  it('says the date is not a working day and offers the next one, which one click puts in the field', async () => {
    const previews: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const body = init.body ? (JSON.parse(String(init.body)) as { forecastDate?: string }) : {};
        if (url.endsWith('/move-preview')) {
          previews.push(String(body.forecastDate));
          const warnings =
            body.forecastDate === '2026-10-01'
              ? [{ path: 'forecastDate', code: 'NOT_A_WORKING_DAY', message: 'not a working day', suggestion: '2026-10-09' }]
              : [];
          return answer(200, { pushes: [], warnings });
        }
        return answer(200, { items: [] });
      }),
    );
    pause.ms = 0;
    const view = open();
    const note = () => [...view.container.querySelectorAll('[role="status"]')].find((e) => e.textContent?.includes('is not a working day'));
    await view.fill('New forecast date', '2026-10-01');
    await view.until(() => note() !== undefined);
    expect(note()?.textContent).toContain(`${formatPlainDate('2026-10-01')} is not a working day on this program's calendar`);

    await view.click(`Use ${formatPlainDate('2026-10-09')}, the next working day`);
    expect(view.byLabel('New forecast date').value).toBe('2026-10-09');
    await view.until(() => previews.includes('2026-10-09') && note() === undefined);
    expect(note()).toBeUndefined();
  });
});
