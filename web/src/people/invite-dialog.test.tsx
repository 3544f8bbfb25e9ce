// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import { InviteDialog } from './invite-dialog.js';

const invitation = { userId: 'u-new', inviteUrl: 'http://tollgate.test/invite/tgi_x', expiresAt: '2026-10-12T08:00:00.000Z' };

/** Lists answer empty; the invite answers the link. */
const server = () =>
  vi.fn(async (_url: string, init: RequestInit) =>
    init.method === 'POST' ? answer(201, invitation) : answer(200, { items: [] as unknown[] }),
  );

/** The bodies of the invites sent. */
const invites = (fetch: ReturnType<typeof vi.fn>) =>
  fetch.mock.calls
    .filter(([url, init]) => url === '/api/v1/people/invites' && (init as RequestInit).method === 'POST')
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

describe('InviteDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('leaves the time zone to the invitee’s browser unless one is chosen, and says so', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const onInvited = vi.fn(async () => {});
    const view = renderInDom(<InviteDialog onClose={vi.fn()} onInvited={onInvited} />);
    const zone = view.byLabel<HTMLSelectElement>('Time zone');
    expect(zone.value).toBe('');
    expect(zone.options[0]?.textContent).toBe("Their browser's, when they accept");
    expect([...zone.options].map((o) => o.value)).toContain('Asia/Shanghai');
    const hint = document.getElementById(zone.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    expect(hint?.textContent).toContain('accepting the invite sets the zone it runs in');

    await view.fill('Email', 'sam.ortiz@example.test');
    await view.fill('Name', 'Sam Ortiz');
    await view.click('Create invite link');
    expect(invites(fetch)).toEqual([{ email: 'sam.ortiz@example.test', name: 'Sam Ortiz', isAdmin: false, roles: [] }]);
    expect(onInvited).toHaveBeenCalledTimes(1);
  });

  it('sends the zone chosen for the invitee', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<InviteDialog onClose={vi.fn()} onInvited={vi.fn(async () => {})} />);
    await view.fill('Email', 'lin.wei@example.test');
    await view.fill('Name', 'Lin Wei');
    await view.fill('Time zone', 'Asia/Shanghai');
    await view.click('Create invite link');
    expect(invites(fetch)).toEqual([
      { email: 'lin.wei@example.test', name: 'Lin Wei', isAdmin: false, timeZone: 'Asia/Shanghai', roles: [] },
    ]);
  });
});
