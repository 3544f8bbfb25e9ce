import { describe, expect, it } from 'vitest';
import { apqpPpapTemplate, apqpPpapTemplateV1 } from './apqp-ppap.js';
import { defaultFourGateTemplate } from './default-four-gate.js';
import { type ProgramTemplate, ppapLevels } from './template.js';
import { shippedTemplates } from './templates.js';
import { validateTemplate } from './validate-template.js';

const problems = (t: ProgramTemplate) => {
  const r = validateTemplate(t);
  return r.ok ? [] : (r.error.fields ?? [r.error.message]);
};

describe('shipped templates', () => {
  it('are both valid, each with its id and version', () => {
    expect(shippedTemplates.map((t) => [t.id, t.version, problems(t)])).toEqual([
      ['default-4-gate', 1, []],
      ['apqp-ppap', 1, []],
    ]);
  });

  it('the APQP template is valid at every PPAP level, its release gate generated for that level', () => {
    for (const level of ppapLevels) {
      const t = apqpPpapTemplate(level);
      expect(problems(t)).toEqual([]);
      expect(t.ppapLevel).toBe(level);
      const release = t.gates.at(-1);
      expect(release?.checklist).toHaveLength(18);
      expect(release?.checklist.at(-1)?.key).toBe('PPAP-18-PSW');
    }
    expect(apqpPpapTemplateV1.ppapLevel).toBe(3);
  });

  it('the default template has the four contract-manufacturing gates, 6–10 items each, a review milestone per gate', () => {
    const t = defaultFourGateTemplate;
    expect(t.gates.map((g) => [g.key, g.name, g.warningDays])).toEqual([
      ['G1', 'Pre-production readiness', 10],
      ['G2', 'Pilot run checks', 10],
      ['G3', 'Active run control', 10],
      ['G4', 'Release preparation', 10],
    ]);
    for (const g of t.gates) {
      expect(g.checklist.length).toBeGreaterThanOrEqual(6);
      expect(g.checklist.length).toBeLessThanOrEqual(10);
      expect(t.milestones.find((m) => m.key === g.reviewMilestoneKey)?.gateKey).toBe(g.key);
    }
    const titles = t.gates.flatMap((g) => g.checklist.map((c) => c.title));
    for (const expected of ['Golden sample approved', 'First-article inspection passed', 'Change control in force', 'Release approval'])
      expect(titles).toContain(expected);
    expect(new Set(t.gates.map((g) => g.decidedBy))).toEqual(new Set(['decision_owner', 'gate_owner']));
  });

  it('every milestone but the first follows another with a lag in business days', () => {
    for (const t of shippedTemplates) {
      const [first, ...rest] = t.milestones;
      expect(first?.predecessors).toEqual([]);
      for (const m of rest) expect(m.predecessors.length, m.key).toBeGreaterThan(0);
    }
  });
});
