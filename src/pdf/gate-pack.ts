import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { EvidenceState } from '../domain/gates/checklist-item.js';
import type { GatePackItem, GatePackView } from '../domain/gates/gate-pack.js';
import { notoSansSc, type PackFonts } from './pack-fonts.js';
import { BOLD, type Cell, type Column, drawFooters, drawTable, FONT, ink, pageSetup, pen, TEXT } from './pack-layout.js';

export interface GatePackOptions {
  /** The fonts to embed; Noto Sans SC from its npm package by default. */
  readonly fonts?: PackFonts;
}

/** The table's columns, in order; their widths fill A4 landscape between the margins. */
export const packColumns: readonly Column[] = [
  // Item keys come from templates ("G1-COMPLIANCE-PLAN", "PPAP-07-PFMEA"): they wrap at their hyphens.
  { label: 'Key', width: 78 },
  { label: 'Checklist item', width: 126 },
  { label: 'Required', width: 42 },
  { label: 'Owner', width: 92 },
  { label: 'Due', width: 52 },
  { label: 'State', width: 50 },
  { label: 'Evidence', width: 138 },
  { label: 'Accepted / rejected', width: 132 },
  { label: 'Waiver', width: 58 },
];

const stateColor: Record<EvidenceState, string> = {
  open: ink.text,
  submitted: '#1f4e8c',
  accepted: '#1b6e3a',
  rejected: '#b42318',
  waived: ink.muted,
};

const NONE = '—';
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function instant(at: string, zone: string, withZone = false): string {
  const t = DateTime.fromISO(at, { setZone: true }).setZone(zone);
  if (!t.isValid) throw new Error(`gate pack: bad instant or zone: ${at} ${zone}`);
  return t.toFormat(withZone ? `yyyy-MM-dd HH:mm '${zone}' ('UTC'ZZ)` : 'yyyy-MM-dd HH:mm');
}

function itemCells(item: GatePackItem, zone: string): Cell[] {
  const evidence = item.evidence.map((e) => `${e.kind}: ${clip(e.text, 300)}`).join('\n');
  const review = item.review
    ? [
        `${item.review.verdict} by ${item.review.byName}`,
        instant(item.review.at, zone),
        item.review.comment ? clip(item.review.comment, 200) : '',
      ]
        .filter(Boolean)
        .join('\n')
    : NONE;
  return [
    { text: item.key },
    { text: item.title },
    { text: item.isRequired ? 'yes' : 'no', isBold: item.isRequired },
    { text: item.ownerName },
    { text: item.dueDate ?? NONE },
    { text: item.state, color: stateColor[item.state] },
    { text: evidence || NONE },
    { text: review },
    { text: item.waiverDecisionKey ?? NONE },
  ];
}

function summary(items: readonly GatePackItem[]): string {
  const required = items.filter((i) => i.isRequired).length;
  const counts = (['accepted', 'waived', 'submitted', 'rejected', 'open'] as const).map(
    (s) => `${items.filter((i) => i.state === s).length} ${s}`,
  );
  return `${items.length} items, ${required} required: ${counts.join(', ')}.`;
}

function drawHeader(doc: PDFKit.PDFDocument, pack: GatePackView): void {
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const { gate, program } = pack;
  pen(doc, FONT, 9, ink.muted).text('Gate checklist pack', left, doc.page.margins.top, { ...TEXT, width });
  pen(doc, BOLD, 16, ink.text).text(`${gate.key} – ${gate.name}`, { ...TEXT, width });
  pen(doc, FONT, 10.5).text(`${program.code} – ${program.name}`, { ...TEXT, width });
  doc.moveDown(0.6);
  const facts: [string, string][] = [
    ['Gate owner', gate.ownerName],
    ['Planned review', gate.plannedReviewDate ?? 'no review milestone'],
    ['Status', gate.status.replaceAll('_', ' ')],
    ['Generated', instant(pack.generatedAt, pack.timeZone, true)],
  ];
  const y = doc.y;
  const cell = width / facts.length;
  facts.forEach(([label, value], i) => {
    pen(doc, FONT, 8, ink.muted).text(label, left + i * cell, y, { ...TEXT, width: cell - 8 });
    pen(doc, BOLD, 9.5, ink.text).text(value, { ...TEXT, width: cell - 8, height: 28, ellipsis: true });
  });
  doc.y = y + 34;
  pen(doc, FONT, 8, ink.muted).text('Close criteria', left, doc.y, { ...TEXT, width });
  pen(doc, FONT, 9.5, ink.text).text(gate.closeCriteria || NONE, { ...TEXT, width, height: 110, ellipsis: true });
  doc.moveDown(0.4);
  pen(doc, FONT, 8.5, ink.muted).text(summary(pack.items), left, doc.y, { ...TEXT, width });
  doc.moveDown(0.6);
}

/** Renders a gate's checklist pack as an A4 PDF with its fonts embedded (subset): no browser, no I/O but the font files. */
export async function renderGatePack(pack: GatePackView, opts: GatePackOptions = {}): Promise<Buffer> {
  const fonts = opts.fonts ?? notoSansSc();
  const title = `${pack.program.code} ${pack.gate.key} ${pack.gate.name} — gate checklist pack`;
  const doc = new PDFDocument({
    ...pageSetup,
    bufferPages: true,
    lang: 'en',
    displayTitle: true,
    // The given instant, not pdfkit's clock: the same pack renders to the same bytes.
    info: { Title: title, Creator: 'Tollgate', Producer: 'Tollgate (pdfkit)', CreationDate: new Date(pack.generatedAt) },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // By name only: pdfkit caches a font under its registered name unless the same face was opened under another key
  // first (then it reads and parses the 10 MB file again on every switch), so the document's default font stays Helvetica.
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  drawHeader(doc, pack);
  const runningHead = (d: PDFKit.PDFDocument) => {
    const { left, right, top } = d.page.margins;
    pen(d, FONT, 8, ink.muted).text(title, left, top, { ...TEXT, width: d.page.width - left - right, height: 14, ellipsis: true });
  };
  drawTable(
    doc,
    packColumns,
    pack.items.map((item) => itemCells(item, pack.timeZone)),
    runningHead,
  );
  if (pack.items.length === 0) {
    const { left } = doc.page.margins;
    pen(doc, FONT, 9, ink.muted).text('This gate has no checklist items.', left, doc.y + 6, TEXT);
  }
  drawFooters(doc, `Tollgate – ${pack.program.code} ${pack.gate.key} – generated ${instant(pack.generatedAt, pack.timeZone, true)}`);
  doc.end();
  return done;
}
