import type { Milestone } from '../../domain/milestone.js';
import { type FieldHistory, type MtaSeries, mondayOf, mtaSeries, type ReportingWeek, reportingWeeks } from '../../domain/mta.js';
import { addDays, type PlainDate } from '../../domain/plain-date.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { programToday } from '../views.js';

export interface MtaInput {
  readonly programId: string;
  readonly actor: Actor;
  /** Any day of the first reporting week; 12 weeks back by default. */
  readonly from?: PlainDate | undefined;
  /** Any day of the last reporting week; this week by default. */
  readonly to?: PlainDate | undefined;
  /** Milestone keys or ids; the milestones flagged critical by default. */
  readonly milestones?: readonly string[] | undefined;
}

export interface MtaView {
  readonly code: string;
  readonly weeks: readonly ReportingWeek[];
  readonly series: readonly MtaSeries[];
}

export const mtaMaxWeeks = 156;
export const mtaMaxSeries = 12;
const defaultWeeks = 12;

/**
 * The milestones a trend chart follows when none are named: those flagged critical, open ones first
 * (soonest first), then the most recently done; without flags, the next open milestones.
 */
function defaultSelection(milestones: readonly Milestone[]): Milestone[] {
  const byForecast = (a: Milestone, b: Milestone) => (a.forecastDate < b.forecastDate ? -1 : a.forecastDate > b.forecastDate ? 1 : 0);
  const flagged = milestones.filter((m) => m.isCritical);
  const pool = flagged.length > 0 ? flagged : milestones;
  const open = pool.filter((m) => m.actualDate === null).sort(byForecast);
  const done = pool.filter((m) => m.actualDate !== null).sort((a, b) => -byForecast(a, b));
  return [...open, ...(flagged.length > 0 ? done : [])].slice(0, mtaMaxSeries).sort(byForecast);
}

/**
 * Milestone trend analysis: each chosen milestone's forecast as it stood at the end of each reporting
 * week, read from the change log only, so a past week draws the same whenever it is drawn.
 */
export async function getMta(deps: AppDeps, input: MtaInput): Promise<Result<MtaView>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program: p, access } = found.value;
  const now = deps.clock.now();
  const today = programToday(p, now);
  const to = input.to ?? today;
  const from = input.from ?? addDays(mondayOf(to), -7 * (defaultWeeks - 1));
  if (from > to)
    return refuse('VALIDATION_FAILED', `"from" (${from}) is after "to" (${to}).`, [{ path: 'from', message: `Must be ${to} or earlier.` }]);
  const weeks = reportingWeeks(from, to, p.timeZone, now.toISOString(), mtaMaxWeeks + 1);
  if (weeks.length > mtaMaxWeeks) {
    return refuse('VALIDATION_FAILED', `The chart spans more than ${mtaMaxWeeks} weeks; choose a shorter range.`, [
      { path: 'from', message: `At most ${mtaMaxWeeks} weeks before "to".` },
    ]);
  }
  const milestones = await r.listMilestones(access.programId);
  let chosen: Milestone[];
  if (input.milestones && input.milestones.length > 0) {
    if (input.milestones.length > mtaMaxSeries) {
      return refuse('VALIDATION_FAILED', `A trend chart follows at most ${mtaMaxSeries} milestones.`, [
        { path: 'milestones', message: `Name at most ${mtaMaxSeries} milestones.` },
      ]);
    }
    chosen = [];
    for (const ref of input.milestones) {
      const m = milestones.find((x) => x.key === ref || x.id === ref);
      if (!m) {
        return refuse('MILESTONE_NOT_FOUND', `No milestone "${ref}" in ${p.code}.`, [
          { path: 'milestones', message: `No milestone "${ref}" in ${p.code}.` },
        ]);
      }
      if (!chosen.includes(m)) chosen.push(m);
    }
  } else {
    chosen = defaultSelection(milestones);
  }
  const changes = await r.listMilestoneFieldChanges([access.programId], ['forecastDate', 'actualDate']);
  const history = new Map<string, { forecast: FieldHistory[]; actual: FieldHistory[] }>();
  for (const c of changes) {
    const h = history.get(c.entityId) ?? { forecast: [], actual: [] };
    (c.field === 'forecastDate' ? h.forecast : h.actual).push({ at: c.at, value: c.newValue });
    history.set(c.entityId, h);
  }
  const series = mtaSeries(
    chosen.map((m) => ({
      id: m.id,
      key: m.key,
      name: m.name,
      baselineDate: m.baselineDate,
      forecast: history.get(m.id)?.forecast ?? [],
      actual: history.get(m.id)?.actual ?? [],
    })),
    weeks,
  );
  return ok({ code: p.code, weeks, series });
}
