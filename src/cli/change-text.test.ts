import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../contract/change.js';
import { entryText } from './change-text.js';

const entry = (over: Partial<ChangeEntry> & Pick<ChangeEntry, 'kind' | 'record' | 'fields'>): ChangeEntry => ({
  id: 'c1',
  at: '2026-03-04T09:00:00.000Z',
  by: { id: 'u1', name: 'Dana Whitfield', email: 'lead@demo.test' },
  reason: null,
  correlationId: 'k1',
  ...over,
});
const f = (field: string, oldValue: string | null, newValue: string | null, names: { oldName?: string; newName?: string } = {}) => ({
  field,
  oldValue,
  newValue,
  oldName: names.oldName ?? null,
  newName: names.newName ?? null,
});

describe('entryText', () => {
  it('tells a dependency added or removed as one line with its lag', () => {
    const fields = [
      f('programId', null, 'p1'),
      f('predecessorId', null, 'a', { newName: 'M-33' }),
      f('successorId', null, 'b'),
      f('lagDays', null, '5'),
    ];
    expect(entryText(entry({ kind: 'added', record: { entity: 'milestone_link', id: 'l', key: 'M-33→M-35', title: null }, fields }))).toBe(
      'M-33 → M-35 added, lag 5 business days',
    );
    const gone = fields.map((x) => ({ ...x, oldValue: x.newValue, newValue: null, oldName: x.newName, newName: null }));
    expect(
      entryText(entry({ kind: 'removed', record: { entity: 'milestone_link', id: 'l', key: 'M-1→M-2', title: null }, fields: gone })),
    ).toBe('M-1 → M-2 removed, lag 5 business days');
  });

  it('tells the fields of one write together, ids by name', () => {
    const text = entryText(
      entry({
        kind: 'changed',
        record: { entity: 'milestone', id: 'm', key: 'M-33', title: 'Tooling T1 approved' },
        fields: [f('ownerId', null, 'u2', { newName: 'Lin Wei' }), f('isCritical', 'false', 'true')],
      }),
    );
    expect(text).toBe('M-33 Tooling T1 approved: owner — → Lin Wei; critical no → yes');
  });

  it('tells an addition by the values it was added with, leaving out the title, the program and empty values', () => {
    const text = entryText(
      entry({
        kind: 'added',
        record: { entity: 'milestone', id: 'm', key: 'M-2', title: 'Pilot run' },
        fields: [
          f('programId', null, 'p'),
          f('key', null, 'M-2'),
          f('name', null, 'Pilot run'),
          f('phase', null, 'G2'),
          f('actualDate', null, null),
        ],
      }),
    );
    expect(text).toBe('M-2 Pilot run added: phase G2');
  });

  it('names a role granted in words (cadence owner), not as its code, as the web does', () => {
    const grant = (role: string) =>
      entryText(
        entry({
          kind: 'added',
          record: { entity: 'membership', id: 'r', key: null, title: 'Sam Ortiz' },
          fields: [
            f('userId', null, 'u2', { newName: 'Sam Ortiz' }),
            f('programId', null, 'p'),
            f('clientId', null, null),
            f('role', null, role),
          ],
        }),
      );
    expect(grant('cadence_owner')).toBe('role of Sam Ortiz added: role cadence owner');
    expect(grant('quality_owner')).toContain('role quality owner');
    expect(grant('quality_owner')).not.toContain('_');
    // Only a membership's role is a role: the same text elsewhere is told as it was written.
    const named = entryText(
      entry({
        kind: 'changed',
        record: { entity: 'milestone', id: 'm', key: 'M-4', title: 'cadence_owner' },
        fields: [f('name', 'Pilot run', 'cadence_owner')],
      }),
    );
    expect(named).toBe('M-4 cadence_owner: name Pilot run → cadence_owner');
  });
});
