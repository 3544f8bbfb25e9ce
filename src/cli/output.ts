import type { ErrorCode } from '../domain/errors.js';
import type { Refusal } from '../domain/result.js';
import { displayWidth, drawTable, longestWord, textWidth, wrapText } from './fit.js';
import { terminal } from './terminal.js';

export interface Output {
  readonly json: boolean;
}

export const outputOf = (o: { json?: boolean | undefined }): Output => ({ json: o.json === true });

/**
 * Ends a command with an exit status. Thrown rather than calling process.exit, so that
 * `withSession` closes the store first; main/cli.ts turns it into the process's exit code.
 */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** 2 for a mistyped command or an invalid option value, 1 for every other refusal (docs/errors.md). */
export const exitCodeOf = (code: ErrorCode): number => (code === 'VALIDATION_FAILED' ? 2 : 1);

const writeJson = (stream: { write(text: string): unknown }, value: unknown) => stream.write(`${JSON.stringify(value, null, 2)}\n`);

/**
 * Text for people, each line within the terminal: a longer one wraps at spaces, its next lines indented
 * as far as its value starts ("  Label   value …") or as the line itself is.
 */
export function fitLines(text: string, limit = terminalColumns()): string {
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= limit) return line;
      const lead = /^(\s*\S[^\s]*(?: \S+)*? {2,}|\s*)/.exec(line)?.[0] ?? '';
      const indent = ' '.repeat(lead.length < limit / 2 ? lead.length : 0);
      const wrapped = wrapText(line.slice(lead.length), limit - lead.length).split('\n');
      return [`${lead}${wrapped[0]}`, ...wrapped.slice(1).map((w) => `${indent}${w}`)].join('\n');
    })
    .join('\n');
}

/** Prints `json` for scripts (--json) or the text `human()` returns for people. */
export function emit(out: Output, json: unknown, human: () => string): void {
  if (out.json) writeJson(terminal().stdout, json);
  else {
    terminal().stdout.write(`${fitLines(human())}\n`);
    // What was accepted but deserves a second look (a date already past, a day off at the factory).
    for (const w of warningsOf(json)) terminal().stderr.write(`warning ${w.code}: ${w.message}\n`);
  }
}

/** The warnings an answer carries beside its record (WarningsSchema in contract/common.ts), if any. */
function warningsOf(json: unknown): { code: string; message: string }[] {
  const warnings = typeof json === 'object' && json !== null ? (json as { warnings?: unknown }).warnings : undefined;
  if (!Array.isArray(warnings)) return [];
  return warnings.filter(
    (w): w is { code: string; message: string } =>
      typeof w === 'object' &&
      w !== null &&
      typeof (w as { code?: unknown }).code === 'string' &&
      typeof (w as { message?: unknown }).message === 'string',
  );
}

export function printJsonOr(out: Output, json: unknown, text: string): void {
  emit(out, json, () => text);
}

/**
 * The width text for people is fitted to: the terminal's own, else $COLUMNS; output piped to a file
 * or another program (no terminal, no $COLUMNS) is not fitted, so no line of it is broken for grep.
 */
export function terminalColumns(): number {
  const t = terminal();
  const given = t.stdout.columns ?? Number(t.env.COLUMNS);
  return Number.isInteger(given) && given >= 40 ? given : Number.POSITIVE_INFINITY;
}

export interface TableOptions {
  /** Per column, the widest it is before its text wraps (undefined: as wide as its text, while the table fits). */
  readonly maxWidths?: readonly (number | undefined)[];
  /** Columns left out, in this order, while the table is wider than the terminal: the least needed first. */
  readonly dropOrder?: readonly number[];
}

/** Narrowest a column is wrapped to while the table is too wide. */
const narrowest = 8;
/** A table's width: each column with a space either side and a border, and the last border. */
const widthOf = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w + 3, 1);

/**
 * A table for people that fits the terminal; null cells print as a dash. A column wraps beyond its
 * `maxWidths` entry; while the table is still too wide, the columns of `dropOrder` are left out (said
 * below it) and then the widest columns wrap. Nothing is cut off: a word too long is broken across
 * lines. Wrapped rows are ruled apart; otherwise only the header is.
 */
export function table(head: readonly string[], rows: readonly (readonly (string | number | null)[])[], opts: TableOptions = {}): string {
  const limit = terminalColumns();
  const all = rows.map((r) => head.map((_, i) => (r[i] === null || r[i] === undefined ? '—' : String(r[i]))));
  const natural = head.map((h, i) => Math.max(textWidth(h), ...all.map((r) => textWidth(r[i] as string))));
  let kept = head.map((_, i) => i);
  const widths = natural.map((w, i) => Math.min(w, opts.maxWidths?.[i] ?? w));
  const keptWidths = () => kept.map((i) => widths[i] as number);
  const leftOut: string[] = [];
  for (const i of opts.dropOrder ?? []) {
    if (widthOf(keptWidths()) <= limit) break;
    kept = kept.filter((k) => k !== i);
    leftOut.push(head[i] as string);
  }
  // Codes, keys, dates and short words stay whole where they can: a column wraps no narrower than its longest word (up to 14).
  const floor = head.map((h, i) => Math.max(narrowest, Math.min(14, longestWord(h), ...all.map((r) => longestWord(r[i] as string)))));
  const shrink = (lowest: (i: number) => number) => {
    while (widthOf(keptWidths()) > limit) {
      const able = kept.filter((i) => (widths[i] as number) > lowest(i));
      if (able.length === 0) return;
      const widest = able.reduce((a, b) => ((widths[b] as number) > (widths[a] as number) ? b : a));
      widths[widest] = (widths[widest] as number) - 1;
    }
  };
  const chosen = [...widths];
  shrink((i) => floor[i] as number);
  // Still too wide with every column wrapped to its longest word: the last columns are left out.
  while (widthOf(keptWidths()) > limit && kept.length > 1) {
    const last = kept.pop() as number;
    leftOut.push(head[last] as string);
    for (const i of kept) widths[i] = chosen[i] as number;
    shrink((i) => floor[i] as number);
  }
  shrink(() => narrowest);
  const wrapToColumn = (text: string, i: number) =>
    (widths[i] as number) < (natural[i] as number) ? wrapText(text, widths[i] as number) : text;
  const cells = all.map((r) => kept.map((i) => wrapToColumn(r[i] as string, i)));
  const headCells = kept.map((i) => wrapToColumn(head[i] as string, i));
  const note =
    leftOut.length > 0 ? `\n(left out to fit ${limit} columns: ${leftOut.join(', ')}; a wider terminal or --json shows them)` : '';
  return `${drawTable(
    headCells,
    cells,
    cells.some((r) => r.some((c) => c.includes('\n'))),
  )}${note}`;
}

/** Label/value lines with the values aligned. */
export function facts(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

/**
 * Prints a refusal on stderr (a problem-like JSON object with --json, `error CODE: detail`
 * otherwise) and ends the command: exit 1, or 2 for VALIDATION_FAILED.
 */
export function fail(out: Output, r: Refusal): never {
  if (out.json) {
    const body: Record<string, unknown> = { code: r.code, detail: r.message, errors: r.fields ?? [] };
    if (r.current !== undefined) body.current = r.current;
    writeJson(terminal().stderr, body);
  } else {
    const { stderr } = terminal();
    stderr.write(`error ${r.code}: ${r.message}\n`);
    for (const f of r.fields ?? []) if (!r.message.includes(f.message)) stderr.write(`  ${f.path}: ${f.message}\n`);
  }
  throw new CliExit(exitCodeOf(r.code));
}
