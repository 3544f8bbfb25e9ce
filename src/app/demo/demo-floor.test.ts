import { describe, expect, it } from 'vitest';
import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import { judgeInspection } from '../../domain/floor/inspection.js';
import { measurementFacts } from '../../domain/floor/measurement.js';
import { shipmentLateness } from '../../domain/floor/shipment.js';
import { defaultFourGateTemplate } from '../../domain/gates/default-four-gate.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { demoPrograms } from './demo-data.js';
import type { DemoFloorEvent, DemoInspection, DemoMeasurement, DemoShipment } from './demo-texts.js';

// Any Wednesday: the texts count business days from the demo's today, whatever day it is.
const today = '2026-03-11' as PlainDate;
const day = (n: number) => addBusinessDays(mondayToFriday, today, n);
const all = demoPrograms.flatMap((p) => (p.texts.floor ?? []).map((e) => ({ code: p.code, e })));
const of = <K extends DemoFloorEvent['kind']>(kind: K) =>
  all.filter((x): x is { code: string; e: Extract<DemoFloorEvent, { kind: K }> } => x.e.kind === kind);

const judged = (e: DemoInspection) => {
  const r = judgeInspection(
    { lotRef: e.lotRef, lotSize: e.lotSize, level: e.level, classes: { critical: e.critical, major: e.major, minor: e.minor } },
    true,
  );
  if (!r.ok) throw new Error(`${e.title}: ${r.error.message}`);
  return r.value;
};
const lateness = (e: DemoShipment) =>
  shipmentLateness(
    { expectedOn: day(e.expected), shippedOn: day(e.on), arrivedOn: e.arrived ? day(e.arrived.on) : null },
    today,
    mondayToFriday,
  );
const facts = (e: DemoMeasurement) => measurementFacts({ ...e, values: [...e.values] });

describe('the demo’s floor events', () => {
  it('come from a few programs, a few each, in the past and in the order of their days', () => {
    const programs = new Set(all.map((x) => x.code));
    expect(programs.size).toBeGreaterThanOrEqual(2);
    expect(programs.size).toBeLessThanOrEqual(3);
    for (const p of demoPrograms) {
      const days = (p.texts.floor ?? []).map((e) => e.on);
      expect(days, p.code).toEqual([...days].sort((a, b) => a - b));
      // Never today: the loader's clock would run past the demo's instant.
      for (const e of p.texts.floor ?? []) {
        const later = [e.on, e.kind === 'shipment' ? e.arrived?.on : undefined, e.kind === 'inspection' ? e.evidenceFor?.on : undefined];
        expect(Math.max(...later.filter((n): n is number => n !== undefined)), e.title).toBeLessThan(0);
      }
    }
  });

  it('have a sample shipment on time, one that arrived late, and one whose expected day passed without arrival', () => {
    const shipments = of('shipment').map(({ e }) => ({ e, late: lateness(e) }));
    expect(shipments.some(({ e, late }) => e.arrived && late === null)).toBe(true);
    expect(shipments.some(({ late }) => late?.hasArrived === true && late.businessDaysLate >= 1)).toBe(true);
    expect(shipments.some(({ e, late }) => !e.arrived && late !== null && late.businessDaysLate >= 1)).toBe(true);
  });

  it('have an accepted inspection and a failed one, with majors beyond Ac and a critical defect, as evidence of the defect-rate item', () => {
    const inspections = of('inspection').map(({ e }) => ({ e, i: judged(e) }));
    expect(inspections.some(({ i }) => i.verdict === 'accept')).toBe(true);
    const failed = inspections.filter(({ e, i }) => {
      const major = i.classes.find((c) => c.defectClass === 'major');
      const critical = i.classes.find((c) => c.defectClass === 'critical');
      return (
        i.verdict === 'reject' &&
        major !== undefined &&
        major.defectsFound > major.acceptNumber &&
        critical?.defectsFound === 1 &&
        e.evidenceFor?.item === 'G2-DEFECT-RATE'
      );
    });
    expect(failed.length).toBe(1);
    // The item it goes onto is the default template's, on the gate named.
    const gate = defaultFourGateTemplate.gates.find((g) => g.key === failed[0]?.e.evidenceFor?.gate);
    expect(gate?.checklist.map((i) => i.key)).toContain('G2-DEFECT-RATE');
  });

  it('have a capable measurement (Cpk ≥ 1.33 from 10 values or more) and one with a value out of tolerance', () => {
    const measured = of('measurement').map(({ e }) => ({ e, f: facts(e) }));
    expect(measured.some(({ f }) => f.count >= 10 && f.outOfLimits.length === 0 && (f.cpk ?? 0) >= 1.33)).toBe(true);
    expect(measured.some(({ f }) => f.outOfLimits.length === 1)).toBe(true);
  });
});
