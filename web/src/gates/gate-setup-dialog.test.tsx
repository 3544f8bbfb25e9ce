// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { ProgramPerson } from '../lib/api.js';
import { GateSetupDialog } from './gate-setup-dialog.js';
import type { Gate } from './gates-api.js';

const person = (id: string, name: string, role: string) => ({ id, name, roles: [role] }) as unknown as ProgramPerson;
const people = [
  person('u-dana', 'Dana Whitfield', 'cadence_owner'),
  person('u-sophie', 'Sophie Brandt', 'quality_owner'),
  person('u-li', 'Li Wei', 'contributor'),
  person('u-otto', 'Otto Observer', 'observer'),
];
// The fields the set-up reads of a gate; the rest of the gate document plays no part here.
const gate = {
  key: 'G2',
  version: 4,
  ownerId: 'u-dana',
  gatekeeperIds: ['u-sophie'],
  reviewMilestoneId: 'm-8',
  reviewMilestone: { id: 'm-8', key: 'M-8', name: 'G2 review', forecastDate: '2026-06-11', actualDate: null },
  warningDays: 10,
} as unknown as Gate;
const milestone = (id: string, key: string, name: string, phase: string, forecastDate: string) => ({ id, key, name, phase, forecastDate });
const milestones = [
  milestone('m-5', 'M-5', 'G1 review', 'G1', '2026-05-14'),
  milestone('m-7', 'M-7', 'Pilot run', 'G2', '2026-06-01'),
  milestone('m-8', 'M-8', 'G2 review', 'G2', '2026-06-11'),
];

function stubApi() {
  const fetch = vi.fn(async (url: string, init?: RequestInit) =>
    url.endsWith('/milestones') ? answer(200, { items: milestones }) : answer(200, { ...gate, ...JSON.parse(String(init?.body)) }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('GateSetupDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('offers the program’s people (observers aside) and the milestones of the gate’s phase, and sends only what changed at the version read', async () => {
    const fetch = stubApi();
    const onSaved = vi.fn();
    const view = renderInDom(<GateSetupDialog programId="KHG-KW500" gate={gate} people={people} onClose={vi.fn()} onSaved={onSaved} />);
    const review = view.byLabel<HTMLSelectElement>('Planned review');
    // The current review is chosen at once, before the plan's milestones have loaded.
    expect(review.value).toBe('m-8');
    await view.until(() => review.options.length > 2);
    expect([...review.options].map((o) => o.value)).toEqual(['', 'm-8', 'm-7']);
    expect(review.value).toBe('m-8');
    const owner = view.byLabel<HTMLSelectElement>('Gate owner');
    expect([...owner.options].map((o) => o.value)).toEqual(['', 'u-dana', 'u-sophie', 'u-li']);

    await view.fill('Gate owner', 'u-sophie');
    const keepers = view.byLabel<HTMLSelectElement>('Gatekeepers');
    for (const o of keepers.options) o.selected = o.value === 'u-dana' || o.value === 'u-li';
    keepers.dispatchEvent(new Event('change', { bubbles: true }));
    await view.fill('Planned review', 'm-7');
    await view.fill('Warning period (business days)', '15');
    await view.click('Save the set-up');

    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH') as [string, RequestInit];
    expect(patch[0]).toBe('/api/v1/programs/KHG-KW500/gates/G2');
    expect(JSON.parse(String(patch[1].body))).toEqual({
      version: 4,
      ownerId: 'u-sophie',
      gatekeeperIds: ['u-dana', 'u-li'],
      reviewMilestoneId: 'm-7',
      warningDays: 15,
    });
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('refuses a warning period beyond 60 business days before asking the server', async () => {
    const fetch = stubApi();
    const view = renderInDom(<GateSetupDialog programId="KHG-KW500" gate={gate} people={people} onClose={vi.fn()} onSaved={vi.fn()} />);
    await view.fill('Warning period (business days)', '61');
    await view.click('Save the set-up');
    expect(view.errorOf('Warning period (business days)')).not.toBeNull();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
  });
});
