// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import { ClientDialog } from './client-dialog.js';
import type { Client } from './setup-api.js';

const keller: Client = {
  id: 'c-keller',
  name: 'Keller Home',
  country: 'DE',
  timeZone: 'Europe/Berlin',
  contacts: [{ name: 'Jonas Keller', role: 'Buyer', email: 'jonas@keller.example', phone: '' }],
  archivedAt: null,
  version: 3,
};

/** The request bodies sent, with their method and address. */
const sent = (fetch: ReturnType<typeof vi.fn>) =>
  fetch.mock.calls.map(([url, init]) => ({
    url,
    method: (init as RequestInit).method,
    body: JSON.parse(String((init as RequestInit).body)),
  }));

describe('ClientDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows every field’s fault at once, contacts’ rows included, and sends nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<ClientDialog onClose={vi.fn()} onSaved={vi.fn()} />);
    await view.fill('Country', 'China');
    await view.click('Add a contact');
    await view.fill('Email', 'not an address');
    await view.click('Add client');

    expect(view.errorOf('Client name')).toBe('Give the client a name.');
    expect(view.errorOf('Country')).toBe("Enter the country's two-letter code, e.g. CN or NO.");
    expect(view.errorOf('Time zone')).toBe('Choose the time zone.');
    expect(view.errorOf('Contact name')).toBe('Give the contact a name, or remove the row.');
    expect(view.errorOf('Email')).toBe('Enter an email address, like name@example.com.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('offers the IANA time zones and sends the client with its contacts, the country upper-cased', async () => {
    const fetch = vi.fn(async () => answer(201, { ...keller, id: 'c-new', name: 'Nordlys AS' }));
    vi.stubGlobal('fetch', fetch);
    const onSaved = vi.fn();
    const view = renderInDom(<ClientDialog onClose={vi.fn()} onSaved={onSaved} />);
    const zones = [...view.byLabel<HTMLSelectElement>('Time zone').options].map((o) => o.value);
    expect(zones).toContain('Asia/Shanghai');
    expect(zones).toContain('America/Chicago');

    await view.fill('Client name', ' Nordlys AS ');
    await view.fill('Country', 'no');
    await view.fill('Time zone', 'Europe/Oslo');
    await view.click('Add a contact');
    await view.fill('Contact name', 'Ida Berg');
    await view.fill('Role', 'Sourcing lead');
    await view.click('Add client');

    expect(sent(fetch)).toEqual([
      {
        url: '/api/v1/clients',
        method: 'POST',
        body: {
          name: 'Nordlys AS',
          country: 'NO',
          timeZone: 'Europe/Oslo',
          contacts: [{ name: 'Ida Berg', role: 'Sourcing lead', email: '', phone: '' }],
        },
      },
    ]);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('edits only what changed, with the version read; a removed contact row is sent as the shorter list', async () => {
    const fetch = vi.fn(async () => answer(200, { ...keller, contacts: [], version: 4 }));
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<ClientDialog client={keller} onClose={vi.fn()} onSaved={vi.fn()} />);
    expect(view.byLabel('Contact name').value).toBe('Jonas Keller');
    await view.click('Remove contact 1');
    await view.click('Save');

    expect(sent(fetch)).toEqual([{ url: '/api/v1/clients/c-keller', method: 'PATCH', body: { version: 3, contacts: [] } }]);
  });

  it('says when nothing changed instead of sending, and words a server refusal from the catalogue', async () => {
    const fetch = vi.fn(async () =>
      answer(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'CLIENT_STATE', detail: 'Keller has programs (English).' }),
    );
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<ClientDialog client={keller} onClose={vi.fn()} onSaved={vi.fn()} />);
    await view.click('Save');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Not savedNothing to save: no field was changed.');
    expect(fetch).not.toHaveBeenCalled();

    await view.fill('Client name', 'Keller Home GmbH');
    await view.click('Save');
    expect(fetch).toHaveBeenCalledTimes(1);
    const alert = view.container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('its programs must be archived or closed first');
    expect(alert).not.toContain('English');
  });
});
