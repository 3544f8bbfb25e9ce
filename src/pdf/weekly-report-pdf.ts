import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { type ReportBlock, type Run, reportDocument } from '../domain/report/report-document.js';
import type { WeeklyReport } from '../domain/report/weekly-report.js';
import { notoSansSc, type PackFonts } from './pack-fonts.js';
import {
  BOLD,
  bodyBottom,
  type Cell,
  type Column,
  drawFooters,
  drawTable,
  FONT,
  ink,
  pageSetup,
  pen,
  RUNNING_HEAD,
  TEXT,
} from './pack-layout.js';

export interface ReportPdfOptions {
  /** The fonts to embed; Noto Sans SC from its npm package by default. */
  readonly fonts?: PackFonts;
}

const overdueRed = '#b42318';
const headingSize = { 1: 16, 2: 12.5, 3: 10 } as const;

/** A cell of the document's table as the PDF draws it: strong in bold red (overdue), emphasised muted (no owner). */
const cellOf = (r: Run): Cell =>
  r.style === 'strong'
    ? { text: r.text, isBold: true, color: overdueRed }
    : r.style === 'em'
      ? { text: r.text, color: ink.muted }
      : { text: r.text };

/**
 * Column widths that fill the page: each column's share follows the length of what it holds (its label and
 * its longest cells, within bounds), so a title column gets room and a date column does not waste it.
 */
function columnsOf(head: readonly string[], rows: readonly (readonly Run[])[], width: number): Column[] {
  const weights = head.map((label, i) => {
    const lengths = rows.map((r) => r[i]?.text.length ?? 0).sort((a, b) => b - a);
    const typical = lengths[Math.floor(lengths.length / 4)] ?? 0;
    return Math.min(Math.max(label.length, typical, 6), 48);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return head.map((label, i) => ({ label, width: (width * (weights[i] ?? 1)) / total }));
}

/** What a document's PDF says about itself: its title (running head, metadata), footer note and instant. */
export interface PdfMeta {
  readonly title: string;
  readonly footer: string;
  /** The instant the document was made at (its metadata; not the clock, so the same input gives the same bytes). */
  readonly at: string;
}

/** The weekly report as an A4 landscape PDF: a writer of the report's document. */
export function renderReportPdf(report: WeeklyReport, opts: ReportPdfOptions = {}): Promise<Buffer> {
  const zone = report.program.timeZone;
  const asOf = DateTime.fromISO(report.asOf, { zone }).toFormat(`yyyy-MM-dd HH:mm '${zone}'`);
  return renderBlocksPdf(
    reportDocument(report),
    {
      title: `${report.program.code} weekly report ${report.week}`,
      footer: `Tollgate – ${report.program.code} – ${report.week} – as of ${asOf}`,
      at: report.asOf,
    },
    opts,
  );
}

/** A document (report-document.ts) as an A4 landscape PDF with its fonts embedded (subset). */
export async function renderBlocksPdf(blocks: readonly ReportBlock[], meta: PdfMeta, opts: ReportPdfOptions = {}): Promise<Buffer> {
  const fonts = opts.fonts ?? notoSansSc();
  const title = meta.title;
  const doc = new PDFDocument({
    ...pageSetup,
    bufferPages: true,
    lang: 'en',
    displayTitle: true,
    // The document's instant, not pdfkit's clock: the same document renders to the same bytes.
    info: { Title: title, Creator: 'Tollgate', Producer: 'Tollgate (pdfkit)', CreationDate: new Date(meta.at) },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const { left, right } = doc.page.margins;
  const width = doc.page.width - left - right;
  const runningHead = (d: PDFKit.PDFDocument) => {
    pen(d, FONT, 8, ink.muted).text(title, left, d.page.margins.top, { ...TEXT, width, height: 14, ellipsis: true });
    d.y = d.page.margins.top + RUNNING_HEAD;
  };
  /** Starts a page unless `height` points fit above the footer. */
  const room = (height: number) => {
    if (doc.y + height <= bodyBottom(doc)) return;
    doc.addPage();
    runningHead(doc);
  };
  const paragraph = (runs: readonly Run[], size = 9.5) => {
    const whole = runs.map((r) => r.text).join('');
    room(pen(doc, FONT, size).heightOfString(whole || ' ', { ...TEXT, width }) + 4);
    runs.forEach((r, i) => {
      pen(doc, r.style === 'strong' ? BOLD : FONT, size, r.style === 'em' ? ink.muted : ink.text).text(
        r.text,
        i === 0 ? left : undefined,
        undefined,
        {
          ...TEXT,
          width,
          continued: i < runs.length - 1,
        },
      );
    });
    doc.moveDown(0.4);
  };
  const draw = (b: ReportBlock) => {
    switch (b.kind) {
      case 'heading': {
        const size = headingSize[b.level];
        // A heading keeps at least a few lines of what follows on its page.
        room(pen(doc, BOLD, size).heightOfString(b.text, { ...TEXT, width }) + (b.level === 1 ? 8 : 48));
        if (b.level === 2) doc.moveDown(0.5);
        pen(doc, BOLD, size).text(b.text, left, undefined, { ...TEXT, width });
        doc.moveDown(b.level === 1 ? 0.4 : 0.25);
        return;
      }
      case 'paragraph':
        paragraph(b.runs);
        return;
      case 'list':
        for (const item of b.items) paragraph([{ text: `•  ${item}` }], 9);
        return;
      case 'table':
        if (b.rows.length === 0) {
          paragraph([{ text: 'None.', style: 'em' }], 9);
          return;
        }
        drawTable(
          doc,
          columnsOf(b.head, b.rows, width),
          b.rows.map((r) => r.map(cellOf)),
          runningHead,
        );
        doc.moveDown(0.6);
        return;
      case 'narrative':
        if (b.text.trim() === '') paragraph([{ text: 'No narrative yet.', style: 'em' }]);
        else for (const part of b.text.split(/\n\s*\n/)) paragraph([{ text: part.trimEnd() }]);
        return;
    }
  };
  doc.y = doc.page.margins.top;
  for (const b of blocks) draw(b);
  drawFooters(doc, meta.footer);
  doc.end();
  return done;
}
