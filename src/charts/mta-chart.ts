import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { DAY_MS, type DateLabel, dateToMs, isoDateLabel, msToDate, paddedRange } from './chart-dates.js';
import { DEFAULT_EMPTY_TEXT, renderEmptyChart } from './empty-chart.js';
import { legendRows } from './legend-rows.js';
import { ink, seriesColors } from './palette.js';
import { chartSize, oneLine, renderSvgChart, uniqueKeys } from './svg-chart.js';
import { CHECK_SYMBOL, DONE_DISC_SYMBOL } from './symbols.js';

export interface MtaChartInput {
  readonly title: string;
  readonly weeks: readonly { readonly week: string; readonly start: string }[];
  readonly series: readonly {
    readonly key: string;
    readonly name: string;
    readonly baselineDate: string;
    readonly points: readonly { readonly week: string; readonly forecastDate: string | null; readonly done: boolean }[];
  }[];
  readonly labels: {
    readonly x: string;
    readonly y: string;
    readonly baseline: string;
    readonly done: string;
    readonly empty?: string;
  };
  readonly width?: number;
  readonly height?: number;
  /** How dates are written on the axis and in the description; YYYY-MM-DD when absent. */
  readonly formatDate?: DateLabel;
}

// Hollow shapes per milestone, so lines differ by more than colour; a filled check marks a milestone done.
const SHAPES = ['emptyCircle', 'emptyRect', 'emptyTriangle', 'emptyDiamond'] as const;
const LEGEND_TEXT_WIDTH = 190;
const LEGEND_GAP = 18;
const BASELINE_ICON = 'path://M0,0H7V2H0ZM10,0H17V2H10ZM20,0H27V2H20Z';

/** Milestone trend analysis: one line per milestone of its forecast date week by week; a climbing line is a slipping date. */
export function renderMtaChart(input: MtaChartInput): string {
  const width = chartSize(input.width, 960, 'width');
  const height = chartSize(input.height, 480, 'height');
  const { labels } = input;
  const dateText = (ms: number) => (input.formatDate ?? isoDateLabel)(msToDate(ms));
  if (input.series.length === 0 || input.weeks.length === 0) {
    return renderEmptyChart(input.title, labels.empty ?? DEFAULT_EMPTY_TEXT, width, height);
  }
  uniqueKeys(
    input.series.map((s) => s.key),
    'series',
  );
  const weekIndex = new Map(input.weeks.map((w, i) => [w.week, i]));
  const milestones = input.series.map((s, i) => {
    const field = `series[${i}]`;
    const forecasts: (number | null)[] = input.weeks.map(() => null);
    const done: boolean[] = input.weeks.map(() => false);
    s.points.forEach((p, j) => {
      const at = weekIndex.get(p.week);
      if (at === undefined) throw new Error(`${field}.points[${j}].week ${JSON.stringify(p.week)} is not one of weeks`);
      forecasts[at] = p.forecastDate === null ? null : dateToMs(p.forecastDate, `${field}.points[${j}].forecastDate`);
      done[at] = p.done;
    });
    return {
      ...s,
      color: seriesColors[i % seriesColors.length] ?? ink.text,
      baseline: dateToMs(s.baselineDate, `${field}.baselineDate`),
      forecasts,
      done,
    };
  });

  const dates = milestones.flatMap((m) => [m.baseline, ...m.forecasts.filter((f): f is number => f !== null)]);
  const [yMin, yMax] = paddedRange(dates, 7, 0.08);
  const names = milestones.map((m) => oneLine(`${m.key} ${m.name}`));
  // A legend taller than the room left for it is dropped: the key at each line's end still names the line.
  const wantedLegend = legendRows(names, width - 32, LEGEND_TEXT_WIDTH, LEGEND_GAP) * 22;
  const hasLegend = wantedLegend <= height / 3;
  const legendHeight = hasLegend ? wantedLegend : 0;
  const grid = { left: 100, right: 64, top: 56, bottom: 70 + legendHeight };
  const toPixelY = (v: number) => grid.top + ((yMax - v) / (yMax - yMin)) * (height - grid.top - grid.bottom);
  const labelShift = spreadEndLabels(
    milestones.map((m) => m.forecasts),
    toPixelY,
  );

  const lines: LineSeriesOption[] = milestones.map((m, i) => {
    const last = m.forecasts.findLastIndex((f) => f !== null);
    return {
      type: 'line',
      name: names[i],
      silent: true,
      color: m.color,
      symbol: SHAPES[i % SHAPES.length],
      symbolSize: 7,
      lineStyle: { width: 2 },
      connectNulls: false,
      data: m.forecasts.map((f, w) => {
        if (f === null) return '-';
        const item: Record<string, unknown> = { value: f };
        if (m.done[w])
          Object.assign(item, {
            symbol: 'circle',
            symbolSize: 15,
            itemStyle: { color: m.color, borderColor: ink.background, borderWidth: 1 },
          });
        if (w === last) {
          item.label = {
            show: true,
            position: 'right',
            distance: 8,
            offset: [0, labelShift[i] ?? 0],
            formatter: () => m.key,
            color: m.color,
            fontWeight: 'bold',
            fontSize: 12,
          };
        }
        return item;
      }),
      markLine: {
        silent: true,
        z: 1,
        symbol: 'none',
        label: { show: false },
        lineStyle: { type: 'dashed', width: 1, color: m.color, opacity: 0.55 },
        data: [{ yAxis: m.baseline }],
      },
    };
  });
  // A white check over each done point's disc.
  const checks: ScatterSeriesOption = {
    type: 'scatter',
    silent: true,
    symbol: CHECK_SYMBOL,
    symbolSize: [9, 8],
    itemStyle: { color: ink.background, opacity: 1 },
    z: 3,
    data: milestones.flatMap((m) => m.forecasts.flatMap((f, w) => (f !== null && m.done[w] ? [[w, f]] : []))),
  };
  // Empty series that only give the legend its "how to read" entries.
  const keys: LineSeriesOption[] = [
    { type: 'line', name: labels.baseline, silent: true, color: ink.muted, data: [] },
    { type: 'line', name: labels.done, silent: true, color: ink.muted, data: [] },
  ];

  return renderSvgChart({
    width,
    height,
    title: input.title,
    description: describe(input, milestones, dateText),
    option: {
      title: { text: input.title, left: 16, top: 12, textStyle: { fontSize: 16, fontWeight: 'bold', color: ink.text } },
      legend: [
        {
          data: [
            { name: labels.baseline, icon: BASELINE_ICON, itemWidth: 27, itemHeight: 2 },
            { name: labels.done, icon: DONE_DISC_SYMBOL, itemWidth: 14, itemHeight: 14 },
          ],
          right: 24,
          top: 14,
          selectedMode: false,
          textStyle: { color: ink.muted, fontSize: 12 },
        },
        {
          show: hasLegend,
          data: names,
          left: 16,
          right: 16,
          bottom: 10,
          itemGap: LEGEND_GAP,
          selectedMode: false,
          textStyle: { color: ink.text, fontSize: 12, width: LEGEND_TEXT_WIDTH, overflow: 'truncate' },
        },
      ],
      grid,
      xAxis: {
        type: 'category',
        data: input.weeks.map((w) => w.week),
        boundaryGap: false,
        name: labels.x,
        nameLocation: 'middle',
        nameGap: 30,
        nameTextStyle: { color: ink.muted, fontSize: 12 },
        axisLine: { lineStyle: { color: ink.axis } },
        axisTick: { alignWithLabel: true, lineStyle: { color: ink.axis } },
        axisLabel: { color: ink.muted, fontSize: 12, hideOverlap: true },
        splitLine: { show: true, lineStyle: { color: ink.grid } },
      },
      yAxis: {
        type: 'time',
        min: yMin,
        max: yMax,
        name: labels.y,
        nameLocation: 'middle',
        nameGap: 84,
        nameTextStyle: { color: ink.muted, fontSize: 12 },
        axisLine: { show: true, lineStyle: { color: ink.axis } },
        axisLabel: { color: ink.muted, fontSize: 12, formatter: (v: number) => dateText(v), hideOverlap: true },
        splitLine: { show: true, lineStyle: { color: ink.grid } },
        minInterval: DAY_MS,
      },
      series: [...keys, ...lines, checks],
    },
  });
}

