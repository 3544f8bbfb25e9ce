// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import { EditProgramDialog } from './edit-program-dialog.js';

const program = (status: ProgramSummary['status']) =>
  ({
    id: 'p-1',
    code: 'NKA-OVEN',
    name: 'Built-in oven BO60',
    product: '',
    client: { id: 'c-1', name: 'Nordlys Kitchen AS', country: 'NO' },
    supplier: { name: 'Huagang Appliances', city: 'Ningbo', country: 'CN', factoryId: 'f-nb' },
    archivedAt: null,
    timeZone: 'Asia/Shanghai',
    status,
    owner: { id: 'u-oda', name: 'Oda Lund' },
    version: 4,
  }) as unknown as ProgramSummary;
const people = [
  { id: 'u-oda', name: 'Oda Lund', email: 'oda@example.test', roles: ['cadence_owner' as const] },
  { id: 'u-ida', name: 'Ida Berg', email: 'ida@example.test', roles: ['decision_owner' as const] },
];
const lists = (url: string) =>
  url.startsWith('/api/v1/clients')
    ? {
        items: [
          { id: 'c-1', name: 'Nordlys Kitchen AS', country: 'NO', timeZone: 'Europe/Oslo', contacts: [], archivedAt: null, version: 1 },
        ],
      }
    : {
        items: [
          {
            id: 's-1',
            name: 'Huagang Appliances',
            country: 'CN',
            version: 1,
            factories: [
              { id: 'f-nb', supplierId: 's-1', name: 'Ningbo', city: 'Ningbo', country: 'CN', timeZone: 'Asia/Shanghai', version: 1 },
              { id: 'f-sz', supplierId: 's-1', name: 'Shenzhen', city: 'Shenzhen', country: 'CN', timeZone: 'Asia/Shanghai', version: 1 },
            ],
          },
        ],
      };

function server() {
  return vi.fn(async (url: string, init?: RequestInit) =>
    init?.method === 'PATCH' ? answer(200, { ...program('draft'), version: 5 }) : answer(200, lists(url)),
  );
}
const patches = (fetch: ReturnType<typeof server>) =>
  fetch.mock.calls.filter(([, init]) => init?.method === 'PATCH').map(([url, init]) => ({ url, body: JSON.parse(String(init?.body)) }));

describe('EditProgramDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('offers a draft’s code, client and factory, and sends only what changed with the version read', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(
      <EditProgramDialog programId="NKA-OVEN" program={program('draft')} people={people} onClose={vi.fn()} onSaved={vi.fn()} />,
    );
    await view.until(() => view.container.querySelector('select option[value="f-sz"]') !== null);
    expect(view.byLabel<HTMLSelectElement>('Factory').value).toBe('f-nb');
    await view.fill('Factory', 'f-sz');
    await view.fill('Owner', 'u-ida');
    await view.click('Save');
    expect(patches(fetch)).toEqual([{ url: '/api/v1/programs/p-1', body: { version: 4, ownerId: 'u-ida', factoryId: 'f-sz' } }]);
  });

  it('names a draft’s factory archived since as its own, no longer offered, and leaves it unless another is chosen', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const archivedAt = { ...program('draft'), supplier: { name: 'Old Moulds', city: 'Hanoi', country: 'VN', factoryId: 'f-old' } };
    const view = renderInDom(
      <EditProgramDialog programId="NKA-OVEN" program={archivedAt as ProgramSummary} people={people} onClose={vi.fn()} onSaved={vi.fn()} />,
    );
    await view.until(() => view.container.querySelector('select option[value="f-sz"]') !== null);
    const factory = view.byLabel<HTMLSelectElement>('Factory');
    expect(factory.value).toBe('f-old');
    expect(factory.selectedOptions[0]?.textContent).toBe('Old Moulds, Hanoi (VN), no longer offered');
    await view.fill('Product', 'Oven');
    await view.click('Save');
    expect(patches(fetch)).toEqual([{ url: '/api/v1/programs/p-1', body: { version: 4, product: 'Oven' } }]);
  });

  it('keeps an active program’s code, client and factory fixed, and checks the name with the contract', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(
      <EditProgramDialog programId="NKA-OVEN" program={program('active')} people={people} onClose={vi.fn()} onSaved={vi.fn()} />,
    );
    expect(view.container.textContent).toContain('fixed once the program is active');
    expect(() => view.byLabel('Code')).toThrow();
    await view.fill('Program name', '');
    await view.click('Save');
    expect(view.errorOf('Program name')).toBe('Give the program a name.');
    expect(patches(fetch)).toEqual([]);
  });
});
