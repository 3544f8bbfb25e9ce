import type { FloorEvent, FloorEventKind, Verdict } from './floor-event.js';
import { measurementFacts } from './measurement.js';

/** What a checklist item shows of the floor event it holds as evidence: which event, and its verdict in words. */
export interface EventEvidence {
  readonly id: string;
  readonly key: string;
  readonly kind: FloorEventKind;
  readonly title: string;
  /** An inspection's verdict; a measurement accepts when every value lies within its limits. */
  readonly verdict: Verdict;
  /** One line: "E-7 inspection REJECT: major n=80 Ac 5 Re 6 found 7" or "E-8 measurement: 1 of 5 out of limits, Cpk 0.84". */
  readonly summary: string;
}

/** Only an inspection or a measurement is evidence: a shipment's arrival proves nothing about the product. */
export const isEvidenceEvent = (e: FloorEvent): boolean => e.kind === 'inspection' || e.kind === 'measurement';

/** The verdict and one-line summary of an inspection or measurement held as evidence; null for a shipment. */
export function eventEvidence(e: FloorEvent): EventEvidence | null {
  const head = { id: e.id, key: e.key, kind: e.kind, title: e.title };
  if (e.kind === 'inspection') {
    const classes = e.inspection.classes.map(
      (c) => `${c.defectClass} n=${c.plan.sampleSize} Ac ${c.acceptNumber} Re ${c.rejectNumber} found ${c.defectsFound}`,
    );
    return {
      ...head,
      verdict: e.inspection.verdict,
      summary: `${e.key} inspection ${e.inspection.verdict.toUpperCase()}: ${classes.join('; ')}`,
    };
  }
  if (e.kind === 'measurement') {
    const f = measurementFacts(e.measurement);
    const out = f.outOfLimits.length === 0 ? 'all values within limits' : `${f.outOfLimits.length} of ${f.count} out of limits`;
    const cpk = f.cpk === null ? '' : `, Cpk ${f.cpk.toFixed(2)}`;
    return {
      ...head,
      verdict: f.outOfLimits.length === 0 ? 'accept' : 'reject',
      summary: `${e.key} measurement of ${e.measurement.characteristic}: ${out}${cpk}`,
    };
  }
  return null;
}
