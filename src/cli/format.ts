import type { Health, HealthReason } from '../domain/health.js';

// The CLI's one place for turning values into words and columns for people.

const healthWords: Record<Health, string> = { on_track: 'on track', at_risk: 'at risk', late: 'late', done: 'done' };

export const healthWord = (h: Health): string => healthWords[h];

const businessDays = (n: number) => `${n} business day${Math.abs(n) === 1 ? '' : 's'}`;

/** Why an item has its health, in one line: "M-12 is 6 business days behind baseline (tolerance 3)". */
export function healthWhy(reason: HealthReason, key: string | null): string {
  const item = key ?? 'A milestone';
  switch (reason.kind) {
    case 'done':
      return 'done';
    case 'on_plan':
      return 'on plan';
    case 'slipped':
      return `${item} is ${businessDays(reason.days)} behind baseline`;
    case 'breach':
      return `${item} is ${businessDays(reason.days)} behind baseline (tolerance ${reason.tolerance})`;
    case 'overdue':
      return reason.days > 0 ? `${item} overdue by ${businessDays(reason.days)}` : `${item} is overdue`;
    case 'no_slack':
      return `${item} is ${businessDays(reason.days)} short of the target release`;
    case 'slipping':
      return `${item} moved later ${reason.moves} times in 4 weeks (+${businessDays(reason.days)})`;
    case 'blocked':
      return `${item} is blocked by ${reason.actionKey}${reason.overdue ? ', overdue' : ', due after the forecast'}`;
    case 'gate_at_risk':
      return `${item} is the review of ${reason.gateKey}, at risk: ${reason.items} required checklist item(s) off course`;
    case 'escalations_overdue':
      return `${reason.count} escalation(s) past their deadline, unanswered`;
    case 'unavailable':
      return 'could not be computed (the error is logged)';
  }
}

/** Business-day variance against the baseline: "+3 bd", "-2 bd", "0 bd". */
export const varianceText = (days: number): string => `${days > 0 ? '+' : ''}${days} bd`;

/** A milestone's actual date; before it, "due in 3 bd" while its date is still to come at the factory, "not done" once past. */
export const actualText = (m: { readonly actualDate: string | null; readonly dueInBusinessDays: number | null }): string =>
  m.actualDate ??
  (m.dueInBusinessDays === null ? 'not done' : m.dueInBusinessDays === 0 ? 'due today' : `due in ${m.dueInBusinessDays} bd`);

/** An ISO instant (UTC) to the minute: "2026-11-26T09:30Z". */
export const minuteUtc = (iso: string): string => `${new Date(iso).toISOString().slice(0, 16)}Z`;

/** A change-log field name as people say it: forecastDate → forecast, isCritical → critical. */
export const fieldLabel = (field: string): string =>
  field
    .replace(/^is(?=[A-Z])/, '')
    .replace(/(Id|Date)$/, '')
    .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)
    .trim()
    .toLowerCase();

/** A value from a record or the change log; null as a dash, booleans as yes/no. */
export const valueText = (v: string | number | boolean | null): string =>
  v === null ? '—' : v === true || v === 'true' ? 'yes' : v === false || v === 'false' ? 'no' : String(v);

/** A role as people say it: cadence_owner → cadence owner. */
export const roleWord = (role: string): string => role.replace(/_/g, ' ');
