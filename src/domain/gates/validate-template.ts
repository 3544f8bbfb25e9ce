import { type FieldProblem, ok, type Result, refuse } from '../result.js';
import { isBlank, textProblem } from './gate-text.js';
import {
  type GateTemplate,
  gateDeciders,
  gateRoles,
  itemOwnerRoles,
  type MilestoneTemplate,
  type ProgramTemplate,
  ppapLevels,
} from './template.js';
import { findMilestoneCycle, ppapProblems, sizeProblems } from './template-rules.js';

const templateIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const keyPattern = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const isCount = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

function checkName(problems: FieldProblem[], path: string, value: string, kind: 'line' | 'long' = 'line'): void {
  if (isBlank(value)) problems.push({ path, message: 'Required.' });
  else {
    const p = textProblem(path, value, kind);
    if (p) problems.push(p);
  }
}

function checkDuplicates(problems: FieldProblem[], keys: readonly { path: string; key: string }[], what: string): void {
  const seen = new Set<string>();
  for (const { path, key } of keys) {
    if (seen.has(key)) problems.push({ path, message: `Duplicate ${what} key ${key}.` });
    seen.add(key);
  }
}

function checkGate(problems: FieldProblem[], g: GateTemplate, i: number, milestones: readonly MilestoneTemplate[]): void {
  const at = `gates[${i}]`;
  if (g.key !== `G${i + 1}`) problems.push({ path: `${at}.key`, message: `Gates are keyed G1…Gn in order: expected G${i + 1}.` });
  checkName(problems, `${at}.name`, g.name);
  checkName(problems, `${at}.closeCriteria`, g.closeCriteria, 'long');
  if (!gateDeciders.includes(g.decidedBy)) problems.push({ path: `${at}.decidedBy`, message: `One of ${gateDeciders.join(', ')}.` });
  if (!gateRoles.includes(g.ownerRole)) problems.push({ path: `${at}.ownerRole`, message: `One of ${gateRoles.join(', ')}.` });
  g.gatekeeperRoles.forEach((r, j) => {
    if (!gateRoles.includes(r)) problems.push({ path: `${at}.gatekeeperRoles[${j}]`, message: `One of ${gateRoles.join(', ')}.` });
  });
  if (!isCount(g.warningDays, 0, 60)) problems.push({ path: `${at}.warningDays`, message: 'Whole business days from 0 to 60.' });
  const review = milestones.find((m) => m.key === g.reviewMilestoneKey);
  if (!review) problems.push({ path: `${at}.reviewMilestoneKey`, message: `No milestone ${g.reviewMilestoneKey} in the template.` });
  else if (review.gateKey !== g.key)
    problems.push({ path: `${at}.reviewMilestoneKey`, message: `${review.key} belongs to ${review.gateKey}, not ${g.key}.` });
  if (g.checklist.length === 0) problems.push({ path: `${at}.checklist`, message: 'A gate needs at least one checklist item.' });
  g.checklist.forEach((c, j) => {
    const ip = `${at}.checklist[${j}]`;
    if (!keyPattern.test(c.key)) problems.push({ path: `${ip}.key`, message: 'Capital letters, digits and dashes, at most 40.' });
    checkName(problems, `${ip}.title`, c.title);
    const d = textProblem(`${ip}.description`, c.description, 'long');
    if (d) problems.push(d);
    if (!itemOwnerRoles.includes(c.ownerRole)) problems.push({ path: `${ip}.ownerRole`, message: `One of ${itemOwnerRoles.join(', ')}.` });
    if (!isCount(c.dueOffsetDays, -250, 0))
      problems.push({ path: `${ip}.dueOffsetDays`, message: 'Whole business days from -250 to 0: due on or before the review.' });
  });
}

