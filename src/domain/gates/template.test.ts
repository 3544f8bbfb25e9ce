import { describe, expect, it } from 'vitest';
import type { Result } from '../result.js';
import type { ChecklistItemTemplate, GateTemplate, MilestoneTemplate, ProgramTemplate } from './template.js';
import { validateTemplate } from './validate-template.js';

function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const item: ChecklistItemTemplate = {
  key: 'I1',
  title: 'Golden sample approved',
  description: '',
  isRequired: true,
  ownerRole: 'quality_owner',
  dueOffsetDays: -5,
};
const kickoff: MilestoneTemplate = { key: 'KICKOFF', name: 'Kickoff', gateKey: 'G1', predecessors: [], isCritical: false };

const gate = (key: string, review: string, itemKey: string): GateTemplate => ({
  key,
  name: `Gate ${key}`,
  closeCriteria: 'Everything needed is true.',
  decidedBy: 'decision_owner',
  ownerRole: 'cadence_owner',
  gatekeeperRoles: ['quality_owner'],
  warningDays: 10,
  reviewMilestoneKey: review,
  checklist: [
    { key: itemKey, title: 'Golden sample approved', description: '', isRequired: true, ownerRole: 'quality_owner', dueOffsetDays: -5 },
  ],
});

const small: ProgramTemplate = {
  id: 'small',
  name: 'Small',
  version: 1,
  description: 'Two gates.',
  ppapLevel: null,
  gates: [gate('G1', 'R1', 'I1'), gate('G2', 'R2', 'I2')],
  milestones: [
    kickoff,
    { key: 'R1', name: 'G1 review', gateKey: 'G1', predecessors: [{ milestoneKey: 'KICKOFF', lagDays: 10 }], isCritical: true },
    { key: 'R2', name: 'G2 review', gateKey: 'G2', predecessors: [{ milestoneKey: 'R1', lagDays: 20 }], isCritical: true },
  ],
  escalation: { responseDays: 2, forecastSlipDays: 5, riskScoreAtLeast: 15 },
};

const paths = (t: ProgramTemplate) => refusal(validateTemplate(t)).fields?.map((f) => f.path);

