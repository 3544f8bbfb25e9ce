import type { Command } from 'commander';
import { CursorSchema } from '../contract/paging.js';
import { parseIntOption, parseOption } from './options.js';
import type { Output } from './output.js';

// The options and the closing lines every paged list shares: --limit and --cursor in, the command for
// the next page and the period closed records were read for out.

/** --limit and --cursor on a list command whose pages hold `fallback` items by default, at most `max`. */
export const addPageOptions = (cmd: Command, what: string, fallback: number, max: number): Command =>
  cmd
    .option('--limit <n>', `show at most n ${what}, 1-${max} (default ${fallback})`)
    .option('--cursor <cursor>', 'the next page: the cursor a previous page printed');

/** The page options as the API takes them, checked by the contract's schemas (limit: that list's). */
export function pageOptions<S extends Parameters<typeof parseOption>[2]>(
  out: Output,
  limitSchema: S,
  max: number,
  o: { limit?: string; cursor?: string },
) {
  return {
    limit:
      o.limit === undefined ? undefined : parseIntOption(out, '--limit', limitSchema, o.limit, `Must be a whole number from 1 to ${max}.`),
    cursor: parseOption(out, '--cursor', CursorSchema.optional(), o.cursor, 'Must be the cursor a previous page printed.'),
  };
}

const shellWord = (v: string) => (/^[\w@.:+,/-]+$/.test(v) ? v : `'${v.replaceAll("'", "'\\''")}'`);

/** The line after a page that has a next one: the same command, its options, and --cursor. */
export function nextPageLine(
  label: string,
  command: readonly string[],
  options: Readonly<Record<string, string | undefined>>,
  cursor: string | null,
): string {
  if (cursor === null) return '';
  const given = Object.entries(options).flatMap(([flag, v]) => (v === undefined ? [] : [flag, shellWord(v)]));
  return `\n${label}: tollgate ${[...command.map(shellWord), ...given].join(' ')} --cursor ${cursor}`;
}

/** The line saying which closed records a list holds (the open ones are always listed). */
export const periodLine = (closed: string, period: { since: string; until: string }): string =>
  `\n${closed} listed if last changed ${period.since} to ${period.until} (--since/--until: another period, at most 366 days).`;
