import { businessDaysBetween } from '../business-days.js';
import { milestoneHealth } from '../health.js';
import type { PlainDate } from '../plain-date.js';
import { isInSpan } from './iso-week.js';
import { blockerSignals, type ReportContext } from './report-context.js';
import { byKey, compareInstants } from './report-order.js';
import type { MilestoneCompleted, MilestoneMove, MilestoneMovement, MilestoneWentLate, PlanVsActualRow } from './weekly-report.js';

const movedFields = new Set(['forecastDate', 'baselineDate']);

/**
 * Milestone movement of the week: every move of a forecast or planned date logged during it (from → to,
 * business days on the program's calendar, the change's reason and who); every milestone completed
 * during it; every milestone whose forecast or planned date passed during it without an actual date.
 */
export function milestoneMovement(ctx: ReportContext): MilestoneMovement {
  const { input, span, today, calendar, milestoneById } = ctx;
  const moved: MilestoneMove[] = [];
  for (const c of input.changes) {
    if (c.entity !== 'milestone' || !movedFields.has(c.field) || c.oldValue === null || c.newValue === null || !isInSpan(c.at, span))
      continue;
    const m = milestoneById.get(c.entityId);
    const [from, to] = [c.oldValue as PlainDate, c.newValue as PlainDate];
    moved.push({
      key: m?.key ?? c.entityKey ?? '',
      name: m?.name ?? '',
      ownerId: m?.ownerId ?? null,
      field: c.field as MilestoneMove['field'],
      from,
      to,
      days: businessDaysBetween(calendar, from, to),
      reason: c.reason,
      actorId: c.actorId,
      at: c.at,
    });
  }
  moved.sort((a, b) => compareInstants(a.at, b.at) || byKey(a, b) || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));

  const wasDone = new Set(input.start.milestones.filter((m) => m.actualDate !== null).map((m) => m.id as string));
  const completed: MilestoneCompleted[] = [];
  for (const m of input.end.milestones) {
    if (m.actualDate === null || wasDone.has(m.id)) continue;
    const logged = input.changes
      .filter(
        (c) => c.entity === 'milestone' && c.entityId === m.id && c.field === 'actualDate' && c.newValue !== null && isInSpan(c.at, span),
      )
      .sort((a, b) => compareInstants(a.at, b.at))
      .at(-1);
    completed.push({
      key: m.key,
      name: m.name,
      ownerId: m.ownerId,
      actualDate: m.actualDate,
      baselineDate: m.baselineDate,
      varianceDays: businessDaysBetween(calendar, m.baselineDate, m.actualDate),
      actorId: logged?.actorId ?? null,
      at: logged?.at ?? null,
    });
  }
  completed.sort((a, b) => (a.actualDate < b.actualDate ? -1 : a.actualDate > b.actualDate ? 1 : byKey(a, b)));

  const passedThisWeek = (d: PlainDate) => d >= input.week.start && d < today;
  const wentLate: MilestoneWentLate[] = [];
  for (const m of input.end.milestones) {
    if (m.actualDate !== null) continue;
    const passed = [
      ...(passedThisWeek(m.forecastDate) ? (['forecast'] as const) : []),
      ...(passedThisWeek(m.baselineDate) ? (['baseline'] as const) : []),
    ];
    if (passed.length > 0)
      wentLate.push({ key: m.key, name: m.name, ownerId: m.ownerId, forecastDate: m.forecastDate, baselineDate: m.baselineDate, passed });
  }
  wentLate.sort(byKey);
  return { moved, completed, wentLate };
}

/** Plan vs actual: per milestone its planned date, forecast, actual, variance in business days and health, by planned date. */
export function planVsActual(ctx: ReportContext): PlanVsActualRow[] {
  const { input, today, calendar } = ctx;
  const signals = blockerSignals(input.end.actions);
  return [...input.end.milestones]
    .sort((a, b) => (a.baselineDate < b.baselineDate ? -1 : a.baselineDate > b.baselineDate ? 1 : byKey(a, b)))
    .map((m) => {
      const h = milestoneHealth(m, today, calendar, input.program.toleranceDays, signals(m));
      return {
        key: m.key,
        name: m.name,
        ownerId: m.ownerId,
        baselineDate: m.baselineDate,
        forecastDate: m.forecastDate,
        actualDate: m.actualDate,
        varianceDays: h.variance,
        health: h.health,
      };
    });
}
