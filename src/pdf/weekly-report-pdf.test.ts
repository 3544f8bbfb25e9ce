import { beforeAll, describe, expect, it } from 'vitest';
import { type PdfPage, readPdf } from '../../test/support/pdf-pages.js';
import { historyInput } from '../../test/support/weekly-report-history.js';
import { assembleWeeklyReport } from '../domain/report/assemble-weekly-report.js';
import { renderReportPdf } from './weekly-report-pdf.js';

const report = assembleWeeklyReport(historyInput());

describe('renderReportPdf: the week of ABC written by hand', () => {
  let pdf: Buffer;
  let pages: PdfPage[];
  let text: string;
  beforeAll(async () => {
    pdf = await renderReportPdf(report);
    pages = await readPdf(pdf);
    text = pages.map((p) => p.lines.join('\n')).join('\n');
  });

  it('is an A4 landscape PDF of bounded size, the same bytes each time', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(128 * 1024);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
    expect((await renderReportPdf(report)).equals(pdf)).toBe(true);
  });

  it('holds the five headings in order, the answers and the narrative', () => {
    const at = (s: string) => text.indexOf(s);
    const headings = [
      'Weekly report: Kettle housing 1.7 l (ABC), 2026-W49',
      '1. Milestone movement',
      '2. Blockers requiring action',
      '3. Decisions needed from owners',
      '4. Risk changes',
      '5. Next-week plan (2026-W50)',
      'Plan vs actual',
      'Narrative',
    ];
    for (const h of headings) expect(at(h), h).toBeGreaterThanOrEqual(0);
    expect(headings.map(at)).toEqual(headings.map(at).sort((a, b) => a - b));
    expect(text).toContain('Are we on track? Off track: 2 milestones late, 1 at risk');
    expect(text).toContain('Release readiness: red');
    expect(text).toContain('red: Critical risk R-1 open (score 16).');
    expect(text).toContain(report.narrative.split('\n')[0]);
  });

  it('writes each table row with its owner, dates and overdue flag; names as written', () => {
    expect(text).toMatch(/A-1 Repair cavity 3 of the tool\s+陈伟\s+2026-12-04\s+M-5\s+overdue/);
    expect(text).toMatch(/M-3 Pilot run\s+Dana Whitfield\s+forecast\s+2026-12-04\s+2026-12-11\s+\+5\s+Resin arrives late/);
    expect(text).toContain('no owner');
    const missing = pages.flatMap((p) => p.glyphs.filter((g) => !g.isInFont && g.unicode.trim() !== '').map((g) => g.unicode));
    expect(missing).toEqual([]);
  });

  it('numbers every page in the footer with the program, week and instant in its zone', () => {
    const n = pages.length;
    pages.forEach((p, i) => {
      expect(p.lines.at(-1)).toMatch(
        new RegExp(`^Tollgate – ABC – 2026-W49 – as of 2026-12-07 00:00 Asia/Shanghai page ${i + 1} of ${n}$`),
      );
    });
  });
});
