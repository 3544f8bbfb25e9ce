import { describe, expect, it } from 'vitest';
import { mondayToFriday, type WorkingDays } from '../business-days.js';
import { asProgramId, asUserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import type { Result } from '../result.js';
import { eventFacts } from './event-facts.js';
import type { FloorEvent, InspectionEvent, MeasurementEvent } from './floor-event.js';
import { cpkMinValues, measurementFacts } from './measurement.js';
import { type FloorEventDraft, type RecordContext, recordFloorEvent } from './record-floor-event.js';
import { shipmentLateness } from './shipment.js';
import { updateShipment } from './update-shipment.js';

const d = (s: string) => s as PlainDate;
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

// Lots of 1,200 at level II take code letter J (n = 80): AQL 0.65 → Ac 1 Re 2, 1.0 → Ac 2 Re 3, 2.5 → Ac 5 Re 6 (ISO 2859-1 Table II-A).
const ctx: RecordContext = {
  id: 'e1',
  programId: asProgramId('p1'),
  key: 'E-1',
  recordedById: asUserId('u1'),
  createdAt: '2026-03-11T04:00:00.000Z',
  today: d('2026-03-11'),
  criticalAcceptsNone: true,
};
const record = (draft: FloorEventDraft, c: Partial<RecordContext> = {}) => recordFloorEvent(draft, { ...ctx, ...c });

describe('recording a floor event', () => {
  it('judges each class of an inspection on its plan; critical defects accept none, and any reject rejects the lot', () => {
    const e = value(
      record({
        kind: 'inspection',
        title: 'Pilot lot 3',
        lotSize: 1200,
        level: 'II',
        critical: { aql: 0.65, defectsFound: 1 },
        major: { aql: 2.5, defectsFound: 5 },
      }),
    ).next as InspectionEvent;
    const [critical, major] = e.inspection.classes;
    expect(critical).toMatchObject({ defectClass: 'critical', acceptNumber: 0, rejectNumber: 1, defectsFound: 1, verdict: 'reject' });
    expect(critical?.plan).toMatchObject({ codeLetter: 'J', sampleSize: 80, acceptNumber: 1 });
    expect(major).toMatchObject({ acceptNumber: 5, rejectNumber: 6, verdict: 'accept', defectRatePercent: 6.25 });
    expect(e.inspection.verdict).toBe('reject');
    expect(e.occurredOn).toBe('2026-03-11');
  });

  it('judges critical defects on the plan when the program says so', () => {
    const e = value(
      record(
        { kind: 'inspection', title: 'Lot', lotSize: 1200, level: 'II', critical: { aql: 0.65, defectsFound: 1 } },
        { criticalAcceptsNone: false },
      ),
    ).next as InspectionEvent;
    expect(e.inspection.classes[0]).toMatchObject({ acceptNumber: 1, verdict: 'accept' });
    expect(e.inspection.verdict).toBe('accept');
  });

  it('refuses an inspection with no class, a lot out of bounds, an unknown level or AQL, or more defects than the sample', () => {
    expect(refusal(record({ kind: 'inspection', title: 'Lot', lotSize: 1, level: 'IV' })).fields?.map((f) => f.path)).toEqual([
      'lotSize',
      'level',
      'major',
    ]);
    expect(
      refusal(record({ kind: 'inspection', title: 'Lot', lotSize: 10_000_001, level: 'II', minor: { aql: 1, defectsFound: 0 } })).fields,
    ).toEqual([{ path: 'lotSize', message: 'Must be a whole number from 2 to 10,000,000.' }]);
    expect(
      refusal(record({ kind: 'inspection', title: 'Lot', lotSize: 500, level: 'II', major: { aql: 7, defectsFound: 0 } })).fields?.[0]
        ?.path,
    ).toBe('major.aql');
    expect(
      refusal(record({ kind: 'inspection', title: 'Lot', lotSize: 500, level: 'II', minor: { aql: 1, defectsFound: 51 } })).fields,
    ).toEqual([{ path: 'minor.defectsFound', message: 'Must be at most the units inspected, 50.' }]);
  });

  it('refuses every bad field of a measurement at once', () => {
    const e = refusal(
      record({
        kind: 'measurement',
        title: '',
        characteristic: 'x'.repeat(201),
        nominal: Number.NaN,
        lowerLimit: 5,
        upperLimit: 4,
        values: [1, 2e9],
      }),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.fields?.map((f) => f.path)).toEqual(['title', 'characteristic', 'nominal', 'upperLimit', 'values.1']);
    expect(refusal(record({ kind: 'measurement', title: 'T', characteristic: 'c', nominal: 1, values: [1] })).fields?.[0]?.path).toBe(
      'upperLimit',
    );
    const many = Array.from({ length: 1001 }, () => 1);
    expect(
      refusal(record({ kind: 'measurement', title: 'T', characteristic: 'c', nominal: 1, upperLimit: 2, values: many })).fields?.[0]?.path,
    ).toBe('values');
  });

  it('refuses shipment dates after today, outside the range, or an arrival before shipping', () => {
    const e = refusal(record({ kind: 'shipment', title: 'Samples', expectedOn: '2101-01-01', shippedOn: '2026-03-12', arrivedOn: 'soon' }));
    expect(e.fields?.map((f) => f.path)).toEqual(['expectedOn', 'shippedOn', 'arrivedOn']);
    expect(
      refusal(record({ kind: 'shipment', title: 'S', expectedOn: '2026-03-10', shippedOn: '2026-03-09', arrivedOn: '2026-03-08' })).fields,
    ).toEqual([{ path: 'arrivedOn', message: 'Cannot lie before the day it shipped (2026-03-09).' }]);
    expect(
      refusal(record({ kind: 'shipment', title: 'S\u202e', expectedOn: '2026-03-10', occurredOn: '2026-03-12' })).fields?.map(
        (f) => f.path,
      ),
    ).toEqual(['title', 'occurredOn']);
  });

  it('records the change rows of every column, the details as one value', () => {
    const { changes } = value(record({ kind: 'shipment', title: 'Samples', expectedOn: '2026-03-20' }));
    expect(changes.map((c) => c.field)).toEqual(['kind', 'title', 'occurredOn', 'recordedById', 'expectedOn']);
  });
});

describe('updating a shipment', () => {
  const shipment = value(record({ kind: 'shipment', title: 'Samples', expectedOn: '2026-03-06' })).next;
  it('records the arrival with its change row, and refuses other kinds, no change, or a day after today', () => {
    const { next, changes } = value(updateShipment(shipment, { arrivedOn: '2026-03-10' }, d('2026-03-11')));
    expect(next.kind === 'shipment' && next.shipment.arrivedOn).toBe('2026-03-10');
    expect(changes).toEqual([{ field: 'arrivedOn', oldValue: null, newValue: '2026-03-10' }]);
    expect(refusal(updateShipment(next, { arrivedOn: '2026-03-10' }, d('2026-03-11'))).code).toBe('NOTHING_TO_CHANGE');
    expect(refusal(updateShipment(shipment, { arrivedOn: '2026-03-12' }, d('2026-03-11'))).fields?.[0]?.path).toBe('arrivedOn');
    const m = value(record({ kind: 'measurement', title: 'T', characteristic: 'c', nominal: 1, upperLimit: 2, values: [1] })).next;
    expect(refusal(updateShipment(m, { arrivedOn: '2026-03-10' }, d('2026-03-11'))).code).toBe('EVENT_NOT_A_SHIPMENT');
  });
});

describe('facts of an event', () => {
  // Friday 2026-03-06 expected; a calendar where Monday 2026-03-09 is a holiday.
  const holidayMonday: WorkingDays = { isWorkingDay: (x) => mondayToFriday.isWorkingDay(x) && x !== '2026-03-09' };
  const expected = { expectedOn: d('2026-03-06'), shippedOn: null };

  it('counts a shipment late in business days of the calendar, arrived or still missing', () => {
    expect(shipmentLateness({ ...expected, arrivedOn: d('2026-03-06') }, d('2026-03-20'), mondayToFriday)).toBeNull();
    expect(shipmentLateness({ ...expected, arrivedOn: null }, d('2026-03-06'), mondayToFriday)).toBeNull();
    expect(shipmentLateness({ ...expected, arrivedOn: d('2026-03-10') }, d('2026-03-20'), holidayMonday)).toEqual({
      businessDaysLate: 1,
      hasArrived: true,
    });
    expect(shipmentLateness({ ...expected, arrivedOn: d('2026-03-10') }, d('2026-03-20'), mondayToFriday)).toEqual({
      businessDaysLate: 2,
      hasArrived: true,
    });
    expect(shipmentLateness({ ...expected, arrivedOn: null }, d('2026-03-07'), mondayToFriday)).toEqual({
      businessDaysLate: 1,
      hasArrived: false,
    });
    expect(shipmentLateness({ ...expected, arrivedOn: null }, d('2026-03-13'), mondayToFriday)).toEqual({
      businessDaysLate: 5,
      hasArrived: false,
    });
  });

  it('gives a measurement its out-of-limit values, mean, σ and Cpk from five values, one-sided with one limit', () => {
    const base = { characteristic: 'Wall', unit: 'mm', nominal: 2, lowerLimit: 1.9, upperLimit: 2.1 };
    const f = measurementFacts({ ...base, values: [2.0, 2.02, 1.98, 2.01, 1.99] });
    expect(f.mean).toBeCloseTo(2.0, 10);
    expect(f.stdDev).toBeCloseTo(Math.sqrt(0.001 / 4), 10);
    expect(f.cpk).toBeCloseTo(0.1 / (3 * Math.sqrt(0.00025)), 6);
    expect(f.outOfLimits).toEqual([]);
    const upperOnly = measurementFacts({ ...base, lowerLimit: null, values: [2.0, 2.02, 1.98, 2.01, 1.99] });
    expect(upperOnly.isOneSided).toBe(true);
    expect(upperOnly.cpk).toBeCloseTo(f.cpk ?? 0, 6);
    const offCentre = measurementFacts({ ...base, lowerLimit: null, values: [2.05, 2.07, 2.03, 2.06, 2.04] });
    expect(offCentre.cpk).toBeCloseTo(0.05 / (3 * Math.sqrt(0.001 / 4)), 6);
    expect(measurementFacts({ ...base, values: [2, 2.2, 1.8, 2.1] })).toMatchObject({
      cpk: null,
      noCpk: 'too_few_values',
      outOfLimits: [
        { index: 1, value: 2.2, side: 'above' },
        { index: 2, value: 1.8, side: 'below' },
      ],
    });
    expect(cpkMinValues).toBe(5);
    expect(measurementFacts({ ...base, values: [2, 2, 2, 2, 2] })).toMatchObject({ cpk: null, noCpk: 'no_spread', stdDev: 0 });
  });

  it('answers the facts a trigger reads per kind', () => {
    const late: FloorEvent = value(record({ kind: 'shipment', title: 'S', expectedOn: '2026-03-06' })).next;
    expect(eventFacts(late, d('2026-03-11'), mondayToFriday)).toEqual({ lateArrival: { businessDaysLate: 3, hasArrived: false } });
    const m = value(
      record({
        kind: 'measurement',
        title: 'T',
        characteristic: 'c',
        nominal: 2,
        lowerLimit: 1.9,
        upperLimit: 2.1,
        values: [2, 2.2, 1.95, 2.05, 2],
      }),
    ).next as MeasurementEvent;
    const facts = eventFacts(m, d('2026-03-11'), mondayToFriday);
    expect(facts.outOfTolerance).toEqual({ count: 1, values: [{ index: 1, value: 2.2, side: 'above' }] });
    expect(facts.cpk).toBeGreaterThan(0);
    const i = value(
      record({
        kind: 'inspection',
        title: 'Lot',
        lotSize: 1200,
        level: 'II',
        major: { aql: 2.5, defectsFound: 8 },
        minor: { aql: 1, defectsFound: 1 },
      }),
    ).next;
    expect(eventFacts(i, d('2026-03-11'), mondayToFriday)).toEqual({ inspectionVerdict: 'reject', defectRatePercent: 10 });
  });
});
