import { describe, expect, it } from 'vitest';
import { phases } from '../../domain/milestone.js';
import { demoPrograms } from './demo-data.js';
import type { DemoTexts } from './demo-texts.js';
import { gateReviewNames, milestoneSteps } from './milestone-steps.js';

/** The texts a reader scans in lists, search results and reports, by kind. */
function titlesOf(t: DemoTexts): Record<string, readonly string[]> {
  const risks = [t.risks.watched, t.risks.rising, t.risks.passed, t.risks.happened, t.risks.mitigating, t.risks.fresh];
  return {
    'milestone name': t.plan.map(([, name]) => name),
    'risk title': risks.flatMap((r) => (r ? [r.title] : [])),
    'decision statement': [
      ...t.decisions.flatMap((d) => [d.statement, ...(d.superseded ? [d.superseded.statement] : [])]),
      ...(t.replan ? [t.replan.statement] : []),
    ],
    // A realized risk opens an action under its own title.
    'action title': [...t.actions.map((a) => a.title), t.risks.happened.realized.action],
    'slip reason': t.slips,
    'baseline name': t.replan ? [t.replan.baselineName] : [],
    'floor event title': (t.floor ?? []).map((e) => e.title),
  };
}

/** Two texts are the same when they differ only in case and spacing. */
const same = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

// Decided here: only the gate reviews (G1…G4) may carry the same name in two programs. They are the
// gates of Tollgate's own process, the same event on every program; every other milestone is work on
// one product and is named for it.
const sharedByDesign = new Set(Object.values(gateReviewNames).map(same));

describe('the demo programs read as programs of their own', () => {
  it('no milestone name, risk title, decision statement, action title, slip reason or floor event is repeated in another program', () => {
    const seen = new Map<string, Set<string>>();
    for (const p of demoPrograms) {
      for (const [kind, texts] of Object.entries(titlesOf(p.texts))) {
        for (const text of texts) {
          const key = `${kind}: ${same(text)}`;
          seen.set(key, (seen.get(key) ?? new Set()).add(p.code));
        }
      }
    }
    const repeated = [...seen].filter(([key, codes]) => codes.size > 1 && !sharedByDesign.has(key.replace(/^milestone name: /, '')));
    expect(repeated.map(([key, codes]) => `${key} (${[...codes].join(', ')})`)).toEqual([]);
    // The exception is used: every program passes the same gates under the same names.
    const gates = [...seen].filter(([key]) => sharedByDesign.has(key.replace(/^milestone name: /, '')));
    expect(gates.length).toBe(4);
    expect(gates.every(([, codes]) => codes.size > 1)).toBe(true);
  });

  it('within one program, no two records of a kind share a title', () => {
    for (const p of demoPrograms) {
      for (const [kind, texts] of Object.entries(titlesOf(p.texts))) {
        const repeated = texts.filter((t, i) => texts.findIndex((u) => same(u) === same(t)) !== i);
        expect(repeated, `${p.code} ${kind}`).toEqual([]);
      }
    }
  });

  it('each plan takes its steps from the standard plan in order, one per milestone, through every phase', () => {
    const order = milestoneSteps.map((s) => s.step as string);
    for (const p of demoPrograms) {
      const steps = p.texts.plan.map(([step]) => step);
      expect(steps.length, p.code).toBe(p.milestones);
      const at = steps.map((s) => order.indexOf(s));
      expect(
        at.every((i, n) => n === 0 || i > (at[n - 1] as number)),
        `${p.code} steps in the standard order, none twice`,
      ).toBe(true);
      expect([steps[0], steps.at(-1)], p.code).toEqual(['kickoff', 'g4Review']);
      const phasesUsed = new Set(at.map((i) => milestoneSteps[i]?.phase));
      expect([...phasesUsed], p.code).toEqual([...phases]);
      // A gate review goes by its Tollgate name, and no other milestone takes one.
      for (const [step, name] of p.texts.plan) {
        const gate = (gateReviewNames as Record<string, string>)[step];
        expect(gate === undefined ? !sharedByDesign.has(same(name)) : name === gate, `${p.code} ${step}: ${name}`).toBe(true);
      }
    }
  });

  it('keeps the shapes the loader writes: 4-6 risks, a few decisions and actions, re-plans where the portfolio has them', () => {
    for (const p of demoPrograms) {
      const t = p.texts;
      const risks = titlesOf(t)['risk title'] ?? [];
      expect(risks.length, p.code).toBeGreaterThanOrEqual(4);
      expect(risks.length, p.code).toBeLessThanOrEqual(6);
      expect(t.decisions.length, p.code).toBeGreaterThanOrEqual(2);
      expect(t.actions.length, p.code).toBeGreaterThanOrEqual(5);
      expect(t.slips.length, p.code).toBeGreaterThan(0);
    }
    expect(demoPrograms.filter((p) => p.texts.replan).map((p) => p.code)).toEqual(['NW-BOTTLE', 'KHG-HB20']);
    // One superseded chain and the records imported without a date, for the views that show them.
    expect(demoPrograms.filter((p) => p.texts.decisions.some((d) => d.superseded)).map((p) => p.code)).toEqual(['KHG-KW500']);
    expect(demoPrograms.some((p) => p.texts.decisions.some((d) => d.due === null))).toBe(true);
    expect(demoPrograms.some((p) => p.texts.actions.some((a) => a.due === null))).toBe(true);
  });
});
