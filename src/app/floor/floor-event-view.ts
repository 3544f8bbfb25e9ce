import { type EventFacts, eventFacts } from '../../domain/floor/event-facts.js';
import type { FloorEvent } from '../../domain/floor/floor-event.js';
import { type MeasurementFacts, measurementFacts } from '../../domain/floor/measurement.js';
import type { Program } from '../../domain/program.js';
import type { Reads, User } from '../ports.js';
import { byId, programCalendar, programToday } from '../views.js';

/** A floor event with who recorded it and what it says today: its facts and, for a measurement, its figures. */
export interface FloorEventView {
  readonly program: Program;
  readonly event: FloorEvent;
  readonly recordedBy: User | null;
  readonly facts: EventFacts;
  readonly measurement: MeasurementFacts | null;
}

/** Views of a program's events, reading the people who recorded them once; facts on the program's calendar and today. */
export async function floorEventViews(reads: Reads, program: Program, events: readonly FloorEvent[], now: Date): Promise<FloorEventView[]> {
  const people = byId(await reads.findUsers([...new Set(events.map((e) => e.recordedById))]));
  const today = programToday(program, now);
  const calendar = events.some((e) => e.kind === 'shipment') ? programCalendar(program) : null;
  return events.map((event) => ({
    program,
    event,
    recordedBy: people.get(event.recordedById) ?? null,
    // Only a shipment's facts count business days, so the calendar is built only when a page holds one.
    facts: eventFacts(event, today, calendar ?? { isWorkingDay: () => true }),
    measurement: event.kind === 'measurement' ? measurementFacts(event.measurement) : null,
  }));
}

export async function floorEventView(reads: Reads, program: Program, event: FloorEvent, now: Date): Promise<FloorEventView> {
  const [view] = await floorEventViews(reads, program, [event], now);
  if (!view) throw new Error('a view of one event is one view');
  return view;
}
