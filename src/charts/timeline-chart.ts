import type { CustomSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { type DateLabel, dateToMs, isoDateLabel, msToDate, paddedRange } from './chart-dates.js';
import { DEFAULT_EMPTY_TEXT, renderEmptyChart } from './empty-chart.js';
import { legendRows } from './legend-rows.js';
import { healthColors, ink, tints } from './palette.js';
import { chartSize, oneLine, renderSvgChart, uniqueKeys } from './svg-chart.js';
import { CHECK_SYMBOL, DONE_DISC_SYMBOL } from './symbols.js';
import { textWidth } from './text-metrics.js';
import { bandHeight, gridBox, linkSeries, todaySeries } from './timeline-marks.js';

type Health = 'on_track' | 'at_risk' | 'late' | 'done';

export interface TimelineChartInput {
  readonly title: string;
  readonly today: string;
  readonly rows: readonly {
    readonly key: string;
    readonly name: string;
    readonly baselineDate: string | null;
    readonly forecastDate: string;
    readonly actualDate: string | null;
    readonly health: Health;
    readonly onCriticalPath: boolean;
  }[];
  readonly links: readonly { readonly from: string; readonly to: string }[];
  readonly labels: {
    readonly baseline: string;
    readonly forecast: string;
    readonly actual: string;
    readonly today: string;
    readonly criticalPath: string;
    readonly empty?: string;
    /** Legend names of the four forecast markers; English when absent. */
    readonly health?: Readonly<Record<Health, string>>;
  };
  readonly width?: number;
  readonly height?: number;
  /** How dates are written on the axis, the actual-date labels and the description; YYYY-MM-DD when absent. */
  readonly formatDate?: DateLabel;
}

const DEFAULT_HEALTH: Record<Health, string> = { on_track: 'On track', at_risk: 'At risk', late: 'Late', done: 'Done' };
const HEALTHS: readonly Health[] = ['on_track', 'at_risk', 'late', 'done'];
// Shape as well as colour tells the health apart: ● on track, ▲ at risk, ■ late, ✓ done.
const HEALTH_SYMBOL: Record<Health, string> = { on_track: 'circle', at_risk: 'triangle', late: 'rect', done: 'circle' };
const HEALTH_SIZE: Record<Health, number | number[]> = { on_track: 12, at_risk: 13, late: 11, done: 14 };
const ROW_PX = 28;
const LABEL_WIDTH = 230;
const LEGEND_GAP = 16;
const TODAY_ICON = 'path://M0,0H2V14H0Z';

/** Gantt-style plan: per milestone its baseline, forecast (shape and colour by health), actual, links and today. */
export function renderTimelineChart(input: TimelineChartInput): string {
  const width = chartSize(input.width, 960, 'width');
  const { labels } = input;
  const healthNames = labels.health ?? DEFAULT_HEALTH;
  const dateLabel = input.formatDate ?? isoDateLabel;
  const dateText = (ms: number) => dateLabel(msToDate(ms));
  if (input.rows.length === 0) {
    return renderEmptyChart(input.title, labels.empty ?? DEFAULT_EMPTY_TEXT, width, chartSize(input.height, 240, 'height'));
  }
  const rowOf = uniqueKeys(
    input.rows.map((r) => r.key),
    'rows',
  );
  const rows = input.rows.map((r, i) => ({
    ...r,
    label: oneLine(`${r.key} ${r.name}`),
    index: i,
    baseline: r.baselineDate === null ? null : dateToMs(r.baselineDate, `rows[${i}].baselineDate`),
    forecast: dateToMs(r.forecastDate, `rows[${i}].forecastDate`),
    actual: r.actualDate === null ? null : dateToMs(r.actualDate, `rows[${i}].actualDate`),
  }));
  type Row = (typeof rows)[number];
  // Once a milestone is done its forecast is history: the marker, the bar and the arrows use the actual date.
  const at = (r: Row) => r.actual ?? r.forecast;
  const rowByKey = (key: string, field: string): Row => {
    const r = rows[rowOf.get(key) ?? -1];
    if (!r) throw new Error(`${field} ${JSON.stringify(key)} is not the key of a row`);
    return r;
  };
  const links = input.links.map((l, i) => ({ from: rowByKey(l.from, `links[${i}].from`), to: rowByKey(l.to, `links[${i}].to`) }));
  const today = dateToMs(input.today, 'today');
  const [xMin, xMax] = paddedRange(
    [today, ...rows.flatMap((r) => [r.forecast, ...(r.baseline === null ? [] : [r.baseline]), ...(r.actual === null ? [] : [r.actual])])],
    4,
    0.03,
  );

  const legendNames = [labels.baseline, labels.forecast, ...HEALTHS.map((h) => healthNames[h]), labels.today, labels.criticalPath];
  const legendHeight = legendRows(legendNames, width - 32, 200, LEGEND_GAP) * 22;
  const labelWidth = Math.min(LABEL_WIDTH, Math.max(...rows.map((r) => textWidth(r.label, 12, r.onCriticalPath))) + 8);
  const grid = { left: 16 + labelWidth + 8, right: 28, top: 48 + legendHeight + 28, bottom: 30 };
  const height = chartSize(input.height, grid.top + grid.bottom + rows.length * ROW_PX, 'height');

  const band: CustomSeriesOption = {
    type: 'custom',
    name: labels.criticalPath,
    silent: true,
    z: 1,
    itemStyle: { color: tints.criticalBand, borderColor: tints.criticalBorder, borderWidth: 1 },
    encode: { x: 0, y: 1 },
    data: rows.filter((r) => r.onCriticalPath).map((r) => [xMin, r.index]),
    renderItem: (params, api) => {
      const box = gridBox(params);
      const [, y = 0] = api.coord([xMin, api.value(1)]);
      const h = bandHeight(api);
      return { type: 'rect', shape: { x: box.x, y: y - h / 2 + 1, width: box.width, height: h - 2 }, style: { fill: tints.criticalBand } };
    },
  };
  const slips: CustomSeriesOption = {
    type: 'custom',
    silent: true,
    z: 2,
    encode: { x: [0, 1], y: 2 },
    data: rows.flatMap((r) => (r.baseline === null || r.baseline === at(r) ? [] : [[r.baseline, at(r), r.index]])),
    renderItem: (_params, api) => {
      const from = Number(api.value(0));
      const to = Number(api.value(1));
      const [x1 = 0, y = 0] = api.coord([from, api.value(2)]);
      const [x2 = 0] = api.coord([to, api.value(2)]);
      const h = 8;
      return {
        type: 'rect',
        shape: { x: Math.min(x1, x2), y: y - h / 2, width: Math.abs(x2 - x1), height: h, r: 2 },
        style: { fill: to > from ? tints.slip : tints.gain },
      };
    },
  };
  const baselines: ScatterSeriesOption = {
    type: 'scatter',
    name: labels.baseline,
    silent: true,
    z: 4,
    symbol: 'diamond',
    symbolSize: 12,
    itemStyle: { color: ink.background, borderColor: ink.baseline, borderWidth: 1.5, opacity: 1 },
    data: rows.flatMap((r) => (r.baseline === null ? [] : [[r.baseline, r.index]])),
  };
  const forecasts: ScatterSeriesOption[] = HEALTHS.map((h) => ({
    type: 'scatter',
    name: healthNames[h],
    silent: true,
    z: 6,
    symbol: HEALTH_SYMBOL[h],
    symbolSize: HEALTH_SIZE[h],
    itemStyle: { color: healthColors[h], borderColor: ink.background, borderWidth: 1, opacity: 1 },
    data: rows
      .filter((r) => r.health === h)
      .map((r) =>
        r.actual === null
          ? [at(r), r.index]
          : {
              value: [at(r), r.index],
              label: {
                show: true,
                position: 'right',
                distance: 8,
                color: ink.muted,
                formatter: () => `${labels.actual} ${dateText(at(r))}`,
              },
            },
      ),
  }));
  // The white check that turns the grey "done" disc into ✓ (the legend draws the same as one symbol with a hole).
  const checks: ScatterSeriesOption = {
    type: 'scatter',
    silent: true,
    z: 7,
    symbol: CHECK_SYMBOL,
    symbolSize: [9, 8],
    itemStyle: { color: ink.background, opacity: 1 },
    data: rows.filter((r) => r.health === 'done').map((r) => [at(r), r.index]),
  };
  // Names the group of health markers in the legend ("Forecast: ● On track ▲ At risk …").
  const forecastCaption: ScatterSeriesOption = { type: 'scatter', name: labels.forecast, silent: true, data: [] };

  return renderSvgChart({
    width,
    height,
    title: input.title,
    description: describe(input, healthNames, dateLabel),
    option: {
      title: { text: input.title, left: 16, top: 12, textStyle: { fontSize: 16, fontWeight: 'bold', color: ink.text } },
      legend: {
        left: 16,
        right: 16,
        top: 44,
        itemGap: LEGEND_GAP,
        itemWidth: 16,
        itemHeight: 12,
        selectedMode: false,
        textStyle: { color: ink.text, fontSize: 12 },
        formatter: (name: string) => (name === labels.forecast ? `${name}:` : name),
        data: [
          { name: labels.baseline },
          { name: labels.forecast, icon: 'none' },
          ...HEALTHS.map((h) =>
            h === 'done' ? { name: healthNames[h], icon: DONE_DISC_SYMBOL, itemStyle: { borderWidth: 0 } } : { name: healthNames[h] },
          ),
          { name: labels.today, icon: TODAY_ICON },
          { name: labels.criticalPath, icon: 'rect' },
        ],
      },
      grid,
      xAxis: {
        type: 'time',
        position: 'top',
        min: xMin,
        max: xMax,
        axisLine: { show: true, lineStyle: { color: ink.axis } },
        axisTick: { lineStyle: { color: ink.axis } },
        axisLabel: { color: ink.muted, fontSize: 12, formatter: (v: number) => dateText(v), hideOverlap: true },
        splitLine: { show: true, lineStyle: { color: ink.grid } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => (r.onCriticalPath ? { value: r.key, textStyle: { fontWeight: 'bold', color: ink.text } } : r.key)),
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: {
          color: ink.muted,
          fontSize: 12,
          width: labelWidth,
          overflow: 'truncate',
          interval: 0,
          margin: 8,
          formatter: (key: string) => {
            const r = rows[rowOf.get(key) ?? -1];
            return r ? r.label : key;
          },
        },
      },
      series: [
        band,
        todaySeries(today, labels.today),
        slips,
        linkSeries(
          links.map((l) => ({
            fromX: l.from ? at(l.from) : 0,
            fromRow: l.from?.index ?? 0,
            toX: l.to ? at(l.to) : 0,
            toRow: l.to?.index ?? 0,
            isCritical: Boolean(l.from?.onCriticalPath && l.to?.onCriticalPath),
          })),
        ),
        baselines,
        forecastCaption,
        ...forecasts,
        checks,
      ],
    },
  });
}

function describe(input: TimelineChartInput, healthNames: Readonly<Record<Health, string>>, dateLabel: DateLabel): string {
  const { labels } = input;
  const rows = input.rows.map((r) =>
    [
      `${r.key} ${r.name}`,
      r.baselineDate === null ? null : `${labels.baseline} ${dateLabel(r.baselineDate)}`,
      `${labels.forecast} ${dateLabel(r.forecastDate)} (${healthNames[r.health]})`,
      r.actualDate === null ? null : `${labels.actual} ${dateLabel(r.actualDate)}`,
      r.onCriticalPath ? labels.criticalPath : null,
    ]
      .filter((part) => part !== null)
      .join(', '),
  );
  return `${labels.today} ${dateLabel(input.today)}. ${rows.join('; ')}.`;
}
