// Fitting tables to the terminal: how wide text shows, and wrapping it without losing any of it.

/** Code point ranges of marks and joiners, which take no column. */
const zeroWidth: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
];
/** Code point ranges of East Asian wide characters and emoji, which take two columns. */
const doubleWidth: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1faff],
  [0x20000, 0x3fffd],
];
const within = (ranges: readonly (readonly [number, number])[], c: number) => ranges.some(([lo, hi]) => c >= lo && c <= hi);

/** The columns a line of text takes on a terminal. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0) ?? 0;
    w += within(zeroWidth, c) ? 0 : within(doubleWidth, c) ? 2 : 1;
  }
  return w;
}

/** The widest line of a text. */
export const textWidth = (text: string): number => Math.max(0, ...text.split('\n').map(displayWidth));

/** The longest word of a text: below it, wrapping has to break a word. */
export const longestWord = (text: string): number => Math.max(0, ...text.split(/\s+/).map(displayWidth));

/** Breaks one word into pieces of at most `width` columns. */
function pieces(word: string, width: number): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (displayWidth(piece + ch) > width && piece !== '') {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  return [...out, piece];
}

/**
 * Wraps text to `width` columns at spaces; a word longer than that is broken across lines, so nothing
 * is ever cut off. Existing line breaks are kept.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const lines: string[] = [];
      let current = '';
      for (const word of line.split(' ').flatMap((w) => (displayWidth(w) > width ? pieces(w, width) : [w]))) {
        const next = current === '' ? word : `${current} ${word}`;
        if (displayWidth(next) <= width) current = next;
        else {
          lines.push(current);
          current = word;
        }
      }
      return [...lines, current];
    })
    .join('\n');
}

/** A cell's lines padded with spaces to `width` columns. */
const padTo = (line: string, width: number) => line + ' '.repeat(Math.max(0, width - displayWidth(line)));

/**
 * Draws a table of cells already fitted to their columns (each line of a cell at most its column's width):
 * box-drawing borders, a space either side of each cell, cells of several lines top-aligned. Each column is
 * as wide as its widest line. `ruled`: a rule between every two rows; otherwise only below the header.
 * Drawn here rather than by a table library: measuring each line once is all it takes, where
 * cli-table3 measured every line several times over (0.7 s for one 60-row preview).
 */
export function drawTable(head: readonly string[], rows: readonly (readonly string[])[], ruled: boolean): string {
  const split = (r: readonly string[]) => r.map((c) => c.split('\n'));
  const all = [split(head), ...rows.map(split)];
  const widths = head.map((_, i) => Math.max(0, ...all.flatMap((r) => (r[i] ?? []).map(displayWidth))));
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const lines = (r: readonly (readonly string[])[]) => {
    const height = Math.max(1, ...r.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => `│${widths.map((w, i) => ` ${padTo(r[i]?.[k] ?? '', w)} `).join('│')}│`);
  };
  const [headRow, ...bodyRows] = all;
  const out = [rule('┌', '┬', '┐'), ...lines(headRow ?? [])];
  bodyRows.forEach((r, i) => {
    if (i === 0 || ruled) out.push(rule('├', '┼', '┤'));
    out.push(...lines(r));
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
