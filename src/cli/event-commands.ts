import type { Command } from 'commander';
import { FloorEventsQuerySchema, UpdateShipmentSchema } from '../contract/floor-event.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { describeEvent, eventsTable, importText } from './event-text.js';
import { badOption, parseOption, readText, withFlags } from './options.js';
import { emit, fail, type Output, outputOf } from './output.js';
import { addPageOptions, nextPageLine, pageOptions } from './paging.js';
import type { CliContext } from './session.js';
import { requireProgram } from './targets.js';

const listed = FloorEventsQuerySchema.shape;
const jsonHelp = "print the event as the API's JSON (FloorEvent)";

/** The API's field names as the options of `event add` (a refusal names what the person typed). */
const addFlags: Record<string, string> = {
  kind: '--kind',
  title: '--title',
  occurredOn: '--on',
  expectedOn: '--expected',
  shippedOn: '--shipped',
  arrivedOn: '--arrived',
  lotRef: '--lot-ref',
  lotSize: '--lot',
  level: '--level',
  critical: '--critical',
  'critical.aql': '--critical',
  'critical.defectsFound': '--critical',
  major: '--major',
  'major.aql': '--major',
  'major.defectsFound': '--major',
  minor: '--minor',
  'minor.aql': '--minor',
  'minor.defectsFound': '--minor',
  characteristic: '--characteristic',
  unit: '--unit',
  nominal: '--nominal',
  lowerLimit: '--lower',
  upperLimit: '--upper',
  values: '--values',
};

interface AddOptions {
  kind?: string;
  title?: string;
  on?: string;
  expected?: string;
  shipped?: string;
  arrived?: string;
  lotRef?: string;
  lot?: string;
  level?: string;
  critical?: string;
  major?: string;
  minor?: string;
  characteristic?: string;
  unit?: string;
  nominal?: string;
  lower?: string;
  upper?: string;
  values?: string;
  json?: boolean;
}

function number(out: Output, flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  return raw.trim() === '' || !Number.isFinite(n) ? badOption(out, flag, 'Must be a number.', raw) : n;
}

/** A defect class as AQL:FOUND (2.5:3). */
function defectClass(out: Output, flag: string, raw: string | undefined) {
  if (raw === undefined) return undefined;
  const m = /^\s*([0-9.]+)\s*:\s*(\d+)\s*$/.exec(raw);
  if (!m) return badOption(out, flag, 'Give the AQL and the defects found as AQL:FOUND, e.g. 2.5:3.', raw);
  return { aql: Number(m[1]), defectsFound: Number(m[2]) };
}

/** The request body of `event add` from its options; the contract and the rules check the values. */
function bodyOf(out: Output, o: AddOptions): Record<string, unknown> {
  const base = { title: o.title ?? '', ...(o.on ? { occurredOn: o.on.trim() } : {}) };
  switch (o.kind?.trim().toLowerCase()) {
    case 'shipment':
      return {
        kind: 'shipment',
        ...base,
        expectedOn: o.expected?.trim() ?? '',
        shippedOn: o.shipped?.trim(),
        arrivedOn: o.arrived?.trim(),
      };
    case 'inspection':
      return {
        kind: 'inspection',
        ...base,
        lotRef: o.lotRef,
        lotSize: number(out, '--lot', o.lot),
        level: o.level?.trim().toUpperCase(),
        critical: defectClass(out, '--critical', o.critical),
        major: defectClass(out, '--major', o.major),
        minor: defectClass(out, '--minor', o.minor),
      };
    case 'measurement':
      return {
        kind: 'measurement',
        ...base,
        characteristic: o.characteristic ?? '',
        unit: o.unit,
        nominal: number(out, '--nominal', o.nominal),
        lowerLimit: number(out, '--lower', o.lower),
        upperLimit: number(out, '--upper', o.upper),
        values: (o.values ?? '')
          .split(/[,;\s]+/)
          .filter((v) => v !== '')
          .map((v) => number(out, '--values', v)),
      };
    default:
      return badOption(out, '--kind', 'Must be shipment, inspection or measurement.', o.kind);
  }
}

async function requireEvent(b: Backend, out: Output, programId: string, code: string, ref: string) {
  const r = await b.getFloorEvent({ params: { programId, eventKey: ref.trim() } });
  if (r.ok) return r.value;
  return fail(
    out,
    r.error.code === 'EVENT_NOT_FOUND'
      ? { ...r.error, message: `No floor event "${ref}" in ${code}. See \`tollgate event list ${code}\`.` }
      : r.error,
  );
}

