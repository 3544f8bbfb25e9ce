import { parse } from 'csv-parse/sync';
import { defectClasses, floorEventKinds } from '../../domain/floor/floor-event.js';
import type { FloorEventDraft } from '../../domain/floor/record-floor-event.js';
import { type FieldProblem, ok, type Result, refuse } from '../../domain/result.js';

/** The bounds of one CSV import (README.md, "CSV import of floor events"). */
export const floorCsvLimits = { maxCharacters: 500_000, maxRows: 2000 } as const;

/**
 * The columns a floor-event CSV file may have, by header name (case and spaces around ignored); `kind` and
 * `title` are required, the others are read for the kinds that have them and must be empty for the rest.
 * A measurement's `values` are numbers separated by `;` or spaces in one cell.
 */
export const floorCsvColumns = [
  'kind',
  'title',
  'occurredOn',
  'expectedOn',
  'shippedOn',
  'arrivedOn',
  'lotRef',
  'lotSize',
  'level',
  'criticalAql',
  'criticalFound',
  'majorAql',
  'majorFound',
  'minorAql',
  'minorFound',
  'characteristic',
  'unit',
  'nominal',
  'lowerLimit',
  'upperLimit',
  'values',
] as const;
export type FloorCsvColumn = (typeof floorCsvColumns)[number];

const kindColumns: Readonly<Record<(typeof floorEventKinds)[number], readonly FloorCsvColumn[]>> = {
  shipment: ['expectedOn', 'shippedOn', 'arrivedOn'],
  inspection: ['lotRef', 'lotSize', 'level', 'criticalAql', 'criticalFound', 'majorAql', 'majorFound', 'minorAql', 'minorFound'],
  measurement: ['characteristic', 'unit', 'nominal', 'lowerLimit', 'upperLimit', 'values'],
};

/** A problem of one cell: the column named as the file's header names it. */
export interface CellProblem {
  readonly column: string;
  readonly message: string;
}

/** One data row: its number (1 is the first after the header), the line it ends on, and its draft or problems. */
export type CsvRow =
  | { readonly row: number; readonly line: number; readonly draft: FloorEventDraft; readonly problems: readonly [] }
  | { readonly row: number; readonly line: number; readonly draft: null; readonly problems: readonly CellProblem[] };

/** The CSV column a field problem of the rules names (`major.aql` → majorAql, `values.3` → values). */
export function columnOf(path: string): string {
  const [head, tail] = path.split('.');
  if (head && (defectClasses as readonly string[]).includes(head)) return `${head}${tail === 'defectsFound' ? 'Found' : 'Aql'}`;
  return head ?? path;
}

const byName = new Map(floorCsvColumns.map((c) => [c.toLowerCase(), c]));

/**
 * Reads a floor-event CSV file into one draft per data row, or every problem of a row by column; refuses
 * (CSV_UNREADABLE) a file that is not a table with a known header, or holds more than the rows allowed.
 */
export function readFloorCsv(text: string): Result<CsvRow[]> {
  if (text.length > floorCsvLimits.maxCharacters)
    return refuse('VALIDATION_FAILED', `The file holds more than ${floorCsvLimits.maxCharacters.toLocaleString('en')} characters.`, [
      { path: 'csv', message: `At most ${floorCsvLimits.maxCharacters.toLocaleString('en')} characters.` },
    ]);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true, to: floorCsvLimits.maxRows + 2 }) as never;
  } catch (e) {
    return refuse('CSV_UNREADABLE', `The file is not a CSV table: ${(e as Error).message}`, [
      { path: 'csv', message: (e as Error).message },
    ]);
  }
  const [header, ...data] = records;
  if (!header)
    return refuse('CSV_UNREADABLE', 'The file is empty: give a header row and at least one row.', [{ path: 'csv', message: 'Empty.' }]);
  if (data.length > floorCsvLimits.maxRows)
    return refuse('CSV_UNREADABLE', `The file holds more than ${floorCsvLimits.maxRows.toLocaleString('en')} rows; split it.`, [
      { path: 'csv', message: `At most ${floorCsvLimits.maxRows.toLocaleString('en')} rows.` },
    ]);
  if (data.length === 0)
    return refuse('CSV_UNREADABLE', 'The file holds a header row but no events.', [{ path: 'csv', message: 'No rows.' }]);
  const columns: FloorCsvColumn[] = [];
  for (const name of header.record) {
    const column = byName.get(name.toLowerCase());
    if (!column)
      return refuse(
        'CSV_UNREADABLE',
        `Line 1: "${name.slice(0, 40)}" is not a column of a floor-event file (${floorCsvColumns.join(', ')}).`,
        [{ path: 'csv', message: `Unknown column "${name.slice(0, 40)}".` }],
      );
    if (columns.includes(column))
      return refuse('CSV_UNREADABLE', `Line 1: the column ${column} is named twice.`, [{ path: 'csv', message: `${column} twice.` }]);
    columns.push(column);
  }
  for (const required of ['kind', 'title'] as const)
    if (!columns.includes(required))
      return refuse('CSV_UNREADABLE', `Line 1: the header row has no ${required} column.`, [
        { path: 'csv', message: `No ${required} column.` },
      ]);
  return ok(data.map((r, i) => readRow(i + 1, r.info.lines, Object.fromEntries(columns.map((c, j) => [c, r.record[j] ?? ''])))));
}

