// @vitest-environment jsdom
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import { SearchPage } from './search-page.js';

const hit = (kind: string, key: string | null, title: string, status = 'open') => ({
  kind,
  programCode: 'KHG-KW500',
  programName: 'Kettle KW-500',
  key,
  title,
  status,
});
const results = {
  q: 'pilot',
  groups: [
    { kind: 'program', items: [], hasMore: false },
    {
      kind: 'milestone',
      items: [hit('milestone', 'M-21', 'Pilot run', 'done'), hit('milestone', 'M-22', 'Pilot run report')],
      hasMore: true,
    },
    { kind: 'decision', items: [hit('decision', 'D-3', 'Pilot run at 50% rate?', 'decided')], hasMore: false },
    { kind: 'risk', items: [], hasMore: false },
    { kind: 'action', items: [hit('action', 'A-4', 'Chase pilot parts')], hasMore: false },
  ],
};

describe('SearchPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('asks the API for the words in the address and shows the hits grouped by kind, each a link to its page', async () => {
    const fetch = vi.fn(async () => answer(200, results));
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(
      <MemoryRouter initialEntries={['/search?q=%20pilot%20']}>
        <SearchPage />
      </MemoryRouter>,
    );
    await view.until(() => view.container.querySelectorAll('.search-hits a').length === 4);
    expect(String((fetch.mock.calls[0] as unknown as [string])[0])).toBe('/api/v1/search?q=pilot');
    expect([...view.container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['2 milestones', '1 decision', '1 action']);
    const links = [...view.container.querySelectorAll<HTMLAnchorElement>('.search-hits a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['M-21 Pilot run', '/programs/KHG-KW500#M-21'],
      ['M-22 Pilot run report', '/programs/KHG-KW500#M-22'],
      ['D-3 Pilot run at 50% rate?', '/programs/KHG-KW500/decisions/D-3'],
      ['A-4 Chase pilot parts', '/programs/KHG-KW500/actions#A-4'],
    ]);
    expect(view.container.textContent).toContain('There are more: add a word to narrow the search.');
    expect(view.container.textContent).toContain('KHG-KW500 · Kettle KW-500 · done');
  });

  it('says plainly when nothing is found, and offers no Try again for a refused query', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(200, { q: 'zzz', groups: results.groups.map((g) => ({ ...g, items: [], hasMore: false })) })),
    );
    const none = renderInDom(
      <MemoryRouter initialEntries={['/search?q=zzz']}>
        <SearchPage />
      </MemoryRouter>,
    );
    await none.until(() => (none.container.textContent ?? '').includes('Nothing found in the programs you can see.'));
    document.body.innerHTML = '';

    const refusal = {
      type: '/docs/errors#validation_failed',
      title: 'Validation failed',
      status: 422,
      detail: 'q: Too long',
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'q', message: 'Too big' }],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(422, refusal)),
    );
    const refused = renderInDom(
      <MemoryRouter initialEntries={[`/search?q=${'x'.repeat(101)}`]}>
        <SearchPage />
      </MemoryRouter>,
    );
    await refused.until(() => refused.container.querySelector('[role="alert"]') !== null);
    expect([...refused.container.querySelectorAll('button')].map((b) => b.textContent)).toEqual([]);
  });
});
