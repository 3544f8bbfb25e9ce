// Lists as CSV files for spreadsheet tools (RFC 4180): CRLF line ends, a cell quoted when it holds a
// quote, a comma or a line break, and a byte order mark so that Excel reads the file as UTF-8.
// Text cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or CR that
// some tools strip first) are prefixed with a quote: OWASP's advice against CSV injection.

export type CsvValue = string | number | boolean | null | undefined;

/** A table to write: the header row and one row of values per item. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

const formulaStart = /^[=+\-@\t\r]/;

/** One cell as CSV text: empty for null, numbers as written, text neutralised and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file's text, starting with the byte order mark. */
export function toCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name for a list: letters, digits, dots and dashes only, ending in .csv. */
export function csvFileName(...parts: readonly string[]): string {
  const base = parts
    .map((p) => p.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter((p) => p.length > 0)
    .join('-');
  return `${base || 'list'}.csv`;
}

/** Every item of a paged list, following nextCursor (at most `maxPages` pages, so a loop cannot run away). */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ readonly items: readonly T[]; readonly nextCursor: string | null }>,
  maxPages = 200,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const p = await page(cursor);
    items.push(...p.items);
    if (p.nextCursor === null) return items;
    cursor = p.nextCursor;
  }
  throw new Error(`The list has more than ${maxPages} pages.`);
}