describe('validateTemplate', () => {
  it('accepts a consistent template as it is', () => {
    expect(validateTemplate(small)).toEqual({ ok: true, value: small });
  });

  it('refuses empty names, criteria and titles with VALIDATION_FAILED, naming each field', () => {
    const r = refusal(
      validateTemplate({
        ...small,
        name: ' ',
        gates: [
          {
            ...gate('G1', 'R1', 'I1'),
            name: '',
            closeCriteria: '',
            checklist: [{ ...item, title: ' ' }],
          },
          small.gates[1] as GateTemplate,
        ],
        milestones: small.milestones.map((m, i) => (i === 0 ? { ...m, name: '' } : m)),
      }),
    );
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.fields?.map((f) => f.path)).toEqual([
      'name',
      'gates[0].name',
      'gates[0].closeCriteria',
      'gates[0].checklist[0].title',
      'milestones[0].name',
    ]);
  });

  it('refuses duplicate checklist item, milestone and review milestone keys', () => {
    expect(paths({ ...small, gates: [gate('G1', 'R1', 'I1'), gate('G2', 'R2', 'I1')] })).toEqual(['gates[1].checklist[0].key']);
    expect(paths({ ...small, milestones: [...small.milestones, { ...kickoff, predecessors: [] }] })).toEqual(['milestones[3].key']);
    const r = refusal(validateTemplate({ ...small, gates: [gate('G1', 'R1', 'I1'), gate('G2', 'R1', 'I2')] }));
    expect(r.fields).toEqual([
      { path: 'gates[1].reviewMilestoneKey', message: 'R1 belongs to G1, not G2.' },
      { path: 'gates[1].reviewMilestoneKey', message: 'Duplicate review milestone key R1.' },
    ]);
  });

  it('refuses unknown references: review milestone, a milestone’s gate and predecessors', () => {
    expect(paths({ ...small, gates: [gate('G1', 'NOPE', 'I1'), small.gates[1] as GateTemplate] })).toEqual(['gates[0].reviewMilestoneKey']);
    const milestones = [
      { key: 'KICKOFF', name: 'Kickoff', gateKey: 'G9', predecessors: [{ milestoneKey: 'KICKOFF', lagDays: 0 }], isCritical: false },
      { key: 'R1', name: 'G1 review', gateKey: 'G1', predecessors: [{ milestoneKey: 'R2', lagDays: 1 }], isCritical: true },
      { key: 'R2', name: 'G2 review', gateKey: 'G2', predecessors: [{ milestoneKey: 'GHOST', lagDays: -1 }], isCritical: true },
    ];
    const r = refusal(validateTemplate({ ...small, milestones }));
    expect(r.fields?.map((f) => f.path)).toEqual([
      'milestones[0].gateKey',
      'milestones[0].predecessors[0].milestoneKey',
      'milestones[1].predecessors[0].milestoneKey',
      'milestones[2].predecessors[0].milestoneKey',
      'milestones[2].predecessors[0].lagDays',
    ]);
    expect(r.fields?.[1]?.message).toBe('A milestone cannot follow itself.');
    expect(r.fields?.[2]?.message).toBe('No milestone R2 listed before R1.');
  });

  it('refuses gates out of order, without a checklist, with a decider or role it does not know', () => {
    const odd = {
      ...gate('G3', 'R2', 'I2'),
      checklist: [],
      decidedBy: 'buyer' as never,
      ownerRole: 'observer' as never,
      gatekeeperRoles: ['supplier' as never],
      warningDays: 1.5,
    };
    expect(paths({ ...small, gates: [small.gates[0] as GateTemplate, odd] })).toEqual([
      'gates[1].key',
      'gates[1].decidedBy',
      'gates[1].ownerRole',
      'gates[1].gatekeeperRoles[0]',
      'gates[1].warningDays',
      'gates[1].reviewMilestoneKey',
      'gates[1].checklist',
      'milestones[2].gateKey',
    ]);
    expect(paths({ ...small, gates: [] })).toEqual(['gates', 'milestones[0].gateKey', 'milestones[1].gateKey', 'milestones[2].gateKey']);
  });

  it('refuses checklist items due after the review, with bad keys, unknown owners or control characters', () => {
    const g = gate('G1', 'R1', 'i 1');
    const bad = {
      ...g,
      checklist: [{ ...item, key: 'i 1', ownerRole: 'buyer' as never, dueOffsetDays: 3, description: 'bad\u0000' }],
    };
    const r = refusal(validateTemplate({ ...small, gates: [bad, small.gates[1] as GateTemplate] }));
    expect(r.fields?.map((f) => f.path)).toEqual([
      'gates[0].checklist[0].key',
      'gates[0].checklist[0].description',
      'gates[0].checklist[0].ownerRole',
      'gates[0].checklist[0].dueOffsetDays',
    ]);
    expect(r.fields?.[3]?.message).toContain('on or before the review');
  });

  it('refuses a bad id, version, PPAP level, text too long and escalation settings out of range', () => {
    const r = refusal(
      validateTemplate({
        ...small,
        id: 'Has Spaces',
        version: 0,
        ppapLevel: 6 as never,
        description: 'x'.repeat(5001),
        escalation: { responseDays: 0, forecastSlipDays: -1, riskScoreAtLeast: 26 },
      }),
    );
    expect(r.fields?.map((f) => f.path)).toEqual([
      'id',
      'description',
      'version',
      'ppapLevel',
      'escalation.responseDays',
      'escalation.forecastSlipDays',
      'escalation.riskScoreAtLeast',
    ]);
    expect(r.message).toBe('Template Has Spaces v0 is not usable: 7 problem(s).');
    expect(paths({ ...small, name: 'a\u202Eb' })).toEqual(['name']);
  });
});
