import type { Escalation } from '../../domain/escalations/escalation.js';
import { eventFacts } from '../../domain/floor/event-facts.js';
import type { FloorEvent } from '../../domain/floor/floor-event.js';
import type { Program } from '../../domain/program.js';
import type { AppDeps } from '../deps.js';
import { raiseEscalationsForFacts } from '../escalations/raise-escalations-for-facts.js';
import type { Tx, WriteMeta } from '../ports.js';
import { programCalendar, programToday } from '../views.js';

/**
 * What a floor event just written meets under the program's event triggers (a sample late, a value out of
 * tolerance or a Cpk too low, a lot rejected or a defect rate too high) is escalated in the event's own
 * transaction, the same business day, as the trigger's system actor. Only a running program escalates (the
 * sweep looks at active programs alone); a draft's or an archived program's events raise nothing.
 */
export async function escalateFloorEvent(
  deps: AppDeps,
  tx: Tx,
  program: Program,
  event: FloorEvent,
  meta: Pick<WriteMeta, 'at'>,
  now: Date,
): Promise<Escalation[]> {
  if (program.status !== 'active' || program.archivedAt !== null) return [];
  const f = eventFacts(event, programToday(program, now), programCalendar(program));
  return raiseEscalationsForFacts(
    deps,
    tx,
    program,
    {
      eventId: event.key,
      title: event.title,
      lateArrival: f.lateArrival ? { businessDaysLate: f.lateArrival.businessDaysLate, eventId: event.key } : null,
      outOfTolerance: f.outOfTolerance !== undefined && f.outOfTolerance.count > 0,
      cpk: f.cpk ?? null,
      inspectionVerdict: f.inspectionVerdict ?? null,
      defectRatePercent: f.defectRatePercent ?? null,
    },
    meta,
  );
}
