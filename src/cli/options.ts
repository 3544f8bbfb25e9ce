import { readFileSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import type { Refusal } from '../domain/result.js';
import { fail, type Output } from './output.js';
import { terminal, terminalPath } from './terminal.js';

/** Ends the command with VALIDATION_FAILED (exit 2), naming the option and what is wrong with it. */
export function badOption(out: Output, flag: string, why: string, raw?: string): never {
  const given = raw === undefined ? flag : `${flag} "${raw}"`;
  return fail(out, { code: 'VALIDATION_FAILED', message: `${given}: ${why}`, fields: [{ path: flag, message: why }] });
}

/**
 * Checks one option's value with the contract's schema for that field, so the CLI accepts exactly
 * what the API accepts; `hint` replaces zod's message where it would be vague (unions).
 */
export function parseOption<S extends z.ZodType>(out: Output, flag: string, schema: S, raw: unknown, hint?: string): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  if (raw === undefined) return badOption(out, flag, 'This option is required.');
  return badOption(out, flag, hint ?? r.error.issues[0]?.message ?? 'Not a valid value.', String(raw));
}

/** Like parseOption for numeric fields: the option's text must be a whole number first. */
export function parseIntOption<S extends z.ZodType>(out: Output, flag: string, schema: S, raw: string, hint?: string): z.output<S> {
  if (!/^[+-]?\d+$/.test(raw.trim())) return badOption(out, flag, hint ?? 'Must be a whole number.', raw);
  return parseOption(out, flag, schema, Number(raw), hint);
}

/** Renames the API field names in a refusal to the options a CLI user typed (forecastDate → --to). */
export function withFlags(r: Refusal, flags: Readonly<Record<string, string>>): Refusal {
  if (!r.fields) return r;
  return { ...r, fields: r.fields.map((f) => ({ ...f, path: flags[f.path] ?? f.path })) };
}

/** A file's text, or the command ends naming the option (or argument) that gave it. */
export function readText(out: Output, flag: string, path: string): string {
  try {
    return readFileSync(terminalPath(path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'No such file.' : code === 'EISDIR' ? 'Is a directory, not a file.' : `Cannot read it (${code ?? e}).`;
    return badOption(out, flag, why, path);
  }
}

/**
 * An export's file: text to standard output unless `--out` names a file (or it is binary, a PDF), else written
 * under `--out` or its own name in the terminal's folder, saying where; a file that cannot be written names `--out`.
 */
export function writeExport(
  out: Output,
  file: { readonly fileName: string; readonly content: string | Uint8Array },
  to: string | undefined,
  isBinary: boolean,
): void {
  if (to === undefined && !isBinary) {
    terminal().stdout.write(file.content as string);
    return;
  }
  const path = terminalPath(to ?? file.fileName);
  try {
    writeFileSync(path, file.content);
  } catch (e) {
    badOption(out, '--out', `Cannot write the file: ${e instanceof Error ? e.message : String(e)}`, to ?? file.fileName);
  }
  terminal().stdout.write(`Wrote ${file.fileName} to ${path}\n`);
}
