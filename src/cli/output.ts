import Table from 'cli-table3';
import type { ErrorCode } from '../domain/errors.js';
import type { Refusal } from '../domain/result.js';
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

/** Prints `json` for scripts (--json) or the text `human()` returns for people. */
export function emit(out: Output, json: unknown, human: () => string): void {
  if (out.json) writeJson(terminal().stdout, json);
  else {
    terminal().stdout.write(`${human()}\n`);
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

const compactChars = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const longestLine = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

/**
 * A table for people; null cells print as a dash. Text longer than a column's `maxWidths` entry
 * wraps, and then rows are ruled apart; otherwise only the header is.
 */
export function table(
  head: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  opts: { readonly maxWidths?: readonly (number | undefined)[] } = {},
): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '—' : String(c))));
  // Columns left undefined are sized by cli-table3, which measures wide characters correctly.
  const colWidths = head.map((_, i) => {
    const max = opts.maxWidths?.[i];
    return max !== undefined && cells.some((r) => longestLine(r[i] ?? '') > max) ? max + 2 : undefined;
  });
  const isMultiLine = colWidths.some((w) => w !== undefined) || cells.some((r) => r.some((c) => c.includes('\n')));
  const t = new Table({
    head: [...head],
    colWidths: colWidths as number[],
    wordWrap: true,
    style: { head: [], border: [] },
    ...(isMultiLine ? {} : { chars: compactChars }),
  });
  for (const r of cells) t.push(r);
  if (isMultiLine || cells.length === 0) return t.toString();
  const lines = t.toString().split('\n');
  const top = lines[0] ?? '';
  const rule = top.replace('┌', '├').replace('┐', '┤').replaceAll('┬', '┼');
  return [...lines.slice(0, 2), rule, ...lines.slice(2)].join('\n');
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
