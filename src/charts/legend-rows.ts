import { textWidth } from './text-metrics.js';

/**
 * How many rows a plain horizontal legend wraps into, so the grid can leave room for it
 * (ECharts lays the legend out but does not move the grid out of its way).
 */
export function legendRows(names: readonly string[], available: number, maxTextWidth: number, itemGap: number): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = 25 + 5 + Math.min(textWidth(name), maxTextWidth);
    if (x > 0 && x + w > available) {
      rows++;
      x = 0;
    }
    x += w + itemGap;
  }
  return rows;
}
