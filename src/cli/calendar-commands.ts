import type { Command } from 'commander';
import { CalendarSpecSchema, ProgramCalendarQuerySchema, UpdateProgramCalendarSchema } from '../contract/calendar.js';
import { yearRangeMessage } from '../domain/date-range.js';
import { calendarText } from './calendar-text.js';
import { addActingOptions, withBackend } from './connect.js';
import { badOption, parseIntOption, parseOption, readText, withFlags } from './options.js';
import { emit, fail, type Output, outputOf } from './output.js';
import type { CliContext } from './session.js';
import { must, requireProgram } from './targets.js';

// `tollgate calendar …`: the program's business calendar, which every business-day count follows.

const versionHint = 'Must be a version number (1 or more) as printed by `tollgate calendar show --json`.';

/** The calendar spec in a file, checked with the API's schema; the refusal names each field at fault. */
function readSpec(out: Output, path: string) {
  const text = readText(out, '--file', path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return badOption(out, '--file', `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`, path);
  }
  const r = CalendarSpecSchema.safeParse(data);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(the file)', message: i.message }));
  return fail(out, {
    code: 'VALIDATION_FAILED',
    message: `The calendar spec in ${path} has ${fields.length} problem(s); see \`tollgate calendar show --json\` for its shape.`,
    fields,
  });
}

export function registerCalendarCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('calendar')
    .description("A program's business calendar: weekends, public holidays, shutdowns and official schedules")
    .addHelpText(
      'after',
      "\nEvery business-day count (variance, lags, pushes) follows the program's calendar. Years whose official\nholiday schedule is not yet published are provisional: rules stand in until an admin loads the schedule.",
    );

  addActingOptions(
    group
      .command('show')
      .description('One year as twelve month grids, the days off on weekdays, makeup days and the working-day count')
      .argument('<program>', 'program code or id')
      .option('--year <n>', "the year to show (default: the current year in the program's time zone)")
      .option('--json', "print the API's JSON (ProgramCalendar)")
      .addHelpText('after', '\nExample:\n  tollgate calendar show KHG-KW500 --year 2027'),
  ).action(async (ref: string, o: { year?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const year =
      o.year === undefined ? undefined : parseIntOption(out, '--year', ProgramCalendarQuerySchema.shape.year, o.year, yearRangeMessage);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const calendar = must(out, await b.getCalendar({ params: { programId: program.id }, query: { year } }));
      emit(out, calendar, () => calendarText(program, calendar));
    });
  });

  addActingOptions(
    group
      .command('upload')
      .description("Load a government's official holiday schedule for one year into the program's calendar (cadence owner)")
      .argument('<program>', 'program code or id')
      .argument('<file>', 'the schedule: a JSON file {country, year, holidays: [{date, label}], makeupWorkdays: [{date, label}]}')
      .option('--json', "print the API's answer ({ version, country, year })")
      .addHelpText(
        'after',
        `
It replaces a schedule loaded before for the same country and year; the year stops being provisional.
Every date lies in the year and appears once; holidays list every day off of a break, weekend days
inside it included; makeup working days are the Saturdays and Sundays worked instead.

Example file (cn-2027.json):
  { "country": "CN", "year": 2027,
    "holidays": [{ "date": "2027-02-06", "label": "Spring Festival" }],
    "makeupWorkdays": [{ "date": "2027-02-20", "label": "Spring Festival" }] }

Example:
  tollgate calendar upload KHG-KW500 cn-2027.json`,
      ),
  ).action(async (ref: string, file: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const text = readText(out, '<file>', file);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const r = await b.uploadOfficialSchedule(program.id, text);
      // The file's own fields keep their names; a problem with the whole file names the file.
      const v = r.ok ? r.value : fail(out, withFlags(r.error, { '': file }));
      emit(
        out,
        v,
        () =>
          `Loaded the official ${v.country} holiday schedule for ${v.year} into ${program.code}'s calendar (now at version ${v.version}); ${v.year} is no longer provisional for ${v.country}.`,
      );
    });
  });

  addActingOptions(
    group
      .command('set')
      .description("Replace the program's calendar with a spec from a file, with a reason (cadence owner)")
      .argument('<program>', 'program code or id')
      .option('--file <spec.json>', 'the CalendarSpec as JSON: the "spec" of `tollgate calendar show --json`, edited (required)')
      .option('--reason <text>', 'why the calendar changes, kept in the change log (required)')
      .option('--version <n>', 'fail with VERSION_CONFLICT unless the program is still at this version (default: the version just read)')
      .option('--json', "print the API's answer ({ version })")
      .addHelpText(
        'after',
        `
Example (add a summer shutdown):
  tollgate calendar show KHG-KW500 --json | jq '.spec | .shutdowns += [{"from": "2026-08-03", "to": "2026-08-07", "label": "Summer shutdown"}]' > spec.json
  tollgate calendar set KHG-KW500 --file spec.json --reason "Shutdown agreed with the supplier"`,
      ),
  ).action(async (ref: string, o: { file?: string; reason?: string; version?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const body = UpdateProgramCalendarSchema.shape;
    if (o.file === undefined) badOption(out, '--file', 'This option is required.');
    const reason = parseOption(out, '--reason', body.reason, o.reason, 'Say why the calendar changes.');
    const given = o.version === undefined ? undefined : parseIntOption(out, '--version', body.version, o.version, versionHint);
    const spec = readSpec(out, o.file);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const version = given ?? must(out, await b.getCalendar({ params: { programId: program.id } })).version;
      const r = await b.updateCalendar({ params: { programId: program.id }, body: { version, spec, reason } });
      const v = r.ok ? r.value : fail(out, withFlags(r.error, { version: '--version', reason: '--reason' }));
      emit(out, v, () => `Saved ${program.code}'s calendar (now at version ${v.version}).`);
    });
  });
}
