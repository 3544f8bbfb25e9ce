import { describe, expect, it } from 'vitest';
import { entryKind, linkStory, referenceKindOf, toldFields } from './change-story.js';

const f = (field: string, oldValue: string | null, newValue: string | null) => ({ field, oldValue, newValue });

describe('change story', () => {
  it('tells an addition and a removal by the field a record always holds, not by empty values', () => {
    expect(entryKind('milestone', [f('name', null, 'Pilot run'), f('phase', null, 'G2')])).toBe('added');
    // An update that fills an empty field is a change, not an addition.
    expect(entryKind('milestone', [f('actualDate', null, '2026-03-04')])).toBe('changed');
    expect(entryKind('milestone_link', [f('predecessorId', 'a', null), f('lagDays', '5', null)])).toBe('removed');
    expect(entryKind('membership', [f('role', 'observer', null)])).toBe('removed');
    expect(entryKind('something_new', [f('x', null, '1')])).toBe('changed');
  });

  it('names the kind of record an id stands for, also through a link’s sibling field', () => {
    expect(referenceKindOf('ownerId', [], 'new')).toBe('person');
    expect(referenceKindOf('toId', [f('toEntity', null, 'decision')], 'new')).toBe('decision');
    expect(referenceKindOf('toId', [f('toEntity', 'risk', null)], 'old')).toBe('risk');
    expect(referenceKindOf('name', [], 'new')).toBeNull();
  });

  it('tells an addition without its title, the program or empty values, and a removal by its name alone', () => {
    const added = [
      f('programId', null, 'p'),
      f('key', null, 'M-2'),
      f('name', null, 'Pilot'),
      f('phase', null, 'G2'),
      f('actualDate', null, null),
    ];
    expect(toldFields('milestone', 'added', added).map((x) => x.field)).toEqual(['phase']);
    expect(toldFields('milestone', 'changed', [f('name', 'A', 'B')]).map((x) => x.field)).toEqual(['name']);
    expect(toldFields('milestone', 'removed', added)).toEqual([]);
    const link = [f('fromEntity', null, 'decision'), f('fromId', null, 'd'), f('toEntity', null, 'milestone'), f('toId', null, 'm')];
    expect(toldFields('link', 'added', link)).toEqual([]);
    const role = [f('userId', null, 'u'), f('programId', null, 'p'), f('clientId', null, null), f('role', null, 'observer')];
    expect(toldFields('membership', 'added', role).map((x) => x.field)).toEqual(['role']);
  });

  it('tells a dependency as one line: its ends from its key, its lag', () => {
    const fields = [f('predecessorId', null, 'a'), f('successorId', null, 'b'), f('lagDays', null, '-3')];
    expect(linkStory('milestone_link', 'M-33→M-35', fields)).toEqual({ kind: 'added', from: 'M-33', to: 'M-35', lagDays: -3 });
    expect(linkStory('milestone', 'M-33', fields)).toBeNull();
    expect(linkStory('milestone_link', 'M-1→M-2', [f('lagDays', '1', '2')])).toBeNull();
  });
});
