import { describe, expect, it } from 'vitest';
import { displayWidth, drawTable, wrapText } from './fit.js';

describe('fitting text to a terminal', () => {
  it('measures wide and combining characters as a terminal shows them', () => {
    expect(displayWidth('Kettle KW-500')).toBe(13);
    expect(displayWidth('宁波')).toBe(4);
    expect(displayWidth('Nguyễn')).toBe(6);
  });

  it('wraps at spaces and breaks a word longer than the width, losing nothing', () => {
    expect(wrapText('Ningbo Evergreen Outdoor Products', 12)).toBe('Ningbo\nEvergreen\nOutdoor\nProducts');
    const id = '0196f3a2-7c1e-7d4b-9a51-3c2f8e9b1d07';
    const wrapped = wrapText(`link ${id}`, 10);
    expect(wrapped.split('\n').every((l) => displayWidth(l) <= 10)).toBe(true);
    expect(wrapped.replace(/\n/g, '')).toBe(`link${id}`);
  });
});

describe('drawTable', () => {
  it('draws each column as wide as its widest line, a space either side, the header ruled off', () => {
    expect(
      drawTable(
        ['Key', 'Name'],
        [
          ['M-1', 'Alpha'],
          ['M-22', '—'],
        ],
        false,
      ),
    ).toBe(
      ['┌──────┬───────┐', '│ Key  │ Name  │', '├──────┼───────┤', '│ M-1  │ Alpha │', '│ M-22 │ —     │', '└──────┴───────┘'].join('\n'),
    );
  });

  it('rules every row apart when asked, and tops a cell of several lines, the others padded below it', () => {
    expect(
      drawTable(
        ['K', 'Why'],
        [
          ['M-1', 'one\ntwo lines'],
          ['M-2', ''],
        ],
        true,
      ),
    ).toBe(
      [
        '┌─────┬───────────┐',
        '│ K   │ Why       │',
        '├─────┼───────────┤',
        '│ M-1 │ one       │',
        '│     │ two lines │',
        '├─────┼───────────┤',
        '│ M-2 │           │',
        '└─────┴───────────┘',
      ].join('\n'),
    );
  });

  it('rules off a header of several lines below its last line', () => {
    const lines = drawTable(['Key', 'Name\nwrapped'], [['M-1', 'a']], false).split('\n');
    expect(lines.slice(1, 4)).toEqual(['│ Key │ Name    │', '│     │ wrapped │', '├─────┼─────────┤']);
  });

  it('measures wide characters as two columns, so the borders line up', () => {
    const lines = drawTable(['名称', 'Owner'], [['样品 测试', 'Chen Wei']], false).split('\n');
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines[3]).toBe('│ 样品 测试 │ Chen Wei │');
  });

  it('draws only the header and borders when there are no rows', () => {
    expect(drawTable(['Key'], [], false)).toBe(['┌─────┐', '│ Key │', '└─────┘'].join('\n'));
  });
});
