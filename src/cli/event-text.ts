import type { FloorEventJson, ImportResultJson } from '../contract/floor-event.js';
import type { ProgramSummary } from '../contract/program.js';
import { facts, table } from './output.js';

// Floor events as people read them in a terminal.

const num = (n: number): string => String(Number(n.toPrecision(6)));

/** The event's outcome in a few words: late by, verdict per class, Cpk and values out of limits. */
export function eventOutcome(e: FloorEventJson): string {
  if (e.shipment) {
    const s = e.shipment;
    const state = s.arrivedOn ? `arrived ${s.arrivedOn}` : s.shippedOn ? `shipped ${s.shippedOn}, not arrived` : 'not shipped';
    return `${state}; expected ${s.expectedOn}${s.businessDaysLate === null ? '' : `, ${s.businessDaysLate} bd late`}`;
  }
  if (e.inspection) {
    const i = e.inspection;
    const classes = i.classes.map(
      (c) => `${c.defectClass} n=${c.sampleSize} Ac ${c.acceptNumber} Re ${c.rejectNumber} found ${c.defectsFound} → ${c.verdict}`,
    );
    return `${i.verdict.toUpperCase()} (${classes.join('; ')})`;
  }
  const m = e.measurement;
  if (!m) return '';
  const out = m.outOfLimits.length === 0 ? 'all within limits' : `${m.outOfLimits.length} of ${m.values.length} out of limits`;
  const cpk =
    m.cpk === null
      ? m.noCpk === 'too_few_values'
        ? `no Cpk (under ${m.cpkMinValues} values)`
        : 'no Cpk (no spread)'
      : `Cpk ${m.cpk.toFixed(2)}`;
  return `${out}; mean ${num(m.mean)}${m.unit ? ` ${m.unit}` : ''}; ${cpk}`;
}

export function eventsTable(events: readonly FloorEventJson[]): string {
  if (events.length === 0) return 'No floor events.';
  return table(
    ['Key', 'Kind', 'Title', 'Occurred', 'Recorded by', 'Outcome'],
    events.map((e) => [e.key, e.kind, e.title, e.occurredOn, e.recordedBy?.name ?? null, eventOutcome(e)]),
    { maxWidths: [undefined, undefined, 36, undefined, 20, 60], dropOrder: [4, 3] },
  );
}

export function describeEvent(p: ProgramSummary, e: FloorEventJson): string {
  const rows: [string, string][] = [
    ['Event', `${p.code} ${e.key} ${e.kind}: ${e.title}`],
    ['Occurred', e.occurredOn],
    ['Outcome', eventOutcome(e)],
  ];
  if (e.inspection) {
    for (const c of e.inspection.classes) {
      rows.push([`${c.defectClass} AQL ${c.aql}`, c.steps.map((s) => s.text).join(' ')]);
    }
  }
  if (e.measurement) {
    const m = e.measurement;
    const limits = `${m.lowerLimit ?? '—'} … ${m.upperLimit ?? '—'} (nominal ${m.nominal})`;
    rows.push(
      ['Limits', limits],
      ['Values', m.values.map((v, i) => (m.outOfLimits.some((o) => o.index === i) ? `*${v}*` : String(v))).join(' ')],
    );
  }
  return facts(rows);
}

/** Every row's result: the event it makes or made, or its errors by column. */
export function importText(r: ImportResultJson): string {
  const lines = r.rows.map((row) =>
    row.event
      ? `row ${row.row} (line ${row.line}): ok ${row.event.key || '(new)'} ${row.event.kind} "${row.event.title}" — ${eventOutcome(row.event)}`
      : `row ${row.row} (line ${row.line}): ${row.errors.map((e) => `${e.column}: ${e.message}`).join('; ')}`,
  );
  const bad = r.rows.filter((row) => !row.isOk).length;
  const summary = r.dryRun
    ? `Dry run: ${r.rows.length - bad} of ${r.rows.length} rows would be recorded${bad > 0 ? `; fix ${bad} before importing (nothing is written while any row is refused)` : ''}. Nothing was written.`
    : `Recorded ${r.written} events.`;
  return [...lines, summary].join('\n');
}
