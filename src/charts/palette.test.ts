import { describe, expect, it } from 'vitest';
import { healthColors, ink, seriesColors } from './palette.js';

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5]
    .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('palette', () => {
  it('gives every colour that carries meaning or text at least 4.5:1 against white (WCAG AA)', () => {
    const meaningful = [
      ...seriesColors,
      ...Object.values(healthColors),
      ink.text,
      ink.muted,
      ink.baseline,
      ink.today,
      ink.link,
      ink.linkCritical,
    ];
    for (const color of meaningful) expect(contrastOnWhite(color), color).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the series colours distinct', () => {
    expect(new Set(seriesColors).size).toBe(seriesColors.length);
    expect(seriesColors.length).toBeGreaterThanOrEqual(12);
  });
});
