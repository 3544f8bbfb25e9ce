import { describe, expect, it } from 'vitest';
import { callHook } from '../i18n/test-render.js';
import { useLagText } from './link-lag-text.js';

const lagText = callHook(useLagText);

describe('useLagText', () => {
  it('says a positive lag in business days, one or many', () => {
    expect(lagText(1)).toBe('1 business day');
    expect(lagText(2)).toBe('2 business days');
    expect(lagText(365)).toBe('365 business days');
  });

  it('says "no lag" for zero, negative zero included', () => {
    expect(lagText(0)).toBe('no lag');
    expect(lagText(-0)).toBe('no lag');
  });

  it('says a negative lag as an overlap, without the minus sign', () => {
    expect(lagText(-1)).toBe('overlaps 1 business day');
    expect(lagText(-3)).toBe('overlaps 3 business days');
  });
});
