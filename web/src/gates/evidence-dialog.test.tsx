// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import { EvidenceDialog } from './evidence-dialog.js';
import type { Gate, GateItem } from './gates-api.js';

// The dialog reads only the gate's and the item's keys and the item's title.
const gate = { key: 'G2' } as Gate;
const item = { key: 'G2-DEFECT-RATE', title: 'Pilot defect rate under threshold' } as GateItem;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('EvidenceDialog', () => {
  it('attaches a floor event by its key, asking for the key first', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => answer(201, { id: 'ev-1', kind: 'event' }));
    vi.stubGlobal('fetch', fetch);
    const onSaved = vi.fn();
    const view = renderInDom(<EvidenceDialog programId="KHG-KW500" gate={gate} item={item} onClose={vi.fn()} onSaved={onSaved} />);
    const radio = [...view.container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'event');
    expect(radio?.parentElement?.textContent?.trim()).toBe('Floor event');
    await act(async () => radio?.click());
    await view.fill('Floor event key', ' E-4 ');
    await view.click('Attach');
    expect(fetch.mock.calls.map(([url, init]) => [url, JSON.parse(String(init.body))])).toEqual([
      ['/api/v1/programs/KHG-KW500/gates/G2/items/G2-DEFECT-RATE/evidence', { kind: 'event', eventId: 'E-4' }],
    ]);
    expect(onSaved).toHaveBeenCalled();
  });
});
