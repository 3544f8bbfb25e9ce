import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatePackFixture, packItem } from '../../test/support/gate-pack-fixture.js';
import { type PdfPage, readPdf } from '../../test/support/pdf-pages.js';
import type { GatePackView } from '../domain/gates/gate-pack.js';
import { packColumns, renderGatePack } from './gate-pack.js';

const headerRow = packColumns.map((c) => c.label).join(' ');
// Measured: 60 items make 7 pages and about 36 KB (two font subsets of Noto Sans SC). A font embedded whole
// would add 10 MB, so the bound only has to leave room for longer texts.
const MAX_BYTES_60_ITEMS = 64 * 1024;

describe('renderGatePack: a 60-item G1 pack', () => {
  const pack = gatePackFixture(60);
  let pdf: Buffer;
  let pages: PdfPage[];
  beforeAll(async () => {
    pdf = await renderGatePack(pack);
    pages = await readPdf(pdf);
  });

  it('is a PDF of bounded size', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeLessThan(MAX_BYTES_60_ITEMS);
  });

  it('spans several A4 landscape pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
  });

  it('names the gate, its program and its facts on page 1, with the first item', () => {
    const [first] = pages;
    expect(first?.lines).toContain('G1 – Pre-production readiness');
    expect(first?.text).toContain('KT-1700 – Cordless kettle housing, 1.7 l — 深圳 factory');
    expect(first?.text).toContain('2026-04-30');
    expect(first?.text).toContain('in progress');
    // 02:15 UTC is 10:15 in Shanghai: the pack writes the instant it was given, in the zone it was given.
    expect(first?.text).toContain('2026-03-30 10:15 Asia/Shanghai');
    expect(first?.text).toContain(pack.gate.closeCriteria.slice(0, 40));
    expect(first?.lines.some((l) => l.startsWith('G1-ITEM-001 Golden sample approved (1) yes 陈伟 2026-04-01 accepted'))).toBe(true);
    // Item 1 was accepted by 王芳 at 06:00 UTC, 14:00 in Shanghai.
    expect(first?.text).toContain('accepted by 王芳');
    expect(first?.text).toContain('2026-03-01 14:00');
  });

  it('repeats the header row at the top of every page', () => {
    for (const p of pages) expect(p.lines).toContain(headerRow);
    const second = pages[1]?.lines ?? [];
    // Page 2 opens with the running head, then the header row, then the next item.
    expect(second.slice(0, 2)).toEqual(['KT-1700 G1 Pre-production readiness — gate checklist pack', headerRow]);
  });

  it('numbers every page "page X of N" in the footer', () => {
    const n = pages.length;
    const footers = pages.map((p) => p.lines.at(-1));
    expect(footers.map((f) => /page \d+ of \d+$/.exec(f ?? '')?.[0])).toEqual(pages.map((_, i) => `page ${i + 1} of ${n}`));
    expect(pages[0]?.text).toContain(`page 1 of ${n}`);
  });

  it('prints every item once, in order', () => {
    const keys = pages.flatMap((p) => p.lines.flatMap((l) => /^G1-ITEM-(\d{3}) /.exec(l)?.[1] ?? []));
    expect(keys).toEqual(pack.items.map((_, i) => String(i + 1).padStart(3, '0')));
  });

  it('embeds the glyphs of Chinese and Vietnamese names, not blanks', () => {
    const text = pages.map((p) => p.text).join('\n');
    for (const name of ['陈伟', '王芳', 'Nguyễn Thị Hương', 'Trần Đức Minh']) expect(text).toContain(name);
    const drawn = pages.flatMap((p) => p.glyphs);
    for (const ch of '陈伟王芳深圳ễịươầĐứ') {
      const glyphs = drawn.filter((g) => g.unicode === ch);
      expect(glyphs.length, ch).toBeGreaterThan(0);
      expect(
        glyphs.every((g) => g.isInFont),
        ch,
      ).toBe(true);
    }
  });

  it('renders the same bytes for the same pack (no clock, no randomness)', async () => {
    expect((await renderGatePack(pack)).equals(pdf)).toBe(true);
  });
});

describe('renderGatePack: long text', () => {
  const base = gatePackFixture(4);
  const long = {
    ...packItem(0),
    key: 'PPAP-13-MATERIAL-PERFORMANCE-RESULTS',
    title: 'The client’s “golden sample” signed and sealed, '.repeat(5),
    evidence: [
      { kind: 'link' as const, text: `https://plm.example.com/${'a1b2c3'.repeat(60)}` },
      { kind: 'note' as const, text: '尺寸检验合格，包装跌落测试通过。Dimensions within tolerance; drop test passed. '.repeat(40) },
    ],
  };
  const pack: GatePackView = {
    ...base,
    gate: { ...base.gate, closeCriteria: 'Nothing stops the pilot run. '.repeat(200) },
    items: [long, ...base.items, long],
  };
  let pages: PdfPage[];
  beforeAll(async () => {
    pages = await readPdf(await renderGatePack(pack));
  });

  it('wraps and cuts long cells inside the page instead of running off it', () => {
    for (const p of pages) {
      for (const b of p.boxes) {
        expect(b.x, b.str).toBeGreaterThanOrEqual(30);
        expect(b.right, b.str).toBeLessThanOrEqual(p.width - 30);
        expect(b.y, b.str).toBeGreaterThanOrEqual(30);
        expect(b.y, b.str).toBeLessThanOrEqual(p.height - 30);
      }
    }
    const text = pages.map((p) => p.text).join('\n');
    expect(text).toContain('…');
    expect(text).toContain('PPAP-13-');
    // Six items, two of them a page tall at most: the close criteria and the long rows never start pages of their own.
    expect(pages.length).toBeLessThanOrEqual(4);
  });
});

describe('renderGatePack: a font without the glyphs', () => {
  it('loses the names, which is what the glyph test above would catch', async () => {
    // pdf.js ships Liberation Sans (Latin only): the same pack in it has no Chinese and no Vietnamese tone marks.
    const latinOnly = createRequire(import.meta.url).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
    const pages = await readPdf(await renderGatePack(gatePackFixture(3), { fonts: { regular: latinOnly, bold: latinOnly } }));
    const text = pages.map((p) => p.text).join('\n');
    expect(text).not.toContain('陈伟');
    expect(text).not.toContain('Nguyễn');
  });
});

describe('renderGatePack: an empty checklist', () => {
  it('prints the header row and says there is nothing under it, on one page', async () => {
    const pages = await readPdf(await renderGatePack({ ...gatePackFixture(0), timeZone: 'UTC' }));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.lines).toContain(headerRow);
    expect(pages[0]?.text).toContain('This gate has no checklist items.');
    expect(pages[0]?.text).toContain('0 items, 0 required');
    expect(pages[0]?.text).toContain('2026-03-30 02:15 UTC');
    expect(pages[0]?.text).toContain('page 1 of 1');
  });
});

describe('renderGatePack: refusals of bad input', () => {
  it('rejects an unknown time zone rather than printing a wrong instant', async () => {
    await expect(renderGatePack({ ...gatePackFixture(1), timeZone: 'Mars/Olympus' })).rejects.toThrow(/zone/);
  });
});
