import Table from 'cli-table3';
import type { Refusal } from '../domain/result.js';

export interface Output {
  readonly json: boolean;
}

/** Prints rows as a table for people, or the given value as JSON for scripts. */
export function printTable(out: Output, head: string[], rows: (string | number | null)[][], json: unknown): void {
  if (out.json) {
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const t = new Table({ head, style: { head: [], border: [] } });
  for (const r of rows) t.push(r.map((c) => (c === null ? '—' : String(c))));
  process.stdout.write(`${t.toString()}\n`);
}

export function printJsonOr(out: Output, json: unknown, text: string): void {
  process.stdout.write(out.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
}

/** A refusal on stderr (JSON with --json), and exit code 1 so scripts notice. */
export function fail(out: Output, r: Refusal): never {
  if (out.json) process.stderr.write(`${JSON.stringify({ code: r.code, detail: r.message, errors: r.fields ?? [] }, null, 2)}\n`);
  else {
    process.stderr.write(`error ${r.code}: ${r.message}\n`);
    for (const f of r.fields ?? []) process.stderr.write(`  ${f.path}: ${f.message}\n`);
  }
  process.exit(1);
}
