import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import type { CustomSeriesOption } from 'echarts/charts';
import { fontFamily, ink } from './palette.js';

export interface LinkMark {
  readonly fromX: number;
  readonly fromRow: number;
  readonly toX: number;
  readonly toRow: number;
  readonly isCritical: boolean;
}

type Point = [number, number];

const CLEARANCE = 7; // px kept free around a marker so an arrow never hides it
const HEAD_LENGTH = 6;
const HEAD_HALF_WIDTH = 4;

/** Height in px of one category row of the y axis. */
export const bandHeight = (api: CustomSeriesRenderItemAPI): number => {
  const size = api.size?.([0, 1]);
  return (Array.isArray(size) ? size[1] : size) ?? 28;
};

export const gridBox = (params: CustomSeriesRenderItemParams) =>
  params.coordSys as unknown as { x: number; y: number; width: number; height: number };

/**
 * Dependency arrows, predecessor's forecast → successor's forecast: down (or up) from the predecessor's marker
 * to the gap above the successor's row, along that gap, and into the successor's marker, so an arrow never runs
 * through a row's own bar and diamonds. Each arrow is one stroked polyline plus one filled head in the link colour.
 */
export function linkSeries(links: readonly LinkMark[]): CustomSeriesOption {
  return {
    type: 'custom',
    silent: true,
    z: 3,
    encode: { x: [0, 2], y: [1, 3] },
    data: links.map((l) => [l.fromX, l.fromRow, l.toX, l.toRow, l.isCritical ? 1 : 0]),
    renderItem: (_params, api) => {
      const [x1 = 0, y1 = 0] = api.coord([api.value(0), api.value(1)]);
      const [x2 = 0, y2 = 0] = api.coord([api.value(2), api.value(3)]);
      const rowHeight = bandHeight(api);
      const isCritical = api.value(4) === 1;
      const color = isCritical ? ink.linkCritical : ink.link;
      const down = y2 >= y1 ? 1 : -1;
      const tip: Point = [x2, y2 - down * CLEARANCE];
      const neck: Point = [x2, tip[1] - down * HEAD_LENGTH];
      const gapY = y2 - (down * rowHeight) / 2;
      const start: Point = [x1, y1 + down * CLEARANCE];
      const path: Point[] = Math.abs(x2 - x1) < 1 ? [start, neck] : [start, [x1, gapY], [x2, gapY], neck];
      const head: Point[] = [tip, [x2 - HEAD_HALF_WIDTH, neck[1]], [x2 + HEAD_HALF_WIDTH, neck[1]]];
      return {
        type: 'group',
        children: [
          { type: 'polyline', shape: { points: path }, style: { stroke: color, lineWidth: isCritical ? 1.6 : 1.2, fill: 'none' } },
          { type: 'polygon', shape: { points: head }, style: { fill: color } },
        ],
      };
    },
  };
}

/** The vertical "today" line across the plot, its label under the plot. */
export function todaySeries(today: number, label: string): CustomSeriesOption {
  return {
    type: 'custom',
    name: label,
    silent: true,
    z: 2,
    itemStyle: { color: ink.today },
    encode: { x: 0 },
    data: [[today]],
    renderItem: (params, api) => {
      const box = gridBox(params);
      const [x = 0] = api.coord([api.value(0), 0]);
      return {
        type: 'group',
        children: [
          {
            type: 'line',
            shape: { x1: x, y1: box.y, x2: x, y2: box.y + box.height },
            style: { stroke: ink.today, fill: 'none', lineWidth: 1.5, lineDash: [4, 3] },
          },
          {
            type: 'text',
            x,
            y: box.y + box.height + 6,
            style: { text: label, fill: ink.today, font: `bold 12px ${fontFamily}`, align: 'center', verticalAlign: 'top' },
          },
        ],
      };
    },
  };
}
