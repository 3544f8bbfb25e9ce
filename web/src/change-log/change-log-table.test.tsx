// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../src/contract/change.js';
import { renderInDom } from '../forms/test-dom.js';
import { ChangeLogTable } from './change-log-table.js';

const dana = { id: 'u-dana', name: 'Dana Whitfield', email: 'dana@example.test' };
const f = (
  field: string,
  oldValue: string | null,
  newValue: string | null,
  newName: string | null = null,
  oldName: string | null = null,
) => ({
  field,
  oldValue,
  newValue,
  oldName,
  newName,
});
const entry = (id: string, over: Pick<ChangeEntry, 'kind' | 'record' | 'fields'> & { reason?: string | null }): ChangeEntry => ({
  id,
  at: '2026-03-04T09:00:00.000Z',
  by: dana,
  correlationId: `k-${id}`,
  reason: null,
  ...over,
});

const entries: ChangeEntry[] = [
  entry('1', {
    kind: 'added',
    record: { entity: 'milestone_link', id: 'l', key: 'M-33→M-35', title: null },
    fields: [
      f('programId', null, 'p'),
      f('predecessorId', null, 'a', 'M-33'),
      f('successorId', null, 'b', 'M-35'),
      f('lagDays', null, '5'),
    ],
  }),
  entry('2', {
    kind: 'changed',
    reason: 'Lin runs tooling now',
    record: { entity: 'milestone', id: 'm', key: 'M-33', title: 'Tooling T1 approved' },
    fields: [f('ownerId', null, 'u-lin', 'Lin Wei'), f('forecastDate', '2026-04-01', '2026-04-08')],
  }),
  entry('3', {
    kind: 'removed',
    record: { entity: 'membership', id: 'r', key: null, title: 'Lin Wei' },
    fields: [f('userId', 'u-lin', null, null, 'Lin Wei'), f('role', 'observer', null)],
  }),
];

describe('ChangeLogTable', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('tells each write as one row: a dependency as one line, a change with its fields together, ids by name', () => {
    const { container } = renderInDom(<ChangeLogTable entries={entries} empty="Nothing" />);
    const rows = [...container.querySelectorAll('tbody tr')].map((r) => r.querySelector('th')?.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toBe('M-33 → M-35 added, lag 5 business days');
    expect(rows[1]).toMatch(/^M-33 Tooling T1 approvedowner none → to Lin Weiforecast date .+ → to .+$/);
    expect(rows[2]).toBe('Role of Lin Wei removed');
    const reasons = [...container.querySelectorAll('tbody tr td:last-child')].map((c) => c.textContent);
    expect(reasons[1]).toBe('Lin runs tooling now');
    expect(reasons[0]).toContain('no reason given');
    // No raw id is shown anywhere.
    expect(container.textContent).not.toMatch(/u-lin|u-dana/);
  });

  it('says what an empty list means', () => {
    const { container } = renderInDom(<ChangeLogTable entries={[]} empty="No changes match these filters." />);
    expect(container.querySelector('tbody')?.textContent).toBe('No changes match these filters.');
  });
});
