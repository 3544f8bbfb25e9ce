import { describe, expect, it } from 'vitest';
import type { Result } from '../result.js';
import { apqpPpapTemplate } from './apqp-ppap.js';
import { defaultFourGateTemplate } from './default-four-gate.js';
import type { GateTemplate, MilestoneTemplate, ProgramTemplate } from './template.js';
import { atPpapLevel, findMilestoneCycle, templateLimits } from './template-rules.js';
import { shippedTemplates } from './templates.js';
import { validateTemplate } from './validate-template.js';
import { copyTemplate, editTemplate } from './workspace-template.js';

function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value;
}
const paths = (t: ProgramTemplate) => refusal(validateTemplate(t)).fields?.map((f) => f.path);
const shippedIds = shippedTemplates.map((t) => t.id);
const base = defaultFourGateTemplate;
const g1 = base.gates[0] as GateTemplate;
const ppap = apqpPpapTemplate(3);
const release = ppap.gates[3] as GateTemplate;
const withRelease = (checklist: GateTemplate['checklist']): ProgramTemplate => ({
  ...ppap,
  gates: [...ppap.gates.slice(0, 3), { ...release, checklist }],
});

describe('copyTemplate', () => {
  it('copies a shipped template under a new id and name at version 1', () => {
    const copy = value(copyTemplate(base, { id: 'acme-4-gate', name: '  ACME four gates ' }, shippedIds));
    expect(copy).toEqual({ ...base, id: 'acme-4-gate', name: 'ACME four gates', version: 1 });
  });

  it('refuses a shipped template’s id with TEMPLATE_EXISTS, and a malformed id or blank name by field', () => {
    expect(refusal(copyTemplate(base, { id: 'apqp-ppap', name: 'X' }, shippedIds))).toMatchObject({
      code: 'TEMPLATE_EXISTS',
      fields: [{ path: 'id' }],
    });
    const r = refusal(copyTemplate(base, { id: 'Not A Slug', name: ' ' }, shippedIds));
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.fields?.map((f) => f.path)).toEqual(['id', 'name']);
  });
});

describe('editTemplate', () => {
  const mine = { ...base, id: 'mine', version: 3 };

  it('changes only what is given and counts the version up', () => {
    const next = value(
      editTemplate(mine, { name: 'Mine, renamed', escalation: { responseDays: 3, forecastSlipDays: 5, riskScoreAtLeast: 12 } }),
    );
    expect(next).toEqual({
      ...mine,
      name: 'Mine, renamed',
      version: 4,
      escalation: { responseDays: 3, forecastSlipDays: 5, riskScoreAtLeast: 12 },
    });
  });

  it('refuses an edit that leaves the template invalid, naming each field', () => {
    const gates = [
      { ...g1, reviewMilestoneKey: 'NOWHERE', checklist: [...g1.checklist, g1.checklist[0]] },
      ...base.gates.slice(1),
    ] as GateTemplate[];
    const r = refusal(editTemplate(mine, { gates }));
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.fields?.map((f) => f.path)).toEqual(['gates[0].reviewMilestoneKey', `gates[0].checklist[${g1.checklist.length}].key`]);
  });

  it('refuses a PPAP level for a template without PPAP', () => {
    expect(refusal(editTemplate(mine, { ppapLevel: 4 })).fields).toEqual([
      { path: 'ppapLevel', message: 'Only for a template with PPAP.' },
    ]);
  });

  it('re-derives each PPAP element’s requirement for another level, the same as the shipped template at that level', () => {
    const copy = { ...ppap, id: 'my-ppap' };
    const next = value(editTemplate(copy, { ppapLevel: 5 }));
    const shipped5 = apqpPpapTemplate(5);
    expect(next.ppapLevel).toBe(5);
    expect(next.version).toBe(2);
    expect(next.gates[3]?.checklist).toEqual(shipped5.gates[3]?.checklist);
    expect(next.gates[3]?.closeCriteria).toEqual(shipped5.gates[3]?.closeCriteria);
    expect(atPpapLevel(ppap, 3)).toBe(ppap);
  });
});

