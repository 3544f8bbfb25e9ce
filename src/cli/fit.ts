// Fitting tables to the terminal: how wide text shows, and wrapping it without losing any of it.

/** Marks and joiners that take no column; East Asian wide characters and emoji take two. */
const zeroWidth = /[\u0300-\u036f\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f]/u;
const doubleWidth =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** The columns a line of text takes on a terminal. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += zeroWidth.test(ch) ? 0 : doubleWidth.test(ch) ? 2 : 1;
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
