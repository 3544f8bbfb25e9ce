import type { Escalation } from '../../domain/escalations/escalation.js';
import { eventFacts } from '../../domain/floor/event-facts.js';
import type { FloorEvent } from '../../domain/floor/floor-event.js';
import type { Program } from '../../domain/program.js';
import type { AppDeps } from '../deps.js';
import { raiseEscalationsForFacts } from '../escalations/raise-escalations-for-facts.js';
import type { Tx, WriteMeta } from '../ports.js';
import { programCalendar, programToday } from '../views.js';

/**
 * What floor events just written meet under the program's event triggers (a sample late, a value out of
 * tolerance or a Cpk too low, a lot rejected or a defect rate too high) is escalated in the events' own
 * transaction, the same business day, as the trigger's system actor: all of them at once (the triggers read
 * once, the escalations in multi-row inserts). Only a running program escalates (the sweep looks at active
 * programs alone); a draft's or an archived program's events raise nothing.
 */
export async function escalateFloorEvents(
  deps: AppDeps,
  tx: Tx,
  program: Program,
  events: readonly FloorEvent[],
  meta: Pick<WriteMeta, 'at'>,
  now: Date,
): Promise<Escalation[]> {
  if (program.status !== 'active' || program.archivedAt !== null || events.length === 0) return [];
  const today = programToday(program, now);
  const calendar = programCalendar(program);
  const facts = events.map((event) => {
    const f = eventFacts(event, today, calendar);
    return {
      eventId: event.key,
      title: event.title,
      lateArrival: f.lateArrival ? { businessDaysLate: f.lateArrival.businessDaysLate, eventId: event.key } : null,
      outOfTolerance: f.outOfTolerance !== undefined && f.outOfTolerance.count > 0,
      cpk: f.cpk ?? null,
      inspectionVerdict: f.inspectionVerdict ?? null,
      defectRatePercent: f.defectRatePercent ?? null,
    };
  });
  return raiseEscalationsForFacts(deps, tx, program, facts, meta);
}
