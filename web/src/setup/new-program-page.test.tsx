// @vitest-environment jsdom
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeContext } from '../auth/session.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { Me } from '../lib/api.js';
import { NewProgramPage } from './new-program-page.js';

const me: Me = {
  id: 'u-ana',
  email: 'ana@example.test',
  name: 'Ana Lima',
  timeZone: 'America/Chicago',
  locale: 'en',
  isAdmin: false,
  hasLeadershipMail: false,
  memberships: [{ id: 'm1', role: 'cadence_owner', clientId: 'c-keller', clientName: 'Keller Home', programId: null, programCode: null }],
  version: 1,
  csrfToken: 'x',
  via: 'session',
};

const clients = {
  items: [
    { id: 'c-keller', name: 'Keller Home', country: 'DE', timeZone: 'Europe/Berlin', contacts: [], archivedAt: null, version: 1 },
    { id: 'c-other', name: 'Someone Else', country: 'US', timeZone: 'America/New_York', contacts: [], archivedAt: null, version: 1 },
  ],
};
const suppliers = {
  items: [
    {
      id: 's-hg',
      name: 'Huagang Appliances',
      country: 'CN',
      version: 1,
      factories: [{ id: 'f-nb', supplierId: 's-hg', name: 'Ningbo', city: 'Ningbo', country: 'CN', timeZone: 'Asia/Shanghai', version: 1 }],
    },
  ],
};
const programs = { items: [{ id: 'p-kw', code: 'KHG-KW500', name: 'Kettle KW500', milestoneCount: 2 }] };
const head = { description: '', basedOn: null, isArchived: false, updatedAt: null, gates: [], milestones: 0 };
const templates = {
  items: [
    { ...head, id: 'default-4-gate', name: 'Default four gates', version: 1, ppapLevel: null, source: 'shipped' },
    { ...head, id: 'apqp-ppap', name: 'APQP with PPAP level 3', version: 1, ppapLevel: 3, source: 'shipped' },
    {
      ...head,
      id: 'keller-4-gate',
      name: 'Keller gates',
      version: 2,
      ppapLevel: null,
      source: 'workspace',
      basedOn: { id: 'default-4-gate', version: 1 },
    },
    { ...head, id: 'old-gates', name: 'Old gates', version: 4, ppapLevel: null, source: 'workspace', isArchived: true },
  ],
};
const preview = {
  source: { id: 'p-kw', code: 'KHG-KW500', name: 'Kettle KW500' },
  start: '2026-10-08',
  timeZone: 'Asia/Shanghai',
  country: 'CN',
  targetReleaseDate: '2027-01-15',
  notes: [{ code: 'START_MOVED', message: 'English', params: { from: '2026-10-01', to: '2026-10-08', day: 'National Day' } }],
  owners: [
    { id: 'u-ana', name: 'Ana Lima', milestones: 1, mapsTo: { id: 'u-ana', name: 'Ana Lima' }, isChosen: false },
    { id: 'u-gus', name: 'Gus Moreau', milestones: 1, mapsTo: null, isChosen: false },
  ],
  possibleOwners: [
    { id: 'u-ana', name: 'Ana Lima' },
    { id: 'u-ida', name: 'Ida Berg' },
  ],
  milestones: [
    {
      sourceKey: 'M-1',
      key: 'M-1',
      name: 'Design freeze',
      phase: 'G1',
      sourceDate: '2026-03-02',
      date: '2026-10-08',
      owner: { id: 'u-ana', name: 'Ana Lima' },
      sourceOwner: { id: 'u-ana', name: 'Ana Lima' },
      notes: [],
    },
    {
      sourceKey: 'M-2',
      key: 'M-2',
      name: 'Tooling T1',
      phase: 'G2',
      sourceDate: '2026-03-16',
      date: '2026-10-22',
      owner: null,
      sourceOwner: { id: 'u-gus', name: 'Gus Moreau' },
      notes: [{ code: 'OWNER_LEFT', message: 'English', params: { ownerId: 'u-gus', owner: 'Gus Moreau', isChosen: false } }],
    },
  ],
  links: [{ predecessorKey: 'M-1', successorKey: 'M-2', lagDays: 0 }],
};

/** The server as the page sees it: the lists it reads, and what it writes answered (a create as given). */
function server(created: { status: number; body: unknown } = { status: 201, body: { id: 'p-new', code: 'KHG-KW600' } }) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (method === 'GET' && url.startsWith('/api/v1/clients')) return answer(200, clients);
    if (method === 'GET' && url === '/api/v1/suppliers') return answer(200, suppliers);
    if (method === 'GET' && url === '/api/v1/programs') return answer(200, programs);
    if (method === 'GET' && url === '/api/v1/templates') return answer(200, templates);
    if (method === 'POST' && url === '/api/v1/programs/KHG-KW500/copy-preview') return answer(200, preview);
    if (method === 'POST' && url === '/api/v1/programs') return answer(created.status, created.body);
    return answer(404, { type: 'about:blank', title: 'Not found', status: 404, code: 'NOT_FOUND', detail: url });
  });
}

