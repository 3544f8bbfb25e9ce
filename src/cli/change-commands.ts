import type { Command } from 'commander';
import { type ChangeView, listChanges } from '../app/list-changes.js';
import { listUsers } from '../app/list-users.js';
import { ChangesQuerySchema } from '../contract/change.js';
import { changeJson } from '../present/api-json.js';
import { fieldLabel, minuteUtc, valueText } from './format.js';
import { parseIntOption, parseOption } from './options.js';
import { emit, fail, outputOf, table } from './output.js';
import { type CliContext, withSession } from './session.js';
import { requireProgram } from './targets.js';

const query = ChangesQuerySchema.shape;
const whenHint = 'Must be a date YYYY-MM-DD or an instant such as 2026-11-26T09:30:00Z.';

function changeTable(changes: readonly ChangeView[], nameOf: ReadonlyMap<string, string>): string {
  if (changes.length === 0) return 'No changes in this period.';
  // Owners are stored as ids; people read names.
  const shown = (field: string, v: string | null) => (field === 'ownerId' && v !== null ? (nameOf.get(v) ?? v) : valueText(v));
  return table(
    ['When (UTC)', 'Who', 'What', 'Old → new', 'Why'],
    changes.map(({ change: c, actor }) => [
      minuteUtc(c.at),
      actor?.name ?? c.actorId,
      `${c.entityKey ?? c.entity} ${fieldLabel(c.field)}`,
      `${shown(c.field, c.oldValue)} → ${shown(c.field, c.newValue)}`,
      c.reason ?? '',
    ]),
  );
}

export function registerChangeCommands(cli: Command, ctx: CliContext): void {
  cli
    .command('changes')
    .description("A program's change log, newest first: when, who, what, old → new, and why")
    .argument('<program>', 'program code or id')
    .option('--since <when>', "from this day (in the program's time zone) or instant, inclusive")
    .option('--until <when>', 'up to this day (inclusive) or instant (exclusive)')
    .option('--limit <n>', 'show at most n changes, 1-5000 (default 500)')
    .option('--json', "print the API's JSON ({ items: Change[] })")
    .addHelpText('after', '\nExample:\n  tollgate changes KHG-KW500 --since 2026-11-01 --limit 20')
    .action(async (ref: string, o: { since?: string; until?: string; limit?: string; json?: boolean }) => {
      const out = outputOf(o);
      const since = parseOption(out, '--since', query.since, o.since, whenHint);
      const until = parseOption(out, '--until', query.until, o.until, whenHint);
      const limit =
        o.limit === undefined ? undefined : parseIntOption(out, '--limit', query.limit, o.limit, 'Must be a whole number from 1 to 5000.');
      await withSession(ctx, async (s) => {
        const program = await requireProgram(s, out, ref);
        const r = await listChanges(s.deps, { programId: program.program.id, since, until, limit });
        if (!r.ok) return fail(out, r.error);
        const changes = r.value;
        const nameOf = new Map((await listUsers(s.deps)).map((u) => [u.id as string, u.name]));
        emit(out, { items: changes.map(changeJson) }, () => changeTable(changes, nameOf));
      });
    });
}
