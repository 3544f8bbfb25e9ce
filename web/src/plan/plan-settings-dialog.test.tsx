// @vitest-environment jsdom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainDate } from '../../../src/domain/plain-date.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { Plan } from '../lib/plan-view-queries.js';
import { PlanSettingsDialog } from './plan-settings-dialog.js';

const plan: Plan = {
  programId: 'p-1',
  code: 'KHG-KW500',
  today: plainDate('2026-03-04'),
  status: 'active',
  toleranceDays: 3,
  targetReleaseDate: plainDate('2026-06-30'),
  version: 7,
  baseline: null,
  baselines: [],
  rows: [],
  criticalPath: [],
  minSlackDays: null,
  provisionalYears: [],
};

const conflict = () =>
  answer(409, {
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'VERSION_CONFLICT',
    detail: 'KHG-KW500 was changed (English).',
  });

/** The writes sent, as bodies. */
const writes = (fetch: ReturnType<typeof vi.fn>) =>
  fetch.mock.calls
    .filter(([, init]) => (init as RequestInit).method === 'PATCH')
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

/** A page holding the plan as loaded, which a refetch may replace (`expose` hands out how). */
function Page({ onDone, expose }: { onDone: (message: string) => void; expose: (reload: (p: Plan) => void) => void }) {
  const [current, setCurrent] = useState(plan);
  expose(setCurrent);
  return <PlanSettingsDialog programId="KHG-KW500" plan={current} onClose={vi.fn()} onDone={onDone} />;
}

function open() {
  const onDone = vi.fn();
  let reload: (p: Plan) => void = () => {};
  const view = renderInDom(
    <Page
      onDone={onDone}
      expose={(r) => {
        reload = r;
      }}
    />,
  );
  return {
    ...view,
    onDone,
    reload: (p: Plan) => act(() => reload(p)),
    alert: () => view.container.querySelector('[role="alert"]')?.textContent ?? '',
  };
}

describe('PlanSettingsDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows every field’s fault at once and sends nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Default tolerance (business days)', '');
    await view.fill('Target release date', '2100-01-01');
    await view.click('Save');

    expect(view.errorOf('Default tolerance (business days)')).toBe('Enter a whole number of business days from 0 to 250.');
    expect(view.errorOf('Target release date')).toBe('Choose a date from 2000-01-01 to 2099-12-31.');
    expect(view.errorOf('Reason')).toBe('Say why the plan settings change.');

    await view.fill('Default tolerance (business days)', '251');
    await view.click('Save');
    expect(view.errorOf('Default tolerance (business days)')).toBe('At most 250.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says there is nothing to save when no setting changed, even with a reason', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Reason', 'Just looking');
    await view.click('Save');
    expect(view.alert()).toContain('Nothing to save: no field was changed.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends only the settings that changed, with the version it opened on', async () => {
    const fetch = vi.fn(async () => answer(200, { ...plan, toleranceDays: 5, version: 8 }));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Default tolerance (business days)', '5');
    await view.fill('Reason', 'Customer accepts a week');
    await view.click('Save');
    expect(writes(fetch)).toEqual([{ version: 7, reason: 'Customer accepts a week', toleranceDays: 5 }]);
    expect(view.onDone).toHaveBeenCalledWith('Plan settings saved.');
  });

  it('clears the target release date when the field is emptied', async () => {
    const fetch = vi.fn(async () => answer(200, { ...plan, targetReleaseDate: null, version: 8 }));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Target release date', '');
    await view.fill('Reason', 'Release date withdrawn');
    await view.click('Save');
    expect(writes(fetch)).toEqual([{ version: 7, reason: 'Release date withdrawn', targetReleaseDate: null }]);
  });

  it('does not build on a newer plan unseen; after a conflict it keeps the input and builds on the latest', async () => {
    const fetch = vi.fn(async () => conflict());
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Default tolerance (business days)', '5');
    await view.fill('Reason', 'Customer accepts a week');
    // Someone saved meanwhile; the page shows version 8, but this form was filled in on version 7.
    view.reload({ ...plan, toleranceDays: 4, version: 8 });
    await view.click('Save');
    expect(writes(fetch).map((b) => b.version)).toEqual([7]);
    expect(view.alert()).toContain('Someone else changed KHG-KW500 while you were working on it.');
    expect(view.alert()).not.toContain('English');

    fetch.mockImplementation(async () => answer(200, { ...plan, toleranceDays: 5, version: 9 }));
    await view.click('Save');
    expect(writes(fetch)).toEqual([
      { version: 7, reason: 'Customer accepts a week', toleranceDays: 5 },
      { version: 8, reason: 'Customer accepts a week', toleranceDays: 5 },
    ]);
    expect(view.onDone).toHaveBeenCalledTimes(1);
  });
});
