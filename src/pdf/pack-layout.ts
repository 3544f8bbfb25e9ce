/** The print layout of a pack: A4 pages, a table that repeats its header row on every page, numbered footers. */

export const FONT = 'pack-regular';
export const BOLD = 'pack-bold';

export const ink = { text: '#1a1d21', muted: '#5b626b', rule: '#c3c8cf', head: '#e6e9ee', band: '#f5f6f8' } as const;

/** A4 landscape in points: nine columns stay readable at 8.5 pt on paper. */
export const pageSetup = { size: 'A4', layout: 'landscape', margin: 36 } as const;
const FOOTER_GAP = 22;
/** The band at the top of every page after the first that names the pack (drawn by the caller). */
export const RUNNING_HEAD = 24;
const PAD = 3;
const BODY_SIZE = 8.5;
const HEAD_SIZE = 8;

/**
 * Noto Sans SC draws quotes, apostrophes and the ellipsis full-width, as Chinese text sets them; its proportional
 * forms (OpenType pwid) keep "client’s" and “…” tight in English. Ideographs stay full-width either way.
 */
export const TEXT: PDFKit.Mixins.TextOptions = { features: ['pwid'] };

/** Sets the face, size and colour of the text that follows. */
export const pen = (doc: PDFKit.PDFDocument, face: string, size: number, color: string = ink.text) =>
  doc.font(face).fontSize(size).fillColor(color);

export interface Column {
  readonly label: string;
  readonly width: number;
}

export interface Cell {
  readonly text: string;
  readonly color?: string;
  readonly isBold?: boolean;
}

/** Where content may go on a page: between the top margin and the footer. */
export const bodyBottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom - FOOTER_GAP;

const cellHeight = (doc: PDFKit.PDFDocument, cell: Cell, width: number, size: number) =>
  doc
    .font(cell.isBold ? BOLD : FONT)
    .fontSize(size)
    .heightOfString(cell.text || ' ', { ...TEXT, width: width - 2 * PAD });

function drawRow(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  cells: readonly Cell[],
  y: number,
  height: number,
  style: { size: number; fill: string | null },
) {
  const left = doc.page.margins.left;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  if (style.fill) doc.rect(left, y, width, height).fill(style.fill);
  let x = left;
  columns.forEach((column, i) => {
    const cell = cells[i] ?? { text: '' };
    pen(doc, cell.isBold ? BOLD : FONT, style.size, cell.color ?? ink.text)
      // A height makes pdfkit cut an over-long cell with an ellipsis instead of starting a page of its own.
      .text(cell.text, x + PAD, y + PAD, { ...TEXT, width: column.width - 2 * PAD, height: height - 2 * PAD, ellipsis: true });
    x += column.width;
  });
  doc
    .moveTo(left, y + height)
    .lineTo(left + width, y + height)
    .lineWidth(0.5)
    .strokeColor(ink.rule)
    .stroke();
}

/**
 * Draws the rows as a table from the current y on, starting a page whenever the next row does not fit:
 * each new page gets the running head (in its RUNNING_HEAD band) and the header row again. A row taller
 * than a page is cut to one page's height with an ellipsis.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  runningHead: (doc: PDFKit.PDFDocument) => void,
): void {
  const head = columns.map((c): Cell => ({ text: c.label, isBold: true }));
  const headHeight = Math.max(...columns.map((c, i) => cellHeight(doc, head[i] ?? { text: '' }, c.width, HEAD_SIZE))) + 2 * PAD;
  const drawHead = (y: number) => {
    drawRow(doc, columns, head, y, headHeight, { size: HEAD_SIZE, fill: ink.head });
    return y + headHeight;
  };
  const maxRow = bodyBottom(doc) - doc.page.margins.top - RUNNING_HEAD - headHeight;
  const rowHeight = (cells: readonly Cell[]) =>
    Math.min(Math.max(...columns.map((c, i) => cellHeight(doc, cells[i] ?? { text: '' }, c.width, BODY_SIZE))) + 2 * PAD, maxRow);
  const nextPage = () => {
    doc.addPage();
    runningHead(doc);
    return drawHead(doc.page.margins.top + RUNNING_HEAD);
  };
  const heights = rows.map(rowHeight);
  // The header row never stands alone at the foot of the first page.
  let y = doc.y + headHeight + (heights[0] ?? 0) > bodyBottom(doc) ? nextPage() : drawHead(doc.y);
  rows.forEach((cells, r) => {
    const height = heights[r] ?? 0;
    if (y + height > bodyBottom(doc)) y = nextPage();
    drawRow(doc, columns, cells, y, height, { size: BODY_SIZE, fill: r % 2 === 1 ? ink.band : null });
    y += height;
  });
  doc.y = y;
}

/** Writes "page X of Y" (and a left-hand note) at the foot of every page; needs a document with bufferPages. */
export function drawFooters(doc: PDFKit.PDFDocument, note: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    const y = doc.page.height - bottom - 14;
    // In the gap kept free above the bottom margin; a height keeps pdfkit from ever starting a page for it.
    pen(doc, FONT, 7.5, ink.muted);
    doc.text(note, left, y, { ...TEXT, width: width * 0.75, height: 12, lineBreak: false, ellipsis: true });
    doc.text(`page ${i - start + 1} of ${count}`, left, y, { ...TEXT, width, height: 12, align: 'right', lineBreak: false });
  }
}
