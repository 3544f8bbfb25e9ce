import { describe, expect, it } from 'vitest';
import { asMilestoneId, asProgramId, asUserId } from './ids.js';
import { completeMilestone, createMilestone, editMilestone, type Milestone, milestoneRecord, moveForecast } from './milestone.js';
import type { PlainDate } from './plain-date.js';
import type { Result } from './result.js';

const d = (s: string) => s as PlainDate;
const ana = asUserId('u-ana');
const ben = asUserId('u-ben');

const m: Milestone = {
  id: asMilestoneId('m-1'),
  programId: asProgramId('p-1'),
  key: 'M-7',
  name: 'T1 samples shipped',
  phase: 'G1',
  ownerId: ana,
  baselineDate: d('2026-03-10'),
  forecastDate: d('2026-03-12'),
  actualDate: null,
  isCritical: false,
  toleranceDays: null,
  version: 3,
};
const done: Milestone = { ...m, actualDate: d('2026-03-11'), version: 4 };

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('createMilestone', () => {
  const input = {
    id: asMilestoneId('m-9'),
    programId: asProgramId('p-1'),
    key: 'M-9',
    name: '  Golden sample approved ',
    phase: 'G1' as const,
    ownerId: ana,
    baselineDate: d('2026-04-01'),
  };

  it('starts at version 1 with the forecast on the baseline, not done, not critical', () => {
    const { next } = value(createMilestone(input));
    expect(next).toMatchObject({
      name: 'Golden sample approved',
      forecastDate: '2026-04-01',
      actualDate: null,
      isCritical: false,
      version: 1,
    });
  });

  it('keeps a forecast that differs from the baseline', () => {
    expect(value(createMilestone({ ...input, forecastDate: d('2026-04-03') })).next.forecastDate).toBe('2026-04-03');
  });

  it('records every field that has a value, from null, in display order', () => {
    const { changes } = value(createMilestone({ ...input, isCritical: true }));
    expect(changes).toEqual([
      { field: 'name', oldValue: null, newValue: 'Golden sample approved' },
      { field: 'phase', oldValue: null, newValue: 'G1' },
      { field: 'ownerId', oldValue: null, newValue: 'u-ana' },
      { field: 'baselineDate', oldValue: null, newValue: '2026-04-01' },
      { field: 'forecastDate', oldValue: null, newValue: '2026-04-01' },
      { field: 'isCritical', oldValue: null, newValue: 'true' },
    ]);
  });

  it('refuses a milestone without an owner (OWNER_REQUIRED), naming the field', () => {
    expect(refusal(createMilestone({ ...input, ownerId: null }))).toMatchObject({ code: 'OWNER_REQUIRED', fields: [{ path: 'ownerId' }] });
  });

  it('an imported record may lack an owner, which stays out of its change list', () => {
    const { next, changes } = milestoneRecord({ ...input, ownerId: null });
    expect(next.ownerId).toBeNull();
    expect(changes.map((c) => c.field)).not.toContain('ownerId');
  });
});

describe('moveForecast', () => {
  it('moves the forecast, bumps the version and lists the one change', () => {
    const { next, changes } = value(moveForecast(m, d('2026-03-17'), 'Tooling rework'));
    expect(next).toEqual({ ...m, forecastDate: '2026-03-17', version: 4 });
    expect(changes).toEqual([{ field: 'forecastDate', oldValue: '2026-03-12', newValue: '2026-03-17' }]);
  });

  it('moves earlier too', () => {
    expect(value(moveForecast(m, d('2026-03-09'), 'Supplier ahead')).changes).toEqual([
      { field: 'forecastDate', oldValue: '2026-03-12', newValue: '2026-03-09' },
    ]);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['whitespace', '\t\n '],
  ])('refuses a %s reason with REASON_REQUIRED naming `reason`', (_label, reason) => {
    const e = refusal(moveForecast(m, d('2026-03-17'), reason));
    expect(e.code).toBe('REASON_REQUIRED');
    expect(e.fields?.map((f) => f.path)).toEqual(['reason']);
  });

  it('refuses to move a done milestone with MILESTONE_DONE, reason or not', () => {
    expect(refusal(moveForecast(done, d('2026-03-17'), 'Late')).code).toBe('MILESTONE_DONE');
    expect(refusal(moveForecast(done, d('2026-03-17'), undefined)).code).toBe('MILESTONE_DONE');
  });

  it('refuses a move to the current forecast with NOTHING_TO_CHANGE', () => {
    expect(refusal(moveForecast(m, m.forecastDate, 'No change')).code).toBe('NOTHING_TO_CHANGE');
  });
});