const writes = (fetch: ReturnType<typeof server>) =>
  fetch.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url, init]) => ({ url, body: JSON.parse(String(init?.body)) }));

function open() {
  const router = createMemoryRouter(
    [
      { path: '/programs/new', element: <NewProgramPage /> },
      { path: '/programs/:programId', element: <p>program page</p> },
    ],
    { initialEntries: ['/programs/new'] },
  );
  const view = renderInDom(
    <MeContext.Provider value={me}>
      <RouterProvider router={router} />
    </MeContext.Provider>,
  );
  return { ...view, router };
}

describe('NewProgramPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('checks every field with the contract before sending, and asks for the copy’s start date', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.until(() => view.byLabel<HTMLSelectElement>('Plan').options.length > 1);
    await view.fill('Code', 'K');
    await view.fill('Plan', 'KHG-KW500');
    await view.click('Show the copy preview');

    expect(view.errorOf('Code')).toBe('At least 2 characters.');
    expect(view.errorOf('Program name')).toBe('Give the program a name.');
    expect(view.errorOf('Client')).toBe('Choose the client.');
    expect(view.errorOf('Factory')).toBe('Choose the factory.');
    expect(view.errorOf('Start date of the copy')).toBe('Enter the date the copied plan starts.');
    expect(writes(fetch)).toEqual([]);
  });

  it('offers the shipped templates and the workspace’s own not archived, with the PPAP level for a PPAP one', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    const choice = () => view.byLabel<HTMLSelectElement>('Gates and checklists');
    await view.until(() => choice().options.length > 1);
    expect([...choice().options].map((o) => o.textContent)).toEqual([
      'Default four gates (v1, shipped)',
      'APQP with PPAP level 3 (v1, shipped)',
      'Keller gates (v2, this workspace)',
    ]);
    expect(view.container.textContent).not.toContain('PPAP submission level');
    await view.fill('Gates and checklists', 'apqp-ppap');
    await view.until(() => view.container.textContent?.includes('PPAP submission level') ?? false);
    await view.fill('Gates and checklists', 'keller-4-gate');
    await view.fill('Code', 'khg-kw700');
    await view.fill('Program name', 'Kettle KW700');
    await view.fill('Client', 'c-keller');
    await view.fill('Supplier', 's-hg');
    await view.fill('Factory', 'f-nb');
    await view.click('Create program');
    await view.until(() => writes(fetch).length > 0);
    expect(writes(fetch)[0]?.body).toMatchObject({ code: 'khg-kw700', templateId: 'keller-4-gate' });
    expect(writes(fetch)[0]?.body).not.toHaveProperty('ppapLevel');
  });

  it('offers only the clients the person is cadence owner of, and defaults the cadence owner to them', async () => {
    vi.stubGlobal('fetch', server());
    const view = open();
    await view.until(() => view.byLabel<HTMLSelectElement>('Client').options.length > 1);
    expect([...view.byLabel<HTMLSelectElement>('Client').options].map((o) => o.textContent)).toEqual(['Choose a client', 'Keller Home']);
    expect(view.byLabel<HTMLSelectElement>('Cadence owner').value).toBe('u-ana');
  });

  it('takes the factory’s time zone, shows the copy preview, then creates the draft and opens it', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.until(() => view.byLabel<HTMLSelectElement>('Supplier').options.length > 1);
    await view.fill('Code', 'khg-kw600');
    await view.fill('Program name', 'Kettle KW600');
    await view.fill('Client', 'c-keller');
    await view.fill('Supplier', 's-hg');
    await view.fill('Factory', 'f-nb');
    expect(view.byLabel<HTMLSelectElement>('Time zone').value).toBe('Asia/Shanghai');
    await view.fill('Plan', 'KHG-KW500');
    await view.fill('Start date of the copy', '2026-10-01');
    await view.click('Show the copy preview');
    await view.until(() => view.container.textContent?.includes('What the copy of KHG-KW500 makes') ?? false);

    expect(writes(fetch)).toEqual([
      {
        url: '/api/v1/programs/KHG-KW500/copy-preview',
        body: {
          startDate: '2026-10-01',
          factoryId: 'f-nb',
          timeZone: 'Asia/Shanghai',
          clientId: 'c-keller',
          owners: { cadence_owner: ['u-ana'] },
        },
      },
    ]);
    const rows = [...view.container.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toContain('M-1 → M-1');
    expect(rows[1]).toContain('Left for assignment');
    expect(rows[1]).toContain('Gus Moreau owns it in the source but will hold no role on the new program: left for assignment.');
    expect(view.container.textContent).toContain('is not a working day at the new factory (National Day); the plan starts on');
    expect(view.container.textContent).not.toContain('English');
    expect(view.byLabel<HTMLSelectElement>('Ana Lima: 1 milestone').value).toBe('u-ana');
    expect(view.byLabel<HTMLSelectElement>('Gus Moreau: 1 milestone').value).toBe('');

    await view.click('Create program');
    await view.until(() => view.router.state.location.pathname !== '/programs/new');
    expect(writes(fetch)[1]).toEqual({
      url: '/api/v1/programs',
      body: {
        code: 'khg-kw600',
        name: 'Kettle KW600',
        clientId: 'c-keller',
        factoryId: 'f-nb',
        timeZone: 'Asia/Shanghai',
        ownerId: 'u-ana',
        owners: { cadence_owner: ['u-ana'] },
        targetReleaseDate: null,
        templateId: 'default-4-gate',
        copyFrom: { programId: 'KHG-KW500', startDate: '2026-10-01', owners: { 'u-ana': 'u-ana', 'u-gus': null } },
      },
    });
    expect(view.router.state.location.pathname).toBe('/programs/KHG-KW600');
  });

  it('lets each source owner’s milestones go to someone chosen, shows it in the preview, and sends the mapping', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.until(() => view.byLabel<HTMLSelectElement>('Supplier').options.length > 1);
    await view.fill('Code', 'KHG-KW600');
    await view.fill('Program name', 'Kettle KW600');
    await view.fill('Client', 'c-keller');
    await view.fill('Supplier', 's-hg');
    await view.fill('Factory', 'f-nb');
    await view.fill('Plan', 'KHG-KW500');
    await view.fill('Start date of the copy', '2026-10-01');
    await view.click('Show the copy preview');
    await view.until(() => view.container.textContent?.includes('Who owns the copied milestones') ?? false);
    const gus = view.byLabel<HTMLSelectElement>('Gus Moreau: 1 milestone');
    expect([...gus.options].map((o) => o.textContent)).toEqual(['Leave for assignment', 'Ana Lima', 'Ida Berg']);
    expect(view.container.textContent).toContain('Gus Moreau will hold no role on the new program.');

    await view.fill('Gus Moreau: 1 milestone', 'u-ida');
    await view.fill('Ana Lima: 1 milestone', '');
    const rows = [...view.container.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toContain('Left for assignment');
    expect(rows[1]).toContain('Ida Berg');
    expect(rows[1]).not.toContain('left for assignment');
    await view.click('Create program');
    expect(writes(fetch)[1]?.body.copyFrom).toEqual({
      programId: 'KHG-KW500',
      startDate: '2026-10-01',
      owners: { 'u-ana': null, 'u-gus': 'u-ida' },
    });
  });

  it('marks the owner the server refused for the new program on their select', async () => {
    const fetch = server({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Unprocessable',
        status: 422,
        code: 'USER_NOT_FOUND',
        detail: 'English',
        errors: [{ path: 'copyFrom.owners.u-gus', message: 'Holds no role on the new program.' }],
      },
    });
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.until(() => view.byLabel<HTMLSelectElement>('Supplier').options.length > 1);
    for (const [label, value] of [
      ['Code', 'KHG-KW600'],
      ['Program name', 'Kettle KW600'],
      ['Client', 'c-keller'],
      ['Supplier', 's-hg'],
      ['Factory', 'f-nb'],
      ['Plan', 'KHG-KW500'],
      ['Start date of the copy', '2026-10-01'],
    ] as const)
      await view.fill(label, value);
    await view.click('Show the copy preview');
    await view.until(() => view.container.textContent?.includes('Who owns the copied milestones') ?? false);
    await view.fill('Gus Moreau: 1 milestone', 'u-ida');
    await view.click('Create program');
    expect(view.errorOf('Gus Moreau: 1 milestone')).toBe('Not a person who can be chosen here.');
    expect(view.errorOf('Ana Lima: 1 milestone')).toBeNull();
  });

  it('asks for a new preview when what it was made for changes', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.until(() => view.byLabel<HTMLSelectElement>('Supplier').options.length > 1);
    await view.fill('Code', 'KHG-KW600');
    await view.fill('Program name', 'Kettle KW600');
    await view.fill('Client', 'c-keller');
    await view.fill('Supplier', 's-hg');
    await view.fill('Factory', 'f-nb');
    await view.fill('Plan', 'KHG-KW500');
    await view.fill('Start date of the copy', '2026-10-01');
    await view.click('Show the copy preview');
    await view.until(() => view.container.textContent?.includes('What the copy') ?? false);
    await view.fill('Start date of the copy', '2026-11-02');
    expect(view.container.textContent).not.toContain('What the copy');
    expect([...view.container.querySelectorAll('button')].some((b) => b.textContent === 'Show the copy preview')).toBe(true);
  });
});