function checkMilestones(problems: FieldProblem[], t: ProgramTemplate): void {
  const gateKeys = new Set(t.gates.map((g) => g.key));
  const cycle = findMilestoneCycle(t.milestones);
  const inCycle = (a: string, b: string) => (cycle?.includes(a) ?? false) && (cycle?.includes(b) ?? false);
  t.milestones.forEach((m, i) => {
    const at = `milestones[${i}]`;
    if (!keyPattern.test(m.key)) problems.push({ path: `${at}.key`, message: 'Capital letters, digits and dashes, at most 40.' });
    checkName(problems, `${at}.name`, m.name);
    if (!gateKeys.has(m.gateKey)) problems.push({ path: `${at}.gateKey`, message: `No gate ${m.gateKey} in the template.` });
    const earlier = new Set(t.milestones.slice(0, i).map((e) => e.key));
    m.predecessors.forEach((p, j) => {
      const pp = `${at}.predecessors[${j}]`;
      if (p.milestoneKey === m.key) problems.push({ path: `${pp}.milestoneKey`, message: 'A milestone cannot follow itself.' });
      else if (!earlier.has(p.milestoneKey) && inCycle(m.key, p.milestoneKey))
        problems.push({ path: `${pp}.milestoneKey`, message: `The links ${cycle?.join(' → ')} go round in a cycle.` });
      else if (!earlier.has(p.milestoneKey))
        problems.push({ path: `${pp}.milestoneKey`, message: `No milestone ${p.milestoneKey} listed before ${m.key}.` });
      if (!isCount(p.lagDays, 0, 250)) problems.push({ path: `${pp}.lagDays`, message: 'Whole business days from 0 to 250.' });
    });
  });
}

/** A template is usable when every name is given, every key is unique and every reference points at something it holds. */
export function validateTemplate(t: ProgramTemplate): Result<ProgramTemplate> {
  const problems: FieldProblem[] = [];
  if (!templateIdPattern.test(t.id)) problems.push({ path: 'id', message: 'Lower-case letters, digits and dashes, at most 64.' });
  checkName(problems, 'name', t.name);
  const d = textProblem('description', t.description, 'long');
  if (d) problems.push(d);
  if (!isCount(t.version, 1, 1_000_000)) problems.push({ path: 'version', message: 'A whole number from 1.' });
  if (t.ppapLevel !== null && !ppapLevels.includes(t.ppapLevel)) problems.push({ path: 'ppapLevel', message: 'A PPAP level from 1 to 5.' });
  if (t.gates.length === 0) problems.push({ path: 'gates', message: 'A template needs at least one gate.' });
  t.gates.forEach((g, i) => {
    checkGate(problems, g, i, t.milestones);
  });
  checkMilestones(problems, t);
  checkDuplicates(
    problems,
    t.gates.flatMap((g, i) => g.checklist.map((c, j) => ({ path: `gates[${i}].checklist[${j}].key`, key: c.key }))),
    'checklist item',
  );
  checkDuplicates(
    problems,
    t.milestones.map((m, i) => ({ path: `milestones[${i}].key`, key: m.key })),
    'milestone',
  );
  checkDuplicates(
    problems,
    t.gates.map((g, i) => ({ path: `gates[${i}].reviewMilestoneKey`, key: g.reviewMilestoneKey })),
    'review milestone',
  );
  problems.push(...sizeProblems(t), ...ppapProblems(t));
  const e = t.escalation;
  if (!isCount(e.responseDays, 1, 60)) problems.push({ path: 'escalation.responseDays', message: 'Whole business days from 1 to 60.' });
  if (!isCount(e.forecastSlipDays, 0, 250))
    problems.push({ path: 'escalation.forecastSlipDays', message: 'Whole business days from 0 to 250.' });
  if (!isCount(e.riskScoreAtLeast, 1, 25)) problems.push({ path: 'escalation.riskScoreAtLeast', message: 'A risk score from 1 to 25.' });
  if (problems.length > 0)
    return refuse('VALIDATION_FAILED', `Template ${t.id} v${t.version} is not usable: ${problems.length} problem(s).`, problems);
  return ok(t);
}
