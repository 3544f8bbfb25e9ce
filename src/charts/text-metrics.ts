// Advance widths of DejaVu Sans in 1/100 em for U+0020–U+007E, then U+00A0–U+00FF. DejaVu is the widest of
// the fonts a viewer is likely to fall back to (and the only one on the server), so layout measured with it
// leaves room for Helvetica and Arial instead of overlapping.
const LATIN = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68,
  69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55,
  63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84, 32, 40, 64, 64, 64, 64, 34,
  50, 50, 100, 47, 61, 84, 36, 100, 50, 50, 84, 40, 40, 50, 64, 64, 32, 50, 40, 47, 61, 97, 97, 97, 53, 68, 68, 68, 68, 68, 68, 97, 70, 63,
  63, 63, 63, 29, 29, 29, 29, 77, 75, 79, 79, 79, 79, 79, 84, 79, 73, 73, 73, 73, 61, 60, 63, 61, 61, 61, 61, 61, 61, 98, 55, 62, 62, 62,
  62, 28, 28, 28, 28, 61, 63, 61, 61, 61, 61, 61, 84, 61, 63, 63, 63, 63, 59, 63, 59,
];

const BOLD_FACTOR = 1.14;

function charWidthEm(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return (LATIN[code - 0x20] ?? 62) / 100;
  if (code >= 0xa0 && code <= 0xff) return (LATIN[code - 0xa0 + 95] ?? 62) / 100;
  return code >= 0x2e80 ? 1 : 0.62;
}

/** Width in px of one line of text at the given size. */
export function textWidth(text: string, fontSize = 12, isBold = false): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch.codePointAt(0) ?? 0x20);
  return em * fontSize * (isBold ? BOLD_FACTOR : 1);
}

/** zrender's measureText for a CSS font shorthand ("bold 12px Helvetica, …"); used in place of a canvas. */
export function measureText(text: string, font: string | undefined): { width: number } {
  const size = /(\d+(?:\.\d+)?)px/.exec(font ?? '');
  const isBold = /\b(bold|bolder|[6-9]00)\b/.test(font ?? '');
  return { width: textWidth(text, size ? Number(size[1]) : 12, isBold) };
}
