// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { PlanRow } from '../lib/plan-view-queries.js';
import { SlipHistoryDialog } from './slip-history-dialog.js';

const row = { id: 'm-1', key: 'M-12', name: 'Pilot run' } as PlanRow;
const dana = { id: 'u-dana', name: 'Dana Whitfield', email: 'dana@example.test' };
const move = (day: number, reason: string) => ({
  at: `2026-04-0${day}T02:00:00.000Z`,
  by: dana,
  from: `2026-05-0${day}`,
  to: `2026-05-0${day + 1}`,
  days: 1,
  reason,
});
/** The server's pages: two moves, then the third after the cursor the first page gave. */
const pages: Record<string, unknown> = {
  first: { milestone: row, count: 3, netDays: 3, moves: [move(1, 'Resin late'), move(2, 'Tool repair')], nextCursor: 'c2xpcHN8MQ' },
  c2xpcHN8MQ: { milestone: row, count: 3, netDays: 3, moves: [move(3, 'Line busy')], nextCursor: null },
};

const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('SlipHistoryDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows later moves on request, below the moves already shown, until the last', async () => {
    const fetch = vi.fn(async (url: string) => answer(200, pages[new URL(url, 'http://x').searchParams.get('cursor') ?? 'first']));
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<SlipHistoryDialog programId="KHG-KW500" row={row} onClose={vi.fn()} />);
    await settle();
    const reasons = () => [...view.container.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild?.textContent);
    expect(reasons()).toEqual(['Resin late', 'Tool repair']);
    expect(view.container.textContent).toContain('Moved 3 times');
    const button = () => [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Show later moves');
    // The button sits after the table of moves.
    const table = view.container.querySelector('table') as HTMLTableElement;
    expect(table.compareDocumentPosition(button() as HTMLButtonElement) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await view.click('Show later moves');
    expect(reasons()).toEqual(['Resin late', 'Tool repair', 'Line busy']);
    expect(button()).toBeUndefined();
    const asked = fetch.mock.calls.map(([url]) => new URL(url, 'http://x'));
    expect(asked.map((u) => [u.pathname, u.searchParams.get('limit'), u.searchParams.get('cursor')])).toEqual([
      ['/api/v1/programs/KHG-KW500/milestones/m-1/slips', '100', null],
      ['/api/v1/programs/KHG-KW500/milestones/m-1/slips', '100', 'c2xpcHN8MQ'],
    ]);
    view.unmount();
  });
});
