// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { FloorEvent, ImportResult } from './floor-api.js';
import { ImportSection } from './import-section.js';

const shipment: FloorEvent = {
  id: '',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  key: '',
  kind: 'shipment',
  title: 'Golden samples',
  occurredOn: '2026-03-11' as FloorEvent['occurredOn'],
  recordedBy: null,
  recordedAt: '',
  version: 1,
  shipment: { expectedOn: '2026-03-16' as FloorEvent['occurredOn'], shippedOn: null, arrivedOn: null, businessDaysLate: null },
  inspection: null,
  measurement: null,
};
const row = (n: number, over: Partial<ImportResult['rows'][number]> = {}) => ({
  row: n,
  line: n + 1,
  isOk: true,
  event: shipment,
  errors: [],
  ...over,
});
const csv = 'kind,title,expectedOn\nshipment,Golden samples,2026-03-16\n';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** Chooses a file in the section's file input, as a person would. */
async function choose(container: HTMLElement, text: string) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([text], 'events.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ImportSection', () => {
  it('previews every row with its errors and offers no confirm while any row is refused', async () => {
    const preview: ImportResult = {
      dryRun: true,
      written: 0,
      rows: [row(1), row(2, { isOk: false, event: null, errors: [{ column: 'expectedOn', message: 'Must be a date, YYYY-MM-DD.' }] })],
    };
    const fetch = vi.fn(async () => answer(200, preview));
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<ImportSection programId="KHG-KW500" />);
    await choose(view.container, csv);
    await view.until(() => view.container.querySelector('table') !== null);
    expect(JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toEqual({ csv, dryRun: true });
    const cells = [...view.container.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(cells[0]).toContain('Golden samples');
    expect(cells[1]).toContain('expectedOn');
    expect(cells[1]).toContain('Must be a date');
    expect(view.container.textContent).toContain('1 of 2 rows have errors');
    const confirm = [...view.container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Record'));
    expect(confirm?.disabled).toBe(true);
  });

  it('writes every row with one confirm once the preview is clean', async () => {
    const fetch = vi
      .fn()
      .mockImplementationOnce(async () => answer(200, { dryRun: true, written: 0, rows: [row(1)] }))
      .mockImplementationOnce(async () =>
        answer(200, { dryRun: false, written: 1, rows: [row(1, { event: { ...shipment, key: 'E-7' } })] }),
      );
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<ImportSection programId="KHG-KW500" />);
    await choose(view.container, csv);
    await view.until(() => view.container.querySelector('table') !== null);
    await view.click('Record 1 event');
    await view.until(() => view.container.textContent?.includes('1 event recorded.') ?? false);
    expect(fetch.mock.calls.map((c) => JSON.parse(String((c as unknown as [string, RequestInit])[1].body)).dryRun)).toEqual([true, false]);
    expect(view.container.querySelector('table')).toBeNull();
  });
});
