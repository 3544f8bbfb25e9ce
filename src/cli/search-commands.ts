import type { Command } from 'commander';
import { SearchQuerySchema, type SearchResults, searchLimitMax } from '../contract/search.js';
import { addActingOptions, withBackend } from './connect.js';
import { parseIntOption, parseOption } from './options.js';
import { emit, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';

const query = SearchQuerySchema.shape;
const kindTitles = { program: 'Programs', milestone: 'Milestones', decision: 'Decisions', risk: 'Risks', action: 'Actions' } as const;

function resultsText(r: SearchResults): string {
  const found = r.groups.filter((g) => g.items.length > 0);
  if (found.length === 0) return `Nothing found for "${r.q}" in the programs you see.`;
  return found
    .map((g) => {
      const rows = g.items.map((h) => [h.programCode, h.key ?? '', h.title, h.status]);
      const more = g.hasMore ? '\n(more found: use more words, or --limit)' : '';
      return `${kindTitles[g.kind]} (${g.items.length}):\n${table(['Program', 'Key', 'Name or title', 'Status'], rows, { maxWidths: [undefined, undefined, 60] })}${more}`;
    })
    .join('\n\n');
}

export function registerSearchCommands(cli: Command, ctx: CliContext): void {
  addActingOptions(
    cli
      .command('search')
      .description('Find programs, milestones, decisions, risks and actions by key or words, in the programs you see')
      .argument('<words...>', 'a key (M-12), a program code, or words of a name, title or statement')
      .option('--limit <n>', `at most n hits of each kind, 1-${searchLimitMax} (default 10)`)
      .option('--json', "print the API's JSON (SearchResults)")
      .addHelpText('after', '\nExamples:\n  tollgate search M-12\n  tollgate search pilot run\n  tollgate search KHG-KW500'),
  ).action(async (words: string[], o: { limit?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const q = parseOption(out, '<words>', query.q, words.join(' '));
    const limit =
      o.limit === undefined
        ? undefined
        : parseIntOption(out, '--limit', query.limit, o.limit, `Must be a whole number from 1 to ${searchLimitMax}.`);
    await withBackend(ctx, cmd, out, async (b) => {
      const results = must(out, await b.search({ query: { q, limit } }));
      emit(out, results, () => resultsText(results));
    });
  });
}
