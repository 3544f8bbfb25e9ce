// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { FloorEvent } from './floor-api.js';
import { RecordEventDialog } from './record-event-dialog.js';

const recorded: FloorEvent = {
  id: 'e-1',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  key: 'E-4',
  kind: 'measurement',
  title: 'Wall thickness',
  occurredOn: '2026-03-11' as FloorEvent['occurredOn'],
  recordedBy: null,
  recordedAt: '2026-03-11T04:00:00.000Z',
  version: 1,
  shipment: null,
  inspection: null,
  measurement: null,
};

const server = (write: () => Response) => vi.fn(async (_url: string, _init: RequestInit) => write());
const sent = (fetch: ReturnType<typeof server>) => fetch.mock.calls.map(([url, init]) => [url, JSON.parse(String(init.body))]);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('RecordEventDialog', () => {
  const open = (kind: 'shipment' | 'inspection' | 'measurement') => {
    const onSaved = vi.fn();
    const view = renderInDom(<RecordEventDialog programId="KHG-KW500" kind={kind} onClose={vi.fn()} onSaved={onSaved} />);
    return { ...view, onSaved };
  };

  it('checks a measurement before sending: required fields, values that are not numbers, then sends the values as numbers', async () => {
    const fetch = server(() => answer(201, recorded));
    vi.stubGlobal('fetch', fetch);
    const view = open('measurement');
    await view.click('Save');
    expect(view.errorOf('What was measured')).toBe('Say what it is about.');
    expect(view.errorOf('Characteristic')).toBe('Name the characteristic measured.');
    expect(view.errorOf('Nominal')).toBe('Give the nominal value.');
    await view.fill('What was measured', 'Pilot wall');
    await view.fill('Characteristic', 'Wall thickness');
    await view.fill('Nominal', '2');
    await view.fill('Upper limit', '2.1');
    await view.fill('Measured values', '2.01 two');
    await view.click('Save');
    expect(view.errorOf('Measured values')).not.toBeNull();
    expect(fetch).not.toHaveBeenCalled();

    await view.fill('Measured values', '2.01, 1.98\n2.03;2.0');
    await view.click('Save');
    expect(sent(fetch)).toEqual([
      [
        '/api/v1/programs/KHG-KW500/events',
        {
          kind: 'measurement',
          title: 'Pilot wall',
          characteristic: 'Wall thickness',
          unit: '',
          nominal: 2,
          lowerLimit: null,
          upperLimit: 2.1,
          values: [2.01, 1.98, 2.03, 2],
        },
      ],
    ]);
    expect(view.onSaved).toHaveBeenCalledWith(expect.objectContaining({ key: 'E-4' }));
  });

  it('asks for one defect class at least, pairs each AQL with its defects found, and puts a refusal of major.aql on its field', async () => {
    const refusal = {
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      code: 'VALIDATION_FAILED',
      detail: 'The inspection cannot be judged.',
      errors: [{ path: 'major.aql', message: 'Must be one of the standard AQLs.' }],
    };
    const fetch = server(() => answer(422, refusal));
    vi.stubGlobal('fetch', fetch);
    const view = open('inspection');
    await view.fill('What was inspected', 'Pilot lot 3');
    await view.fill('Lot size', '1200');
    await view.click('Save');
    expect(view.errorOf('Major AQL')).toBe('Give the AQL (at least one class needs one).');
    await view.fill('Major AQL', '2.5');
    await view.click('Save');
    expect(view.errorOf('Major defects found')).toBe('Say how many defects were found.');
    expect(fetch).not.toHaveBeenCalled();

    await view.fill('Major defects found', '4');
    await view.fill('Lot size', '1.5');
    await view.click('Save');
    expect(view.errorOf('Lot size')).not.toBeNull();
    await view.fill('Lot size', '1200');
    await view.click('Save');
    expect(sent(fetch)).toEqual([
      [
        '/api/v1/programs/KHG-KW500/events',
        { kind: 'inspection', title: 'Pilot lot 3', lotRef: '', lotSize: 1200, level: 'II', major: { aql: 2.5, defectsFound: 4 } },
      ],
    ]);
    expect(view.errorOf('Major AQL')).not.toBeNull();
  });

  it('sends a shipment with only the dates given', async () => {
    const fetch = server(() => answer(201, { ...recorded, kind: 'shipment' }));
    vi.stubGlobal('fetch', fetch);
    const view = open('shipment');
    await view.fill('What is shipped', 'PPAP samples');
    await view.click('Save');
    expect(view.errorOf('Expected arrival')).toBe('Say when it is expected.');
    await view.fill('Expected arrival', '2026-03-20');
    await view.fill('Shipped on', '2026-03-10');
    await view.click('Save');
    expect(sent(fetch)).toEqual([
      [
        '/api/v1/programs/KHG-KW500/events',
        { kind: 'shipment', title: 'PPAP samples', expectedOn: '2026-03-20', shippedOn: '2026-03-10', arrivedOn: null },
      ],
    ]);
  });
});
