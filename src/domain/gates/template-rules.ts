import { phases } from '../milestone.js';
import type { FieldProblem } from '../result.js';
import { ppapElements } from './ppap.js';
import type { MilestoneTemplate, PpapLevel, ProgramTemplate } from './template.js';

/**
 * How large a template may be: gates as many as a plan has phases (G1–G4), checklist items per gate,
 * standard milestones, predecessors per milestone, gatekeeper roles per gate, and the gates and
 * milestones written out as JSON (what a workspace template stores).
 */
export const templateLimits = {
  gates: phases.length,
  itemsPerGate: 60,
  milestones: 40,
  predecessors: 10,
  gatekeeperRoles: 3,
  bodyCharacters: 262_144,
} as const;

/** Problems of size: each list within its limit, and the whole body within its characters. */
export function sizeProblems(t: ProgramTemplate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const l = templateLimits;
  if (t.gates.length > l.gates)
    problems.push({ path: 'gates', message: `At most ${l.gates} gates (G1–G${l.gates}), one per phase of the plan.` });
  t.gates.forEach((g, i) => {
    if (g.checklist.length > l.itemsPerGate)
      problems.push({ path: `gates[${i}].checklist`, message: `At most ${l.itemsPerGate} checklist items per gate.` });
    if (g.gatekeeperRoles.length > l.gatekeeperRoles)
      problems.push({ path: `gates[${i}].gatekeeperRoles`, message: `At most ${l.gatekeeperRoles} gatekeeper roles.` });
  });
  if (t.milestones.length > l.milestones) problems.push({ path: 'milestones', message: `At most ${l.milestones} standard milestones.` });
  t.milestones.forEach((m, i) => {
    if (m.predecessors.length > l.predecessors)
      problems.push({ path: `milestones[${i}].predecessors`, message: `At most ${l.predecessors} predecessors.` });
  });
  const size = JSON.stringify({ gates: t.gates, milestones: t.milestones }).length;
  if (size > l.bodyCharacters)
    problems.push({ path: 'gates', message: `The gates and milestones take ${size} characters as JSON; at most ${l.bodyCharacters}.` });
  return problems;
}

/** A cycle of finish-to-start links among the milestones (keys, the first repeated at the end), or null. */
export function findMilestoneCycle(milestones: readonly MilestoneTemplate[]): string[] | null {
  const after = new Map(milestones.map((m) => [m.key, m.predecessors.map((p) => p.milestoneKey)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done' || !after.has(key)) return null;
    if (state.get(key) === 'open') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'open');
    path.push(key);
    for (const p of after.get(key) ?? []) {
      if (p === key) continue;
      const found = visit(p);
      if (found) return found;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const m of milestones) {
    const found = visit(m.key);
    if (found) return found;
  }
  return null;
}

/** The PPAP element number of the part submission warrant, the final sign-off. */
export const pswElement = 18;

/** What AIAG's table asks of an element at a level, and whether the customer reviews it at the supplier's site (level 5). */
export function ppapRequirementAt(element: number, level: PpapLevel) {
  const requirement = ppapElements.find((e) => e.element === element)?.requirements[level - 1];
  return requirement === undefined ? null : { requirement, isReviewedAtSupplierSite: level === 5 };
}

/**
 * PPAP rules of a template: without a PPAP level no item names an element; with one, each element
 * (1–18) appears once, asks what the level's table asks, all sit in one gate, and the part submission
 * warrant is there, required and that gate's last item.
 */
export function ppapProblems(t: ProgramTemplate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const refs = t.gates.flatMap((g, i) =>
    g.checklist.flatMap((c, j) =>
      c.ppap ? [{ gate: i, item: j, ref: c.ppap, isRequired: c.isRequired, last: j === g.checklist.length - 1 }] : [],
    ),
  );
  const at = (r: { gate: number; item: number }) => `gates[${r.gate}].checklist[${r.item}].ppap`;
  const level = t.ppapLevel;
  // A level out of range is the level's own problem (validateTemplate names it).
  if (level !== null && !(Number.isInteger(level) && level >= 1 && level <= 5)) return problems;
  if (level === null) {
    for (const r of refs) problems.push({ path: at(r), message: 'Only a template with a PPAP level names PPAP elements.' });
    return problems;
  }
  const seen = new Set<number>();
  for (const r of refs) {
    const expected = ppapRequirementAt(r.ref.element, level);
    if (!expected) {
      problems.push({ path: `${at(r)}.element`, message: 'A PPAP element from 1 to 18.' });
      continue;
    }
    if (seen.has(r.ref.element)) problems.push({ path: `${at(r)}.element`, message: `PPAP element ${r.ref.element} appears twice.` });
    seen.add(r.ref.element);
    if (r.ref.requirement !== expected.requirement)
      problems.push({
        path: `${at(r)}.requirement`,
        message: `At PPAP level ${level}, element ${r.ref.element} is "${expected.requirement}".`,
      });
    if (r.ref.isReviewedAtSupplierSite !== expected.isReviewedAtSupplierSite)
      problems.push({
        path: `${at(r)}.isReviewedAtSupplierSite`,
        message: level === 5 ? 'At PPAP level 5 every element is reviewed at the supplier’s site.' : 'Only at PPAP level 5.',
      });
  }
  const psw = refs.find((r) => r.ref.element === pswElement);
  // The elements' gate is the warrant's (else the one holding most of them): the others are out of place.
  const counts = new Map<number, number>();
  for (const r of refs) counts.set(r.gate, (counts.get(r.gate) ?? 0) + 1);
  const home = psw?.gate ?? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  for (const r of refs.filter((x) => x.gate !== home))
    problems.push({ path: at(r), message: `PPAP elements all belong to one gate (G${home + 1}).` });
  if (!psw)
    problems.push({
      path: 'gates',
      message: `A PPAP template needs the part submission warrant (element ${pswElement}) as its final sign-off.`,
    });
  else {
    if (!psw.isRequired)
      problems.push({ path: `gates[${psw.gate}].checklist[${psw.item}].isRequired`, message: 'The part submission warrant is required.' });
    if (!psw.last)
      problems.push({ path: at(psw), message: 'The part submission warrant is the last item of its gate: the final sign-off.' });
  }
  return problems;
}

const levelText = /PPAP level [1-5]: [^\n]*$/;
const howText: Record<string, string> = {
  submit: 'Submit to the customer and retain a copy.',
  retain: 'Retain and make available to the customer on request.',
  on_request: 'Retain and submit to the customer on request.',
};

/**
 * The template made for another PPAP submission level: each element's requirement as the level's
 * table says, and a description ending in the shipped "PPAP level N: …" sentence rewritten to match.
 */
export function atPpapLevel(t: ProgramTemplate, level: PpapLevel): ProgramTemplate {
  if (t.ppapLevel === null || t.ppapLevel === level) return t;
  return {
    ...t,
    ppapLevel: level,
    gates: t.gates.map((g) => ({
      ...g,
      closeCriteria: g.closeCriteria.replace(`PPAP at level ${t.ppapLevel}`, `PPAP at level ${level}`),
      checklist: g.checklist.map((c) => {
        const expected = c.ppap ? ppapRequirementAt(c.ppap.element, level) : null;
        if (!c.ppap || !expected) return c;
        const how = level === 5 ? 'Retain; the customer reviews it at the supplier’s manufacturing site.' : howText[expected.requirement];
        return {
          ...c,
          description: c.description.replace(levelText, `PPAP level ${level}: ${how}`),
          ppap: { ...c.ppap, ...expected },
        };
      }),
    })),
  };
}
