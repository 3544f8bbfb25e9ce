import { getDocument, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a reader gets out of one page of a PDF: its lines of text and the glyphs the page draws. */
export interface PdfPage {
  /** Text runs on the same baseline, left to right, joined by a space; top of the page first. */
  readonly lines: readonly string[];
  readonly text: string;
  /** Every drawn character and whether the embedded font has an outline for it (not .notdef or dropped). */
  readonly glyphs: readonly { readonly unicode: string; readonly isInFont: boolean }[];
  readonly width: number;
  readonly height: number;
  /** Where each text run starts and ends, in PDF points from the bottom left corner. */
  readonly boxes: readonly { readonly str: string; readonly x: number; readonly y: number; readonly right: number }[];
}

type TextContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];
type TextRun = Extract<TextContentItem, { str: string }>;

interface Glyph {
  readonly unicode: string;
  readonly isInFont: boolean;
}

const isGlyph = (g: unknown): g is Glyph => typeof g === 'object' && g !== null && 'unicode' in g;

/** Reads every page of a PDF with pdf.js (as a viewer would), in-process, without fonts of the system. */
export async function readPdf(pdf: Uint8Array): Promise<PdfPage[]> {
  // pdf.js takes ownership of (detaches) the buffer it reads: give it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false })
    .promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const runs = (await page.getTextContent()).items.filter((i): i is TextRun => 'str' in i && i.str.trim() !== '');
      const byLine = new Map<number, TextRun[]>();
      for (const r of runs) {
        const y = Math.round(r.transform[5] ?? 0);
        byLine.set(y, [...(byLine.get(y) ?? []), r]);
      }
      const lines = [...byLine.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, rs]) =>
          rs
            .sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0))
            .map((r) => r.str.trim())
            .join(' '),
        );
      const ops = await page.getOperatorList();
      const glyphs = ops.fnArray.flatMap((fn, i) =>
        fn === OPS.showText
          ? ((ops.argsArray[i] as unknown[][])[0] ?? []).filter(isGlyph).map((g) => ({ unicode: g.unicode, isInFont: g.isInFont }))
          : [],
      );
      const boxes = runs.map((r) => ({
        str: r.str,
        x: r.transform[4] ?? 0,
        y: r.transform[5] ?? 0,
        right: (r.transform[4] ?? 0) + r.width,
      }));
      pages.push({ lines, text: lines.join('\n'), glyphs, width, height, boxes });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