function readRow(row: number, line: number, cells: Partial<Record<FloorCsvColumn, string>>): CsvRow {
  const problems: CellProblem[] = [];
  const cell = (c: FloorCsvColumn) => cells[c] ?? '';
  const kind = cell('kind').toLowerCase();
  if (!(floorEventKinds as readonly string[]).includes(kind)) {
    return { row, line, draft: null, problems: [{ column: 'kind', message: `Must be one of ${floorEventKinds.join(', ')}.` }] };
  }
  const k = kind as (typeof floorEventKinds)[number];
  for (const other of floorCsvColumns)
    if (!['kind', 'title', 'occurredOn'].includes(other) && !kindColumns[k].includes(other) && cell(other) !== '')
      problems.push({ column: other, message: `A ${k} has no ${other}; leave it empty.` });
  const num = (c: FloorCsvColumn, isRequired: boolean): number | undefined => {
    const v = cell(c);
    if (v === '') {
      if (isRequired) problems.push({ column: c, message: 'Required.' });
      return undefined;
    }
    const n = Number(v);
    if (!Number.isFinite(n)) problems.push({ column: c, message: `"${v.slice(0, 20)}" is not a number (write 1200 or 0.65).` });
    return n;
  };
  const base = { title: cell('title'), occurredOn: cell('occurredOn') || undefined };
  let draft: FloorEventDraft;
  if (k === 'shipment') {
    draft = {
      ...base,
      kind: k,
      expectedOn: cell('expectedOn'),
      shippedOn: cell('shippedOn') || null,
      arrivedOn: cell('arrivedOn') || null,
    };
  } else if (k === 'inspection') {
    const defectClass = (c: 'critical' | 'major' | 'minor') => {
      const aql = num(`${c}Aql`, cell(`${c}Found`) !== '');
      const found = num(`${c}Found`, cell(`${c}Aql`) !== '');
      return aql === undefined || found === undefined ? undefined : { aql, defectsFound: found };
    };
    draft = {
      ...base,
      kind: k,
      lotRef: cell('lotRef'),
      lotSize: num('lotSize', true) ?? Number.NaN,
      level: cell('level').toUpperCase(),
      critical: defectClass('critical'),
      major: defectClass('major'),
      minor: defectClass('minor'),
    };
  } else {
    const raw = cell('values')
      .split(/[;\s]+/)
      .filter((v) => v !== '');
    const values = raw.map(Number);
    const bad = raw.find((v) => !Number.isFinite(Number(v)));
    if (bad !== undefined)
      problems.push({ column: 'values', message: `"${bad.slice(0, 20)}" is not a number; separate values with ; or spaces.` });
    draft = {
      ...base,
      kind: k,
      characteristic: cell('characteristic'),
      unit: cell('unit'),
      nominal: num('nominal', true) ?? Number.NaN,
      lowerLimit: num('lowerLimit', false) ?? null,
      upperLimit: num('upperLimit', false) ?? null,
      values,
    };
  }
  return problems.length > 0 ? { row, line, draft: null, problems } : { row, line, draft, problems: [] };
}

/** A row's field problems from the rules, by the column the file names. */
export const cellProblems = (fields: readonly FieldProblem[] | undefined, message: string): CellProblem[] =>
  fields && fields.length > 0 ? fields.map((f) => ({ column: columnOf(f.path), message: f.message })) : [{ column: 'kind', message }];