const LABEL_PITCH = 14;

/** Vertical offsets that keep the key labels of lines ending in the same week from covering each other. */
function spreadEndLabels(forecasts: readonly (readonly (number | null)[])[], toPixelY: (v: number) => number): number[] {
  const shifts = forecasts.map(() => 0);
  const ends = forecasts.map((f) => f.findLastIndex((v) => v !== null));
  for (const week of new Set(ends)) {
    if (week < 0) continue;
    const column = ends
      .map((end, i) => ({ i, y: end === week ? toPixelY(forecasts[i]?.[week] ?? 0) : Number.NaN }))
      .filter((l) => !Number.isNaN(l.y))
      .sort((a, b) => a.y - b.y || a.i - b.i);
    const placed = column.map((l) => l.y);
    for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k] ?? 0, (placed[k - 1] ?? 0) + LABEL_PITCH);
    // Centre the pushed-down stack on where the labels wanted to be, so it does not drift off the plot.
    const drift = placed.reduce((sum, y, k) => sum + y - (column[k]?.y ?? 0), 0) / Math.max(1, placed.length);
    column.forEach((l, k) => {
      shifts[l.i] = (placed[k] ?? 0) - drift - l.y;
    });
  }
  return shifts;
}

function describe(
  input: MtaChartInput,
  milestones: readonly { key: string; name: string; baseline: number; forecasts: readonly (number | null)[]; done: readonly boolean[] }[],
  dateText: (ms: number) => string,
) {
  const { labels, weeks } = input;
  const parts = milestones.map((m) => {
    const last = m.forecasts.findLastIndex((f) => f !== null);
    const latest =
      last < 0 ? '' : `, ${weeks[last]?.week}: ${dateText(m.forecasts[last] as number)}${m.done[last] ? ` (${labels.done})` : ''}`;
    return `${m.key} ${m.name}: ${labels.baseline} ${dateText(m.baseline)}${latest}`;
  });
  return `${labels.x} ${weeks[0]?.week} – ${weeks[weeks.length - 1]?.week}. ${parts.join('; ')}.`;
}
