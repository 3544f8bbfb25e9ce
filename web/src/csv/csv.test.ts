import { describe, expect, it } from 'vitest';
import type { MyWeek } from '../lib/records-api.js';
import { allPages, csvCell, csvFileName, toCsv } from './csv.js';
import { weekCsv } from './csv-lists.js';

describe('CSV writing', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Numbers are values, not text: a negative variance stays a number.
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes cells holding quotes, commas or line breaks, and leaves others bare', () => {
    expect(csvCell('Pilot run, line 2')).toBe('"Pilot run, line 2"');
    expect(csvCell('say "go"')).toBe('"say ""go"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Ningbo 宁波')).toBe('Ningbo 宁波');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('writes a UTF-8 byte order mark, a header and CRLF line ends', () => {
    const text = toCsv({
      header: ['Key', 'Name', 'Due'],
      rows: [
        ['M-1', 'Pilot, run', '2026-03-11'],
        ['M-2', '=1+1', null],
      ],
    });
    expect(text).toBe('\uFEFFKey,Name,Due\r\nM-1,"Pilot, run",2026-03-11\r\nM-2,\'=1+1,\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('names files with safe characters only', () => {
    expect(csvFileName('KHG-KW500', 'actions', 'active')).toBe('KHG-KW500-actions-active.csv');
    expect(csvFileName('a/b\\c', '')).toBe('a-b-c.csv');
    expect(csvFileName('')).toBe('list.csv');
  });

  it('reads every page of a paged list by its cursors', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3, 4], nextCursor: 'c' },
      c: { items: [5], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const all = await allPages(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'first'] as { items: number[]; nextCursor: string | null };
    });
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'b', 'c']);
    await expect(allPages(async () => ({ items: [0], nextCursor: 'again' }), 3)).rejects.toThrow('more than 3 pages');
  });

  it('lists each required item of a gate at risk after the week’s sections, with why it is off course', () => {
    const week = {
      decisions: [
        { programCode: 'KHG-KW500', key: 'D-5', title: 'Accept flow lines', dueDate: '2026-03-09', isOverdue: true, ask: 'decide' },
      ],
      gatesAtRisk: [
        {
          programCode: 'NW-TENT2P',
          gateKey: 'G2',
          gateName: 'Pilot run checks',
          items: [
            { key: 'G2-DEFECT-RATE', title: 'Pilot defect rate under threshold', dueDate: '2026-03-09', reasons: ['rejected', 'overdue'] },
            { key: 'G2-DROP-TEST', title: 'Packaging drop test passed', dueDate: '2026-03-11', reasons: ['due'] },
          ],
        },
      ],
    } as unknown as MyWeek;
    const table = weekCsv(((k: string) => k) as never, week, ['decisions']);
    expect(table.rows).toEqual([
      ['decisions', 'KHG-KW500', 'D-5', 'Accept flow lines', '2026-03-09', true, 'decide'],
      [
        'gatesAtRisk',
        'NW-TENT2P',
        'G2-DEFECT-RATE',
        'G2 Pilot run checks: Pilot defect rate under threshold',
        '2026-03-09',
        true,
        'rejected overdue',
      ],
      ['gatesAtRisk', 'NW-TENT2P', 'G2-DROP-TEST', 'G2 Pilot run checks: Packaging drop test passed', '2026-03-11', false, 'due'],
    ]);
  });
});
