import type { FloorEventView } from '../app/floor/floor-event-view.js';
import type { ImportResult } from '../app/floor/import-floor-events.js';
import type { FloorEventJson, ImportResultJson } from '../contract/floor-event.js';
import { cpkMinValues } from '../domain/floor/measurement.js';
import { personRef } from './api-json.js';

// Floor events as the API's JSON; shared by http/ and the CLI's --json.

export function floorEventJson(v: FloorEventView): FloorEventJson {
  const e = v.event;
  const m = v.measurement;
  return {
    id: e.id,
    programId: e.programId,
    programCode: v.program.code,
    key: e.key,
    kind: e.kind,
    title: e.title,
    occurredOn: e.occurredOn,
    recordedBy: personRef(v.recordedBy),
    recordedAt: e.createdAt,
    version: e.version,
    shipment: e.kind === 'shipment' ? { ...e.shipment, businessDaysLate: v.facts.lateArrival?.businessDaysLate ?? null } : null,
    inspection:
      e.kind === 'inspection'
        ? {
            lotRef: e.inspection.lotRef,
            lotSize: e.inspection.lotSize,
            level: e.inspection.level,
            criticalAcceptsNone: e.inspection.criticalAcceptsNone,
            verdict: e.inspection.verdict,
            classes: e.inspection.classes.map((c) => ({
              defectClass: c.defectClass,
              aql: c.aql,
              codeLetter: c.plan.codeLetter,
              planLetter: c.plan.planLetter,
              sampleSize: c.plan.sampleSize,
              unitsToInspect: c.plan.unitsToInspect,
              hundredPercent: c.plan.hundredPercent,
              planAcceptNumber: c.plan.acceptNumber,
              planRejectNumber: c.plan.rejectNumber,
              acceptNumber: c.acceptNumber,
              rejectNumber: c.rejectNumber,
              defectsFound: c.defectsFound,
              verdict: c.verdict,
              defectRatePercent: c.defectRatePercent,
              steps: c.plan.steps.map((s) => ({ rule: s.rule, text: s.text, values: { ...s.values } })),
            })),
          }
        : null,
    measurement:
      e.kind === 'measurement' && m
        ? {
            ...e.measurement,
            values: [...e.measurement.values],
            outOfLimits: [...m.outOfLimits],
            mean: m.mean,
            stdDev: m.stdDev,
            cpk: m.cpk,
            isOneSided: m.isOneSided,
            noCpk: m.noCpk,
            cpkMinValues,
          }
        : null,
  };
}

export function importResultJson(r: ImportResult): ImportResultJson {
  return {
    dryRun: r.dryRun,
    written: r.written,
    rows: r.rows.map((row) => ({
      row: row.row,
      line: row.line,
      isOk: row.event !== null,
      event: row.event ? floorEventJson(row.event) : null,
      errors: [...row.problems],
    })),
  };
}
