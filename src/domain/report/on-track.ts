import { type HealthReason, milestoneHealth, programHealth } from '../health.js';
import { blockerSignals, type ReportContext } from './report-context.js';
import type { OnTrackAnswer, OnTrackCode, ReadinessLevel } from './weekly-report.js';

const codeOf = { done: 'complete', on_track: 'on_track', at_risk: 'at_risk', late: 'off_track' } as const satisfies Record<
  string,
  OnTrackCode
>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const bd = (n: number) => plural(n, 'business day', 'business days');

function because(key: string, r: HealthReason): string {
  switch (r.kind) {
    case 'overdue':
      return `${key} is ${bd(r.days)} overdue`;
    case 'breach':
      return `${key} is forecast ${bd(r.days)} after its baseline, beyond its tolerance of ${r.tolerance}`;
    case 'slipped':
      return `${key} is forecast ${bd(r.days)} after its baseline`;
    case 'no_slack':
      return `${key} is ${bd(r.days)} short of the target release`;
    case 'blocked':
      return `${key} is blocked by ${r.actionKey}${r.overdue ? ', which is overdue' : ''}`;
    case 'gate_at_risk':
      return `${key} reviews gate ${r.gateKey}, at risk with ${plural(r.items, 'checklist item', 'checklist items')} off course`;
    case 'slipping':
      return `${key} moved later ${plural(r.moves, 'time', 'times')} in four weeks (${bd(r.days)})`;
    default:
      return key;
  }
}

/**
 * "Are we on track?" in one line: the program's health at the end of the week (its worst open
 * milestone, domain/health.ts) as a code, with the milestone that sets it and why, how many milestones
 * are late and at risk, and the release-readiness signal; worded in English here, by code elsewhere.
 */
export function onTrack(ctx: ReportContext, readiness: ReadinessLevel): OnTrackAnswer {
  const { input, today, calendar } = ctx;
  const ms = input.end.milestones;
  const signals = blockerSignals(input.end.actions);
  const tolerance = input.program.toleranceDays;
  const health = programHealth(ms, today, calendar, tolerance, signals);
  const open = ms.filter((m) => m.actualDate === null).map((m) => milestoneHealth(m, today, calendar, tolerance, signals(m)).health);
  const late = open.filter((h) => h === 'late').length;
  const atRisk = open.filter((h) => h === 'at_risk').length;
  const key = health.milestoneId === null ? null : (ms.find((m) => m.id === health.milestoneId)?.key ?? null);
  const r = health.reason;
  const days = 'days' in r ? r.days : r.kind === 'gate_at_risk' ? r.items : null;
  const detail = r.kind === 'blocked' ? r.actionKey : r.kind === 'gate_at_risk' ? r.gateKey : null;
  const code = codeOf[health.health];
  const head =
    code === 'complete'
      ? 'Complete: every milestone is done'
      : code === 'on_track'
        ? 'On track: no milestone is late or at risk'
        : `${code === 'off_track' ? 'Off track' : 'At risk'}: ${plural(late, 'milestone', 'milestones')} late, ${atRisk} at risk; ${because(key ?? '?', r)}`;
  return {
    code,
    params: { milestoneKey: key, reason: r.kind, days, detail, late, atRisk, readiness },
    text: `${head}; release readiness is ${readiness}.`,
  };
}
