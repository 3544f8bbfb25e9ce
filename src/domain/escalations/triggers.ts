import type { UserId } from '../ids.js';
import { type FieldProblem, ok, type Result, refuse } from '../result.js';
import { type Role, roles } from '../roles.js';

// Escalation triggers (issue 13): per program, one setting per kind. A trigger that holds raises one
// escalation per condition (kind + subject), owned by a person or by whoever holds a role on the program.

export const triggerKinds = [
  'late_sample_arrival',
  'tolerance_miss',
  'defect_threshold',
  'missed_milestone',
  'forecast_slip',
  'overdue_action',
  'overdue_decision',
  'risk_score',
  'gate_at_risk',
] as const;
export type TriggerKind = (typeof triggerKinds)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** Who acts on a raised escalation: one named person, or the person holding a role on the program. */
export type ActionOwner = { readonly kind: 'person'; readonly userId: UserId } | { readonly kind: 'role'; readonly role: Role };

/** How long the action owner has: business hours (within working hours) or business days (to that day's end). */
export interface ResponseWindow {
  readonly unit: 'business_hours' | 'business_days';
  readonly amount: number;
}

/** One kind's setting on a program. `threshold` is the kind's N (see thresholdOf); null where the kind has none. */
export interface TriggerSetting {
  readonly kind: TriggerKind;
  readonly isEnabled: boolean;
  readonly threshold: number | null;
  readonly severity: Severity;
  readonly owner: ActionOwner;
  readonly window: ResponseWindow;
  /** Whether an escalation neither acknowledged nor resolved by its deadline climbs the charter's escalation path. */
  readonly climbs: boolean;
}

/** What N means per kind, its bounds, and its default (null: the kind takes no number). */
export const thresholdOf: Readonly<
  Record<TriggerKind, { readonly means: string; readonly min: number; readonly max: number; readonly default: number } | null>
> = {
  late_sample_arrival: { means: 'business days after the expected arrival (0: the date passed)', min: 0, max: 60, default: 0 },
  tolerance_miss: { means: 'Cpk below this (0: only values out of limits)', min: 0, max: 3, default: 1.33 },
  // 10 %: above what AQL 2.5 accepts of a class (Ac 3 of 50 is 6 %), so a lot the plan accepts escalates only when
  // a class of it is far worse than its plan expects; a program sets a tighter N for classes with small AQLs.
  defect_threshold: { means: 'defect rate above this percentage (besides any AQL reject)', min: 0, max: 100, default: 10 },
  missed_milestone: null,
  forecast_slip: { means: 'business days of forecast slip within a week', min: 1, max: 250, default: 5 },
  overdue_action: { means: 'business days overdue', min: 0, max: 60, default: 0 },
  overdue_decision: { means: 'business days overdue', min: 0, max: 60, default: 0 },
  risk_score: { means: 'risk score at or above', min: 1, max: 25, default: 15 },
  gate_at_risk: null,
};

/** Bounds of a response window. */
export const windowLimits = { business_hours: { min: 1, max: 200 }, business_days: { min: 1, max: 60 } } as const;

const defaultSeverity: Readonly<Record<TriggerKind, Severity>> = {
  late_sample_arrival: 'high',
  tolerance_miss: 'high',
  defect_threshold: 'critical',
  missed_milestone: 'high',
  forecast_slip: 'medium',
  overdue_action: 'medium',
  overdue_decision: 'high',
  risk_score: 'high',
  gate_at_risk: 'high',
};

/** Escalation settings a program template carries (domain/gates/template.ts EscalationDefaults). */
export interface TriggerTemplateDefaults {
  readonly responseDays: number;
  readonly forecastSlipDays: number;
  readonly riskScoreAtLeast: number;
}

/**
 * A program's triggers before anyone set one: every kind on, owned by the cadence owner, a response
 * window of the template's business days (1 for floor events, which must be answered the same business
 * day), climbing the escalation path. Templates' slip days and risk score set those thresholds.
 */
export function defaultTrigger(kind: TriggerKind, t?: TriggerTemplateDefaults): TriggerSetting {
  const n = thresholdOf[kind];
  const floor = kind === 'late_sample_arrival' || kind === 'tolerance_miss' || kind === 'defect_threshold';
  const threshold =
    n === null
      ? null
      : kind === 'forecast_slip' && t
        ? Math.max(1, t.forecastSlipDays)
        : kind === 'risk_score' && t
          ? t.riskScoreAtLeast
          : n.default;
  return {
    kind,
    isEnabled: true,
    threshold,
    severity: defaultSeverity[kind],
    owner: { kind: 'role', role: 'cadence_owner' },
    window: { unit: 'business_days', amount: floor ? 1 : (t?.responseDays ?? 2) },
    climbs: true,
  };
}

/**
 * The settings a template makes differ from Tollgate's own defaults (its response days, slip days, risk
 * score), in kind order: what a program made from it keeps as its own from the start, so that editing the
 * template later changes no program already made. A template with Tollgate's defaults gives none.
 */
export function templateTriggers(t: TriggerTemplateDefaults): TriggerSetting[] {
  const same = (a: TriggerSetting, b: TriggerSetting) =>
    a.threshold === b.threshold && a.window.unit === b.window.unit && a.window.amount === b.window.amount;
  return triggerKinds.map((k) => defaultTrigger(k, t)).filter((s) => !same(s, defaultTrigger(s.kind)));
}

/** The program's settings: the ones saved, the default for every other kind, in kind order. */
export function effectiveTriggers(saved: readonly TriggerSetting[], t?: TriggerTemplateDefaults): TriggerSetting[] {
  return triggerKinds.map((k) => saved.find((s) => s.kind === k) ?? defaultTrigger(k, t));
}

/** Whether a setting is within bounds; the refusal names every field at fault. */
export function checkTrigger(s: TriggerSetting): Result<TriggerSetting> {
  const problems: FieldProblem[] = [];
  const n = thresholdOf[s.kind];
  if (n === null && s.threshold !== null) problems.push({ path: 'threshold', message: `A ${s.kind} trigger takes no threshold.` });
  if (n !== null) {
    if (s.threshold === null || !Number.isFinite(s.threshold) || s.threshold < n.min || s.threshold > n.max)
      problems.push({ path: 'threshold', message: `From ${n.min} to ${n.max}: ${n.means}.` });
    else if (s.kind !== 'tolerance_miss' && s.kind !== 'defect_threshold' && !Number.isInteger(s.threshold))
      problems.push({ path: 'threshold', message: 'A whole number.' });
  }
  const w = windowLimits[s.window.unit];
  if (!Number.isInteger(s.window.amount) || s.window.amount < w.min || s.window.amount > w.max)
    problems.push({ path: 'window.amount', message: `Whole ${s.window.unit.replace('_', ' ')} from ${w.min} to ${w.max}.` });
  if (s.owner.kind === 'role' && !roles.includes(s.owner.role)) problems.push({ path: 'owner.role', message: 'Not a role.' });
  return problems.length > 0 ? refuse('VALIDATION_FAILED', 'The trigger setting is not valid.', problems) : ok(s);
}
