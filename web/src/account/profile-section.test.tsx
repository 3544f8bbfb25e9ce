// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { Me } from '../lib/api.js';
import { browserTimeZone, readerTimeZone, setReaderTimeZone } from '../lib/format.js';
import { useMe } from '../lib/queries.js';
import { ProfileSection } from './profile-section.js';

const me = (timeZone: string, over: Partial<Me> = {}): Me => ({
  id: 'u-dana',
  email: 'dana@example.test',
  name: 'Dana Whitfield',
  timeZone,
  locale: 'en',
  isAdmin: false,
  hasLeadershipMail: false,
  memberships: [],
  version: 3,
  csrfToken: 'csrf-1',
  via: 'session',
  ...over,
});

/** A zone that is not this browser's (the machine running the tests may be anywhere). */
const elsewhere = browserTimeZone === 'America/Chicago' ? 'Europe/Oslo' : 'America/Chicago';
/** Another one, for the edit form. */
const shanghai = browserTimeZone === 'Asia/Shanghai' ? 'Asia/Tokyo' : 'Asia/Shanghai';

/** As RequireSession does: the person from the cached /me, the reader's zone set from it, then the page. */
function Session() {
  const current = useMe();
  if (!current.data) return null;
  setReaderTimeZone(current.data.timeZone);
  return <ProfileSection me={current.data} />;
}

/** A server that answers GET /me with `first`, and PATCH /me with `patched` (or a problem). */
function server(first: Me, patched: (body: Record<string, unknown>) => Response) {
  return vi.fn(async (_url: string, init: RequestInit) =>
    init.method === 'PATCH' ? patched(JSON.parse(String(init.body))) : answer(200, first),
  );
}

/** The requests sent, by method and address, with their bodies. */
const sent = (fetch: ReturnType<typeof vi.fn>) =>
  fetch.mock.calls.map(([url, init]) => {
    const i = init as RequestInit;
    return { method: i.method, url, ...(i.body ? { body: JSON.parse(String(i.body)) } : {}) };
  });

const textOf = (container: HTMLElement) => container.textContent ?? '';
const buttons = (container: HTMLElement) => [...container.querySelectorAll('button')].map((b) => b.textContent);
const useBrowserLabel = (zone: string) => `Use this browser's zone (${zone.replaceAll('_', ' ')} (`;

