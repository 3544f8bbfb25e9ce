import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from './fit.js';

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
