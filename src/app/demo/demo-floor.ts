import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import type { FloorEventDraft } from '../../domain/floor/record-floor-event.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import type { FloorEventView } from '../floor/floor-event-view.js';
import { recordFloorEvent } from '../floor/record-floor-event.js';
import { updateShipment } from '../floor/update-shipment.js';
import { addEvidence } from '../gates/add-evidence.js';
import type { DemoProgram } from './demo-data.js';
import type { DemoFloorEvent } from './demo-texts.js';
import type { StepOwner } from './milestone-steps.js';

export interface DemoFloorInput {
  readonly programId: string;
  readonly spec: DemoProgram;
  /** The demo's people by key, with the roles they hold now. */
  readonly people: ReadonlyMap<string, Actor>;
  readonly today: PlainDate;
}

/**
 * When in the day (UTC) each reports, in their working hours and on the same date at the factory: the supplier
 * contact in the factory's morning, the quality owner in Berlin's, the cadence owner in America's.
 */
const hourOf: Record<StepOwner, number> = { contact: 2, quality: 8, owner: 15 };

/** What the person reported, as the form, the API and the CLI send it. */
function draftOf(e: DemoFloorEvent, day: (n: number) => PlainDate): FloorEventDraft {
  const base = { title: e.title, occurredOn: day(e.on) };
  switch (e.kind) {
    case 'shipment':
      return { ...base, kind: 'shipment', expectedOn: day(e.expected), shippedOn: day(e.on) };
    case 'inspection':
      return {
        ...base,
        kind: 'inspection',
        lotRef: e.lotRef,
        lotSize: e.lotSize,
        level: e.level,
        critical: e.critical,
        major: e.major,
        minor: e.minor,
      };
    case 'measurement':
      return {
        ...base,
        kind: 'measurement',
        characteristic: e.characteristic,
        unit: e.unit,
        nominal: e.nominal,
        lowerLimit: e.lowerLimit,
        upperLimit: e.upperLimit,
        values: e.values,
      };
  }
}

/**
 * Reports the demo program's floor events through the ordinary use cases, day by day on the loader's clock:
 * each event by whoever reports it, a shipment's arrival by whoever received it, and an inspection attached
 * as evidence to its checklist item by the quality owner. Answers the number of events.
 */
export async function loadDemoFloor(
  d: AppDeps,
  clock: { set(day: PlainDate, hourUtc?: number): unknown },
  input: DemoFloorInput,
): Promise<number> {
  const { programId, spec } = input;
  const events = spec.texts.floor ?? [];
  const day = (n: number) => addBusinessDays(mondayToFriday, input.today, n);
  const who = (k: StepOwner) => input.people.get(spec[k]) as Actor;
  const recorded = new Map<DemoFloorEvent, FloorEventView>();
  const steps: { on: number; by: StepOwner; run: () => Promise<unknown> }[] = [];
  for (const e of events) {
    steps.push({
      on: e.on,
      by: e.by,
      run: async () => recorded.set(e, unwrap(await recordFloorEvent(d, { programId, actor: who(e.by), event: draftOf(e, day) }))),
    });
    if (e.kind === 'shipment' && e.arrived) {
      const arrived = e.arrived;
      steps.push({
        on: arrived.on,
        by: arrived.by,
        run: async () => {
          const { event } = recorded.get(e) as FloorEventView;
          const at = { programId, eventId: event.key, version: event.version, actor: who(arrived.by) };
          recorded.set(e, unwrap(await updateShipment(d, { ...at, arrivedOn: day(arrived.on) })));
        },
      });
    }
    if (e.kind === 'inspection' && e.evidenceFor) {
      const to = e.evidenceFor;
      steps.push({
        on: to.on,
        by: 'quality',
        run: async () => {
          const { event } = recorded.get(e) as FloorEventView;
          const target = { programId, gateKey: to.gate, itemKey: to.item, actor: who('quality') };
          unwrap(await addEvidence(d, { ...target, evidence: { kind: 'event', eventId: event.key } }));
        },
      });
    }
  }
  // In the order of their days and hours (stable: otherwise in the order written), so the change log reads forwards.
  for (const s of steps.sort((a, b) => a.on - b.on || hourOf[a.by] - hourOf[b.by])) {
    clock.set(day(s.on), hourOf[s.by]);
    await s.run();
  }
  return events.length;
}
