import { describe, expect, it } from 'vitest';
import { diffFields } from './change.js';

interface Row {
  name: string;
  owner: string | null;
  size: number;
  isCritical: boolean;
}
const fields = ['name', 'owner', 'size', 'isCritical'] as const;
const before: Row = { name: 'Kettle', owner: 'ana', size: 3, isCritical: false };

describe('diffFields', () => {
  it('lists nothing when nothing differs', () => {
    expect(diffFields(before, { ...before }, fields)).toEqual([]);
  });

  it('lists each changed field with old and new value as text, in the order given', () => {
    const after: Row = { name: 'Kettle KW-500', owner: null, size: 12, isCritical: true };
    expect(diffFields(before, after, ['isCritical', 'size', 'owner', 'name'])).toEqual([
      { field: 'isCritical', oldValue: 'false', newValue: 'true' },
      { field: 'size', oldValue: '3', newValue: '12' },
      { field: 'owner', oldValue: 'ana', newValue: null },
      { field: 'name', oldValue: 'Kettle', newValue: 'Kettle KW-500' },
    ]);
  });

  it('looks only at the fields named', () => {
    expect(diffFields(before, { ...before, size: 4, name: 'Other' }, ['size'])).toEqual([{ field: 'size', oldValue: '3', newValue: '4' }]);
  });

  it('treats a new record as changing every non-null field from null', () => {
    expect(diffFields(null, before, fields)).toEqual([
      { field: 'name', oldValue: null, newValue: 'Kettle' },
      { field: 'owner', oldValue: null, newValue: 'ana' },
      { field: 'size', oldValue: null, newValue: '3' },
      { field: 'isCritical', oldValue: null, newValue: 'false' },
    ]);
    expect(diffFields(null, { ...before, owner: null }, fields).map((c) => c.field)).toEqual(['name', 'size', 'isCritical']);
  });

  it('sees null → value and value → null, and keeps 0 and false apart from null', () => {
    expect(diffFields({ ...before, owner: null }, before, fields)).toEqual([{ field: 'owner', oldValue: null, newValue: 'ana' }]);
    expect(diffFields({ ...before, size: 1 }, { ...before, size: 0 }, fields)).toEqual([{ field: 'size', oldValue: '1', newValue: '0' }]);
  });
});
