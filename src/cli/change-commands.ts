import type { Command } from 'commander';
import { type Change, type ChangeEntry, ChangeLogQuerySchema, ChangesQuerySchema } from '../contract/change.js';
import { entryText } from './change-text.js';
import { addActingOptions, withBackend } from './connect.js';
import { fieldLabel, minuteUtc, valueText } from './format.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, fail, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must, requireProgram } from './targets.js';

const rowQuery = ChangesQuerySchema.shape;
const logQuery = ChangeLogQuerySchema.shape;
const flags = { from: '--from', to: '--to', by: '--by', record: '--record', limit: '--limit', cursor: '--cursor' };
const whenHint = 'Must be a date YYYY-MM-DD or an instant such as 2026-11-26T09:30:00Z.';

function changeTable(changes: readonly Change[], nameOf: ReadonlyMap<string, string>): string {
  if (changes.length === 0) return 'No changes in this period.';
  // Owners are stored as ids; people read names.
  const shown = (field: string, v: string | null) => (field === 'ownerId' && v !== null ? (nameOf.get(v) ?? v) : valueText(v));
  return table(
    ['When (UTC)', 'Who', 'What', 'Old → new', 'Why'],
    changes.map((c) => [
      minuteUtc(c.at),
      c.actor.name,
      `${c.entityKey ?? c.entity} ${fieldLabel(c.field)}`,
      `${shown(c.field, c.oldValue)} → ${shown(c.field, c.newValue)}`,
      c.reason ?? '',
    ]),
  );
}

function storyTable(entries: readonly ChangeEntry[]): string {
  if (entries.length === 0) return 'No changes match.';
  return table(
    ['When (UTC)', 'Who', 'What happened', 'Why'],
    entries.map((e) => [minuteUtc(e.at), e.by.name, entryText(e), e.reason ?? '']),
  );
}

interface Options {
  record?: string;
  by?: string;
  from?: string;
  to?: string;
  rows?: boolean;
  since?: string;
  until?: string;
  limit?: string;
  cursor?: string;
  json?: boolean;
}

export function registerChangeCommands(cli: Command, ctx: CliContext): void {
  addActingOptions(
    cli
      .command('changes')
      .description(
        "A program's change log, newest first: one line per change of a record (its fields together, with the reason); --rows: one row per field",
      )
      .argument('<program>', 'program code or id')
      .option('--record <key>', 'only this record (M-12, D-3, R-2, A-5, B-1), with the dependencies and links that name it')
      .option('--by <person>', 'only changes by this person (email or id)')
      .option('--from <date>', "from this day (in the program's time zone), inclusive")
      .option('--to <date>', 'up to this day, inclusive (default today with --from); at most 366 days')
      .option('--rows', 'one row per changed field, as GET …/changes answers (with --since/--until)')
      .option('--since <when>', "with --rows: from this day (in the program's time zone) or instant, inclusive")
      .option('--until <when>', 'with --rows: up to this day (inclusive) or instant (exclusive)')
      .option('--limit <n>', 'at most n changes: 1-200, default 20 (with --rows: 1-5000, default 500)')
      .option('--cursor <cursor>', 'the next (older) page: the cursor a previous page printed')
      .option('--json', "print the API's JSON ({ items: ChangeEntry[], nextCursor }; with --rows: Change[])")
      .addHelpText(
        'after',
        '\nExamples:\n  tollgate changes KHG-KW500 --record M-12 --by lead@demo.test --from 2026-11-01 --to 2026-11-30\n  tollgate changes KHG-KW500 --limit 20 --cursor <cursor printed by the page before>\n  tollgate changes KHG-KW500 --rows --since 2026-11-01 --limit 500 --json',
      ),
  ).action(async (ref: string, o: Options, cmd: Command) => {
    const out = outputOf(o);
    const more = (code: string, next: string | null) => {
      if (!next) return '';
      const flags = (['record', 'by', 'from', 'to', 'since', 'until', 'limit'] as const).flatMap((k) => (o[k] ? [`--${k} ${o[k]}`] : []));
      return `\nOlder changes: tollgate changes ${code}${o.rows ? ' --rows' : ''}${flags.map((f) => ` ${f}`).join('')} --cursor ${next}`;
    };
    if (o.rows) {
      const since = parseOption(out, '--since', rowQuery.since, o.since, whenHint);
      const until = parseOption(out, '--until', rowQuery.until, o.until, whenHint);
      const limit =
        o.limit === undefined
          ? undefined
          : parseIntOption(out, '--limit', rowQuery.limit, o.limit, 'Must be a whole number from 1 to 5000.');
      const cursor = parseOption(out, '--cursor', rowQuery.cursor, o.cursor, 'Must be the cursor a previous page printed.');
      await withBackend(ctx, cmd, out, async (b) => {
        const program = await requireProgram(b, out, ref);
        const page = must(out, await b.listChanges({ params: { programId: program.id }, query: { since, until, limit, cursor } }));
        const items = page.items;
        // Owners are named by the program's people and by whoever made a change; anyone else by id.
        const nameOf = new Map(items.map((c) => [c.actor.id, c.actor.name]));
        if (!out.json)
          for (const p of must(out, await b.listProgramPeople({ params: { programId: program.id } })).items) nameOf.set(p.id, p.name);
        emit(out, page, () => changeTable(items, nameOf) + more(program.code, page.nextCursor));
      });
      return;
    }
    if (o.since !== undefined || o.until !== undefined) {
      badOption(out, o.since !== undefined ? '--since' : '--until', 'Goes with --rows; for the story, give days with --from and --to.');
    }
    const record = parseOption(out, '--record', logQuery.record, o.record, 'Must be a record key such as M-12.');
    const by = parseOption(out, '--by', logQuery.by, o.by, 'Must be an email or a person’s id.');
    const from = parseOption(out, '--from', logQuery.from, o.from, 'Must be a date YYYY-MM-DD.');
    const to = parseOption(out, '--to', logQuery.to, o.to, 'Must be a date YYYY-MM-DD.');
    const limit =
      o.limit === undefined ? undefined : parseIntOption(out, '--limit', logQuery.limit, o.limit, 'Must be a whole number from 1 to 200.');
    const cursor = parseOption(out, '--cursor', logQuery.cursor, o.cursor, 'Must be the cursor a previous page printed.');
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const r = await b.listChangeLog({ params: { programId: program.id }, query: { record, by, from, to, limit, cursor } });
      const page = r.ok ? r.value : fail(out, withFlags(r.error, flags));
      emit(out, page, () => storyTable(page.items) + more(program.code, page.nextCursor));
    });
  });
}
