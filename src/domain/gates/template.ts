import { type FieldProblem, ok, type Result, refuse } from '../result.js';
import { isBlank, textProblem } from './gate-text.js';

/** Who records a gate's outcome: the program's decision owner, or the gate's own owner. */
export const gateDeciders = ['decision_owner', 'gate_owner'] as const;
export type GateDecider = (typeof gateDeciders)[number];

/** Roles a gate owner or gatekeeper is drawn from when a program is made from the template. */
export const gateRoles = ['decision_owner', 'cadence_owner', 'quality_owner'] as const;
export type GateRole = (typeof gateRoles)[number];

/** Who owns a checklist item by default; `supplier` is the supplier's or factory's contact (a contributor). */
export const itemOwnerRoles = ['decision_owner', 'cadence_owner', 'quality_owner', 'gate_owner', 'supplier'] as const;
export type ItemOwnerRole = (typeof itemOwnerRoles)[number];

/** PPAP submission levels (AIAG PPAP 4th ed.); 3 is the default when the customer names none. */
export const ppapLevels = [1, 2, 3, 4, 5] as const;
export type PpapLevel = (typeof ppapLevels)[number];

/** S = submit to the customer and retain; R = retain and make available; * = retain and submit on request. */
export const ppapRequirements = ['submit', 'retain', 'on_request'] as const;
export type PpapRequirement = (typeof ppapRequirements)[number];

/** The PPAP element a checklist item stands for and what the chosen level asks of it. */
export interface PpapElementRef {
  /** 1–18 in AIAG order. */
  readonly element: number;
  readonly requirement: PpapRequirement;
  /** Level 5: the customer reviews the records and samples at the supplier's manufacturing site. */
  readonly isReviewedAtSupplierSite: boolean;
}

export interface ChecklistItemTemplate {
  /** Unique in the template, e.g. `G1-GOLDEN-SAMPLE`. */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly isRequired: boolean;
  readonly ownerRole: ItemOwnerRole;
  /** Business days relative to the gate review (0 = the review day, -5 = five business days before); never after. */
  readonly dueOffsetDays: number;
  readonly ppap?: PpapElementRef | undefined;
}

export interface GateTemplate {
  /** G1, G2, … Gn in order. */
  readonly key: string;
  readonly name: string;
  readonly closeCriteria: string;
  readonly decidedBy: GateDecider;
  readonly ownerRole: GateRole;
  readonly gatekeeperRoles: readonly GateRole[];
  /** Business days before the planned review from which a gate off course is at risk. */
  readonly warningDays: number;
  /** The milestone whose date is the gate's planned review and which completes only when the gate passes. */
  readonly reviewMilestoneKey: string;
  readonly checklist: readonly ChecklistItemTemplate[];
}

export interface MilestoneLag {
  readonly milestoneKey: string;
  /** Business days after the predecessor finishes. */
  readonly lagDays: number;
}

export interface MilestoneTemplate {
  readonly key: string;
  readonly name: string;
  /** The gate (phase) the milestone belongs to. */
  readonly gateKey: string;
  /** Finish-to-start predecessors, each listed earlier in the template (so the plan has no cycle). */
  readonly predecessors: readonly MilestoneLag[];
  readonly isCritical: boolean;
}

/** Defaults the escalation triggers will read; data only until those triggers exist. */
export interface EscalationDefaults {
  /** Business days an escalation's owner has to respond. */
  readonly responseDays: number;
  /** A forecast slipping more business days than this past its baseline escalates. */
  readonly forecastSlipDays: number;
  /** A risk scoring at least this (likelihood × impact, 1–25) goes to leadership review. */
  readonly riskScoreAtLeast: number;
}

/** A program template: versioned data a program is made from and records (id and version). */
export interface ProgramTemplate {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly description: string;
  /** The PPAP level the release gate's checklist was generated for; null for templates without PPAP. */
  readonly ppapLevel: PpapLevel | null;
  readonly gates: readonly GateTemplate[];
  readonly milestones: readonly MilestoneTemplate[];
  readonly escalation: EscalationDefaults;
}

export const defaultWarningDays = 10;

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
  t.milestones.forEach((m, i) => {
    const at = `milestones[${i}]`;
    if (!keyPattern.test(m.key)) problems.push({ path: `${at}.key`, message: 'Capital letters, digits and dashes, at most 40.' });
    checkName(problems, `${at}.name`, m.name);
    if (!gateKeys.has(m.gateKey)) problems.push({ path: `${at}.gateKey`, message: `No gate ${m.gateKey} in the template.` });
    const earlier = new Set(t.milestones.slice(0, i).map((e) => e.key));
    m.predecessors.forEach((p, j) => {
      const pp = `${at}.predecessors[${j}]`;
      if (p.milestoneKey === m.key) problems.push({ path: `${pp}.milestoneKey`, message: 'A milestone cannot follow itself.' });
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
  const e = t.escalation;
  if (!isCount(e.responseDays, 1, 60)) problems.push({ path: 'escalation.responseDays', message: 'Whole business days from 1 to 60.' });
  if (!isCount(e.forecastSlipDays, 0, 250))
    problems.push({ path: 'escalation.forecastSlipDays', message: 'Whole business days from 0 to 250.' });
  if (!isCount(e.riskScoreAtLeast, 1, 25)) problems.push({ path: 'escalation.riskScoreAtLeast', message: 'A risk score from 1 to 25.' });
  if (problems.length > 0)
    return refuse('VALIDATION_FAILED', `Template ${t.id} v${t.version} is not usable: ${problems.length} problem(s).`, problems);
  return ok(t);
}