describe('editMilestone', () => {
  it('edits descriptive fields without a reason and lists each change', () => {
    const { next, changes } = value(editMilestone(m, { name: ' T1 samples dispatched ', ownerId: ben, isCritical: true }, undefined));
    expect(next).toMatchObject({ name: 'T1 samples dispatched', ownerId: 'u-ben', isCritical: true, version: 4 });
    expect(changes).toEqual([
      { field: 'name', oldValue: 'T1 samples shipped', newValue: 'T1 samples dispatched' },
      { field: 'ownerId', oldValue: 'u-ana', newValue: 'u-ben' },
      { field: 'isCritical', oldValue: 'false', newValue: 'true' },
    ]);
  });

  it('refuses to take the owner away (OWNER_REQUIRED), naming the field', () => {
    expect(refusal(editMilestone(m, { ownerId: null }, undefined))).toMatchObject({
      code: 'OWNER_REQUIRED',
      fields: [{ path: 'ownerId' }],
    });
  });

  it('changes the baseline with a reason and leaves the forecast where it is', () => {
    const { next, changes } = value(editMilestone(m, { baselineDate: d('2026-03-20') }, 'Re-plan agreed with client'));
    expect(next.forecastDate).toBe(m.forecastDate);
    expect(changes).toEqual([{ field: 'baselineDate', oldValue: '2026-03-10', newValue: '2026-03-20' }]);
  });

  it.each([
    ['missing', undefined],
    ['blank', '  '],
    ['whitespace', '\n\t'],
  ])('refuses a baseline change with a %s reason: REASON_REQUIRED', (_label, reason) => {
    const e = refusal(editMilestone(m, { baselineDate: d('2026-03-20') }, reason));
    expect(e.code).toBe('REASON_REQUIRED');
    expect(e.fields?.map((f) => f.path)).toEqual(['reason']);
  });

  it('does not ask for a reason when the baseline given equals the current one', () => {
    expect(value(editMilestone(m, { baselineDate: m.baselineDate, name: 'Renamed' }, undefined)).changes.map((c) => c.field)).toEqual([
      'name',
    ]);
  });

  it('refuses an edit that changes nothing with NOTHING_TO_CHANGE', () => {
    expect(refusal(editMilestone(m, {}, undefined)).code).toBe('NOTHING_TO_CHANGE');
    expect(refusal(editMilestone(m, { name: ` ${m.name} `, phase: 'G1', ownerId: ana, isCritical: false }, 'why not')).code).toBe(
      'NOTHING_TO_CHANGE',
    );
  });
});

describe('completeMilestone', () => {
  it('records the actual date and bumps the version', () => {
    const { next, changes } = value(completeMilestone(m, d('2026-03-11'), d('2026-03-11')));
    expect(next).toEqual({ ...m, actualDate: '2026-03-11', version: 4 });
    expect(changes).toEqual([{ field: 'actualDate', oldValue: null, newValue: '2026-03-11' }]);
  });

  it('accepts an actual date in the past', () => {
    expect(value(completeMilestone(m, d('2026-02-27'), d('2026-03-11'))).next.actualDate).toBe('2026-02-27');
  });

  it('refuses an actual date after today with ACTUAL_DATE_IN_FUTURE naming `actualDate`', () => {
    const e = refusal(completeMilestone(m, d('2026-03-12'), d('2026-03-11')));
    expect(e.code).toBe('ACTUAL_DATE_IN_FUTURE');
    expect(e.fields?.map((f) => f.path)).toEqual(['actualDate']);
  });

  it('refuses to complete a done milestone again with MILESTONE_DONE', () => {
    expect(refusal(completeMilestone(done, d('2026-03-11'), d('2026-03-11'))).code).toBe('MILESTONE_DONE');
  });
});