export function registerEventCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('event')
    .description('Floor events: sample shipments, inspections (ISO 2859-1 verdicts) and measurements (limits, Cpk)')
    .addHelpText(
      'after',
      '\nEvents are named by key (E-12, any case) or id. `event import` reads a CSV file (README: "CSV import of floor events").',
    );

  addActingOptions(
    group
      .command('add')
      .description('Report a floor event; it gets the next key (E-n)')
      .argument('<program>', 'program code or id')
      .option('--kind <kind>', 'shipment, inspection or measurement (required)')
      .option('--title <text>', 'what was shipped, inspected or measured (required)')
      .option('--on <date>', 'the day it happened, YYYY-MM-DD (default: today)')
      .option('--expected <date>', 'shipment: expected arrival (required)')
      .option('--shipped <date>', 'shipment: the day it shipped')
      .option('--arrived <date>', 'shipment: the day it arrived')
      .option('--lot-ref <text>', 'inspection: the lot or batch')
      .option('--lot <size>', 'inspection: lot size, 2 to 10,000,000 (required)')
      .option('--level <level>', 'inspection: I, II, III or S-1 … S-4 (required)')
      .option('--critical <aql:found>', 'inspection: critical defects, AQL and defects found, e.g. 0.65:0')
      .option('--major <aql:found>', 'inspection: major defects, e.g. 2.5:3')
      .option('--minor <aql:found>', 'inspection: minor defects, e.g. 4.0:5')
      .option('--characteristic <text>', 'measurement: what was measured (required)')
      .option('--unit <unit>', 'measurement: its unit, e.g. mm')
      .option('--nominal <number>', 'measurement: the nominal value (required)')
      .option('--lower <number>', 'measurement: lower specification limit')
      .option('--upper <number>', 'measurement: upper specification limit')
      .option('--values <list>', 'measurement: 1 to 1,000 values separated by commas, semicolons or spaces')
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExamples:\n  tollgate event add KHG-KW500 --kind shipment --title "PPAP samples" --expected 2026-03-20\n  tollgate event add KHG-KW500 --kind inspection --title "Pilot lot 3" --lot 1200 --level II --critical 0.65:0 --major 2.5:4\n  tollgate event add KHG-KW500 --kind measurement --title "Wall thickness" --characteristic Wall --unit mm --nominal 2 --lower 1.9 --upper 2.1 --values "2.01 1.98 2.03 2.00 1.99"',
      ),
  ).action(async (programRef: string, o: AddOptions, cmd: Command) => {
    const out = outputOf(o);
    const body = bodyOf(out, o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const r = await b.recordFloorEvent({ params: { programId: program.id }, body: body as never });
      const e = r.ok ? r.value : fail(out, withFlags(r.error, addFlags));
      emit(out, e, () => `Recorded ${describeEvent(program, e).trimStart()}`);
    });
  });

  addActingOptions(
    addPageOptions(
      group
        .command('list')
        .description("A program's floor events, newest first, with their outcome")
        .argument('<program>', 'program code or id')
        .option('--kind <kind>', 'only shipments, inspections or measurements'),
      'events',
      100,
      500,
    ).option('--json', "print the API's JSON ({ items: FloorEvent[], nextCursor })"),
  ).action(async (programRef: string, o: { kind?: string; limit?: string; cursor?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const kind = parseOption(out, '--kind', listed.kind, o.kind?.trim().toLowerCase());
    const page = pageOptions(out, listed.limit, 500, o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const r = await b.listFloorEvents({ params: { programId: program.id }, query: { kind, ...page } });
      const found = r.ok ? r.value : fail(out, withFlags(r.error, { cursor: '--cursor' }));
      const more = nextPageLine('More events', ['event', 'list', program.code], { '--kind': o.kind, '--limit': o.limit }, found.nextCursor);
      emit(out, found, () => eventsTable(found.items) + more);
    });
  });

  addActingOptions(
    group
      .command('show')
      .description('One floor event with its outcome; an inspection with how each plan was found')
      .argument('<program>', 'program code or id')
      .argument('<event>', 'key (E-12) or id')
      .option('--json', jsonHelp),
  ).action(async (programRef: string, ref: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const e = await requireEvent(b, out, program.id, program.code, ref);
      emit(out, e, () => describeEvent(program, e));
    });
  });

  addActingOptions(
    group
      .command('arrived')
      .description('Record the day a sample shipment arrived (or shipped, with --shipped)')
      .argument('<program>', 'program code or id')
      .argument('<event>', 'key (E-12) or id')
      .option('--on <date>', 'the day it arrived, YYYY-MM-DD')
      .option('--shipped <date>', 'the day it shipped')
      .option('--json', jsonHelp),
  ).action(async (programRef: string, ref: string, o: { on?: string; shipped?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const arrivedOn = o.on === undefined ? undefined : parseOption(out, '--on', UpdateShipmentSchema.shape.arrivedOn, o.on.trim());
    const shippedOn =
      o.shipped === undefined ? undefined : parseOption(out, '--shipped', UpdateShipmentSchema.shape.shippedOn, o.shipped.trim());
    if (arrivedOn === undefined && shippedOn === undefined) badOption(out, '--on', 'Say the day it arrived (or give --shipped).');
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const before = await requireEvent(b, out, program.id, program.code, ref);
      const r = await b.updateShipment({
        params: { programId: program.id, eventKey: before.id },
        body: { version: before.version, shippedOn, arrivedOn },
      });
      const e = r.ok ? r.value : fail(out, withFlags(r.error, { arrivedOn: '--on', shippedOn: '--shipped' }));
      emit(out, e, () => `Updated ${describeEvent(program, e).trimStart()}`);
    });
  });

  addActingOptions(
    group
      .command('import')
      .description('Import floor events from a CSV file: every row is recorded, or none when any row is refused')
      .argument('<program>', 'program code or id')
      .argument('<file>', 'the CSV file: a header row, one event per row (see README, "CSV import of floor events")')
      .option('--dry-run', "check every row and print each one's result; write nothing")
      .option('--json', "print the API's JSON (ImportResult)")
      .addHelpText('after', '\nExample:\n  tollgate event import KHG-KW500 docs/examples/floor-events.csv --dry-run'),
  ).action(async (programRef: string, file: string, o: { dryRun?: boolean; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const csv = readText(out, '<file>', file);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const r = await b.importFloorEvents({ params: { programId: program.id }, body: { csv, dryRun: o.dryRun === true } });
      const result = r.ok ? r.value : fail(out, r.error);
      emit(out, result, () => importText(result));
    });
  });
}