describe('ProfileSection', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setReaderTimeZone(null);
    document.body.innerHTML = '';
  });

  it('says every time is shown in the account’s zone, and offers this browser’s zone when it differs', async () => {
    vi.stubGlobal(
      'fetch',
      server(me(elsewhere), () => answer(500, {})),
    );
    const view = renderInDom(<Session />);
    await view.until(() => textOf(view.container).includes('Every time'));
    expect(textOf(view.container)).toContain(`${elsewhere.replaceAll('_', ' ')} (GMT`);
    expect(textOf(view.container)).toContain('Every time in Tollgate is shown in this zone');
    expect(buttons(view.container).some((b) => b?.startsWith(useBrowserLabel(browserTimeZone)))).toBe(true);
  });

  it('offers no switch when the account’s zone is this browser’s', async () => {
    vi.stubGlobal(
      'fetch',
      server(me(browserTimeZone), () => answer(500, {})),
    );
    const view = renderInDom(<Session />);
    await view.until(() => textOf(view.container).includes('Every time'));
    expect(buttons(view.container)).toEqual(['Edit name and time zone']);
  });

  it('says which zone is used instead when this browser does not know the account’s', async () => {
    vi.stubGlobal(
      'fetch',
      server(me('Mars/Olympus_Mons'), () => answer(500, {})),
    );
    const view = renderInDom(<Session />);
    await view.until(() => textOf(view.container).includes('does not know'));
    expect(textOf(view.container)).toContain(
      `This browser does not know this zone: times are shown in ${browserTimeZone.replaceAll('_', ' ')}`,
    );
  });

  it('switches to this browser’s zone in one click: the cached person follows, and so does every time shown', async () => {
    const fetch = server(me(elsewhere), (body) => answer(200, me(String(body.timeZone), { version: 4, csrfToken: 'csrf-2' })));
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<Session />);
    await view.until(() => textOf(view.container).includes('Every time'));
    expect(readerTimeZone()).toBe(elsewhere);

    const label = buttons(view.container).find((b) => b?.startsWith(useBrowserLabel(browserTimeZone))) as string;
    await view.click(label);
    await view.until(() => readerTimeZone() === browserTimeZone);

    expect(sent(fetch)).toEqual([
      { method: 'GET', url: '/api/v1/me' },
      { method: 'PATCH', url: '/api/v1/me', body: { version: 3, timeZone: browserTimeZone } },
    ]);
    expect(readerTimeZone()).toBe(browserTimeZone);
    expect(view.container.querySelector('[role="status"]')?.textContent).toMatch(
      new RegExp(`^Saved\\. Every time is shown in ${browserTimeZone.replaceAll('_', ' ')} \\(`),
    );
    // The switch is gone: the account's zone is now the browser's.
    expect(buttons(view.container)).toEqual(['Edit name and time zone']);
    // The next write carries the new session token the answer brought.
    await view.click('Edit name and time zone');
    await view.fill('Name', 'Dana W.');
    await view.click('Save');
    const last = fetch.mock.calls.at(-1)?.[1] as RequestInit;
    expect(JSON.parse(String(last.body))).toEqual({ version: 4, name: 'Dana W.' });
    expect((last.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-2');
  });

  it('edits the name and zone in a dialog, sending only what changed with the version read', async () => {
    const fetch = server(me(elsewhere), (body) =>
      answer(200, me(String(body.timeZone ?? elsewhere), { name: String(body.name ?? 'Dana Whitfield'), version: 4 })),
    );
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<Session />);
    await view.until(() => textOf(view.container).includes('Every time'));
    await view.click('Edit name and time zone');
    expect(view.byLabel('Name').value).toBe('Dana Whitfield');
    expect(view.byLabel<HTMLSelectElement>('Time zone').value).toBe(elsewhere);

    await view.click('Save');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Not savedNothing to save: no field was changed.');
    await view.fill('Name', '   ');
    await view.click('Save');
    expect(view.errorOf('Name')).toBe('Enter your name.');
    expect(sent(fetch).filter((r) => r.method === 'PATCH')).toEqual([]);

    await view.fill('Name', ' Dana Whitfield-Berg ');
    await view.fill('Time zone', shanghai);
    await view.click('Save');
    await view.until(() => readerTimeZone() === shanghai);

    expect(sent(fetch).filter((r) => r.method === 'PATCH')).toEqual([
      { method: 'PATCH', url: '/api/v1/me', body: { version: 3, name: 'Dana Whitfield-Berg', timeZone: shanghai } },
    ]);
    expect(view.container.querySelector('dialog[open]')).toBeNull();
    expect(textOf(view.container)).toContain(`${shanghai} (GMT+`);
    expect(readerTimeZone()).toBe(shanghai);
  });

  it('says why a switch was refused, in the catalogue’s words, and reads the account again after a conflict', async () => {
    const fetch = server(me(elsewhere), () =>
      answer(409, {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'VERSION_CONFLICT',
        detail: 'Changed elsewhere (English).',
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<Session />);
    await view.until(() => textOf(view.container).includes('Every time'));
    const label = buttons(view.container).find((b) => b?.startsWith(useBrowserLabel(browserTimeZone))) as string;
    await view.click(label);
    await view.until(() => sent(fetch).length === 3);

    const alert = view.container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toMatch(/^Not saved: /);
    expect(alert).not.toContain('English');
    expect(sent(fetch).map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET']);
    expect(readerTimeZone()).toBe(elsewhere);
  });
});
