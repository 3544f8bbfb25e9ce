// @vitest-environment jsdom
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeContext } from '../auth/session.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { Me } from '../lib/api.js';
import { SuppliersPage } from './suppliers-page.js';

const admin: Me = {
  id: 'u-oda',
  email: 'oda@example.test',
  name: 'Oda Lund',
  timeZone: 'Europe/Oslo',
  locale: 'en',
  isAdmin: true,
  hasLeadershipMail: false,
  memberships: [],
  version: 1,
  csrfToken: 'x',
  via: 'session',
};

const factory = (id: string, name: string, archivedAt: string | null = null) => ({
  id,
  supplierId: 's-hg',
  name,
  city: name,
  country: 'CN',
  timeZone: 'Asia/Shanghai',
  archivedAt,
  version: 2,
});
const suppliers = {
  items: [
    {
      id: 's-hg',
      name: 'Huagang Appliances',
      country: 'CN',
      archivedAt: null,
      version: 3,
      factories: [factory('f-nb', 'Ningbo'), factory('f-sz', 'Shenzhen', '2026-02-01T08:00:00.000Z')],
    },
    { id: 's-old', name: 'Old Moulds', country: 'VN', archivedAt: '2026-01-15T08:00:00.000Z', version: 2, factories: [] },
  ],
};
const inUse = {
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  code: 'FACTORY_IN_USE',
  detail: 'KHG-KW500 is made there (English).',
  errors: [{ path: 'timeZone', message: 'Fixed: KHG-KW500 is made here.' }],
};

/** The server as the page sees it: the list, and a PATCH answered as given. */
function server(patched: (url: string) => Response) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === 'GET' && url === '/api/v1/suppliers?archived=true') return answer(200, suppliers);
    if (init?.method === 'PATCH') return patched(url);
    return answer(404, { type: 'about:blank', title: 'Not found', status: 404, code: 'NOT_FOUND', detail: url });
  });
}
const sent = (fetch: ReturnType<typeof server>) =>
  fetch.mock.calls
    .filter(([, init]) => init?.method && init.method !== 'GET')
    .map(([url, init]) => ({ url, method: init?.method, body: JSON.parse(String(init?.body)) }));

function open(fetch: ReturnType<typeof server>, me: Me = admin) {
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/suppliers', element: <SuppliersPage /> }], { initialEntries: ['/suppliers'] });
  return renderInDom(
    <MeContext.Provider value={me}>
      <RouterProvider router={router} />
    </MeContext.Provider>,
  );
}
const clickLabelled = async (view: ReturnType<typeof open>, label: string) => {
  const button = view.container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
  if (!button) throw new Error(`No button labelled "${label}".`);
  button.click();
  await view.settle();
};

describe('SuppliersPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists suppliers and the factories offered, and the archived ones apart', async () => {
    const view = open(server(() => answer(500, {})));
    await view.until(() => view.container.textContent?.includes('Supplier Old Moulds') ?? false);
    const tables = [...view.container.querySelectorAll('table')].map((table) => ({
      caption: table.querySelector('caption')?.textContent,
      rows: [...table.querySelectorAll('tbody tr')].map((r) => r.querySelector('th')?.textContent),
    }));
    expect(tables).toEqual([
      { caption: 'Suppliers', rows: ['Huagang Appliances'] },
      { caption: 'Factories offered for new programs', rows: ['Ningbo'] },
      { caption: 'Archived suppliers and factories', rows: ['Factory Huagang Appliances / Shenzhen', 'Supplier Old Moulds'] },
    ]);
  });

  it('edits a factory sending only what changed; a place fixed by its programs is said from the catalogue, on the field', async () => {
    const fetch = server(() => answer(409, inUse));
    const view = open(fetch);
    await view.until(() => view.container.textContent?.includes('Supplier Old Moulds') ?? false);
    await clickLabelled(view, 'Edit Huagang Appliances / Ningbo');
    expect(view.byLabel('Factory name').value).toBe('Ningbo');
    await view.fill('Time zone', 'Asia/Tokyo');
    await view.click('Save');

    expect(sent(fetch)).toEqual([{ url: '/api/v1/factories/f-nb', method: 'PATCH', body: { version: 2, timeZone: 'Asia/Tokyo' } }]);
    const alert = view.container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('its country and time zone stay while an active program is made there');
    expect(alert).not.toContain('English');
    expect(view.errorOf('Time zone')).toBe('Fixed while an active program is made here.');
  });

  it('renames a supplier with the version read, and says when nothing changed', async () => {
    const fetch = server(() => answer(200, { ...suppliers.items[0], name: 'Huagang Appliances Co.', version: 4 }));
    const view = open(fetch);
    await view.until(() => view.container.textContent?.includes('Supplier Old Moulds') ?? false);
    await clickLabelled(view, 'Edit Huagang Appliances');
    await view.click('Save');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Not savedNothing to save: no field was changed.');
    await view.fill('Supplier name', 'Huagang Appliances Co.');
    await view.click('Save');
    expect(sent(fetch)).toEqual([{ url: '/api/v1/suppliers/s-hg', method: 'PATCH', body: { version: 3, name: 'Huagang Appliances Co.' } }]);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Huagang Appliances Co. was saved.');
  });

  it('tells people who are not admins that the page is not theirs, asking the server nothing', async () => {
    const fetch = server(() => answer(500, {}));
    const view = open(fetch, { ...admin, isAdmin: false });
    await view.settle();
    expect(view.container.textContent).toContain('Only workspace admins edit and archive suppliers.');
    expect(fetch).not.toHaveBeenCalled();
  });
});
