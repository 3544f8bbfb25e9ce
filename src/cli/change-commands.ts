import type { Command } from 'commander';
import { type Change, ChangesQuerySchema } from '../contract/change.js';
import { addActingOptions, withBackend } from './connect.js';
import { fieldLabel, minuteUtc, valueText } from './format.js';
import { parseIntOption, parseOption } from './options.js';
import { emit, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must, requireProgram } from './targets.js';

const query = ChangesQuerySchema.shape;
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

export function registerChangeCommands(cli: Command, ctx: CliContext): void {
  addActingOptions(
    cli
      .command('changes')
      .description("A program's change log, newest first: when, who, what, old → new, and why")
      .argument('<program>', 'program code or id')
      .option('--since <when>', "from this day (in the program's time zone) or instant, inclusive")
      .option('--until <when>', 'up to this day (inclusive) or instant (exclusive)')
      .option('--limit <n>', 'show at most n changes, 1-5000 (default 500)')
      .option('--cursor <cursor>', 'the next (older) page: the cursor a previous page printed')
      .option('--json', "print the API's JSON ({ items: Change[], nextCursor })")
      .addHelpText(
        'after',
        '\nExamples:\n  tollgate changes KHG-KW500 --since 2026-11-01 --limit 20\n  tollgate changes KHG-KW500 --limit 20 --cursor <cursor printed by the page before>',
      ),
  ).action(async (ref: string, o: { since?: string; until?: string; limit?: string; cursor?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const since = parseOption(out, '--since', query.since, o.since, whenHint);
    const until = parseOption(out, '--until', query.until, o.until, whenHint);
    const limit =
      o.limit === undefined ? undefined : parseIntOption(out, '--limit', query.limit, o.limit, 'Must be a whole number from 1 to 5000.');
    const cursor = parseOption(out, '--cursor', query.cursor, o.cursor, 'Must be the cursor a previous page printed.');
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const page = must(out, await b.listChanges({ params: { programId: program.id }, query: { since, until, limit, cursor } }));
      const items = page.items;
      // Owners are named by the program's people and by whoever made a change; anyone else by id.
      const nameOf = new Map(items.map((c) => [c.actor.id, c.actor.name]));
      if (!out.json)
        for (const p of must(out, await b.listProgramPeople({ params: { programId: program.id } })).items) nameOf.set(p.id, p.name);
      const more = page.nextCursor
        ? `\nOlder changes: tollgate changes ${program.code}${o.since ? ` --since ${o.since}` : ''}${o.until ? ` --until ${o.until}` : ''}${o.limit ? ` --limit ${o.limit}` : ''} --cursor ${page.nextCursor}`
        : '';
      emit(out, page, () => changeTable(items, nameOf) + more);
    });
  });
}
