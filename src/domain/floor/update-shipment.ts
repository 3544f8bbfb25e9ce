import type { Edit } from '../edit.js';
import type { PlainDate } from '../plain-date.js';
import { type FieldProblem, ok, type Result, refuse } from '../result.js';
import type { FloorEvent, ShipmentEvent } from './floor-event.js';
import { checkShipment, floorEventChanges } from './record-floor-event.js';

/** What a shipment's update may set: when it shipped and arrived (null clears a date given by mistake). */
export interface ShipmentPatch {
  readonly shippedOn?: string | null | undefined;
  readonly arrivedOn?: string | null | undefined;
}

/** Records that a shipment shipped or arrived; only shipments have these dates, and neither lies after today. */
export function updateShipment(e: FloorEvent, patch: ShipmentPatch, today: PlainDate): Result<Edit<ShipmentEvent>> {
  if (e.kind !== 'shipment') return refuse('EVENT_NOT_A_SHIPMENT', `${e.key} is an ${e.kind}; only a shipment ships and arrives.`);
  const problems: FieldProblem[] = [];
  const shipment = checkShipment(
    problems,
    {
      expectedOn: e.shipment.expectedOn,
      shippedOn: patch.shippedOn === undefined ? e.shipment.shippedOn : patch.shippedOn,
      arrivedOn: patch.arrivedOn === undefined ? e.shipment.arrivedOn : patch.arrivedOn,
    },
    today,
  );
  if (problems.length > 0) return refuse('VALIDATION_FAILED', 'The shipment dates were not accepted.', problems);
  const next: ShipmentEvent = { ...e, shipment, version: e.version };
  const changes = floorEventChanges(e, next);
  if (changes.length === 0) return refuse('NOTHING_TO_CHANGE', `${e.key} already has these dates.`);
  return ok({ next, changes });
}