describe('template bounds and rules', () => {
  it('refuses more gates than the plan has phases, more items and milestones than the limits', () => {
    const g5: GateTemplate = {
      ...g1,
      key: 'G5',
      reviewMilestoneKey: 'R5',
      checklist: [{ ...(g1.checklist[0] as GateTemplate['checklist'][number]), key: 'X5' }],
    };
    const m5: MilestoneTemplate = { key: 'R5', name: 'Review 5', gateKey: 'G5', predecessors: [], isCritical: false };
    expect(paths({ ...base, gates: [...base.gates, g5], milestones: [...base.milestones, m5] })).toContain('gates');
    const many = Array.from({ length: templateLimits.itemsPerGate + 1 }, (_, i) => ({
      ...(g1.checklist[0] as GateTemplate['checklist'][number]),
      key: `MANY-${i}`,
    }));
    expect(paths({ ...base, gates: [{ ...g1, checklist: many }, ...base.gates.slice(1)] })).toEqual(['gates[0].checklist']);
    const extra = Array.from(
      { length: templateLimits.milestones },
      (_, i): MilestoneTemplate => ({
        key: `EXTRA-${i}`,
        name: `Extra ${i}`,
        gateKey: 'G1',
        predecessors: [],
        isCritical: false,
      }),
    );
    expect(paths({ ...base, milestones: [...base.milestones, ...extra] })).toEqual(['milestones']);
  });

  it('names a cycle among the standard milestones, and a predecessor listed later that makes none', () => {
    const milestones: MilestoneTemplate[] = base.milestones.map((m, i) =>
      i === 0 ? { ...m, predecessors: [{ milestoneKey: (base.milestones[2] as MilestoneTemplate).key, lagDays: 1 }] } : m,
    );
    const cycle = findMilestoneCycle(milestones);
    expect(cycle?.[0]).toBe(cycle?.at(-1));
    const r = refusal(validateTemplate({ ...base, milestones }));
    expect(r.fields?.[0]?.path).toBe('milestones[0].predecessors[0].milestoneKey');
    expect(r.fields?.[0]?.message).toMatch(/go round in a cycle/);
    expect(findMilestoneCycle(base.milestones)).toBeNull();
  });

  it('refuses lags and item offsets out of bounds', () => {
    const item = g1.checklist[0] as GateTemplate['checklist'][number];
    const gates = [{ ...g1, checklist: [{ ...item, dueOffsetDays: -251 }, ...g1.checklist.slice(1)] }, ...base.gates.slice(1)];
    expect(paths({ ...base, gates })).toEqual(['gates[0].checklist[0].dueOffsetDays']);
    const m1 = base.milestones[1] as MilestoneTemplate;
    const milestones = base.milestones.map((m, i) =>
      i === 1 ? { ...m1, predecessors: m1.predecessors.map((p) => ({ ...p, lagDays: 251 })) } : m,
    );
    expect(paths({ ...base, milestones })).toEqual(['milestones[1].predecessors[0].lagDays']);
  });

  it('keeps PPAP rules: requirements as the level says, each element once, one gate, the warrant required and last', () => {
    const items = release.checklist;
    const psw = items.at(-1) as GateTemplate['checklist'][number];
    const first = items[0] as GateTemplate['checklist'][number];
    expect(validateTemplate(withRelease(items)).ok).toBe(true);
    const wrong = { ...first, ppap: { element: 1, requirement: 'retain' as const, isReviewedAtSupplierSite: false } };
    expect(refusal(validateTemplate(withRelease([wrong, ...items.slice(1)]))).fields).toEqual([
      { path: 'gates[3].checklist[0].ppap.requirement', message: 'At PPAP level 3, element 1 is "submit".' },
    ]);
    expect(paths(withRelease([...items.slice(0, -1), { ...first, key: 'AGAIN' }, psw]))).toEqual(['gates[3].checklist[17].ppap.element']);
    expect(paths(withRelease(items.slice(0, -1)))).toEqual(['gates']);
    expect(paths(withRelease([...items.slice(0, -1), { ...psw, isRequired: false }]))).toEqual(['gates[3].checklist[17].isRequired']);
    expect(paths(withRelease([psw, ...items.slice(0, -1)]))).toEqual(['gates[3].checklist[0].ppap']);
    const moved = {
      ...ppap,
      gates: ppap.gates.map((g, i) =>
        i === 0 ? { ...g, checklist: [...g.checklist, first] } : i === 3 ? { ...g, checklist: items.slice(1) } : g,
      ),
    };
    expect(paths(moved)).toEqual([`gates[0].checklist[${(ppap.gates[0] as GateTemplate).checklist.length}].ppap`]);
    expect(paths({ ...base, gates: [{ ...g1, checklist: [{ ...first }] }, ...base.gates.slice(1)] })).toEqual([
      'gates[0].checklist[0].ppap',
    ]);
  });
});
