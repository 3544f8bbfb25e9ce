import { CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import { init, setPlatformAPI, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { fontFamily, ink } from './palette.js';
import { measureText } from './text-metrics.js';

use([
  LineChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  GraphicComponent,
  MarkLineComponent,
  SVGRenderer,
]);
// Without a canvas zrender guesses text widths from Arial-like metrics; viewers often draw a wider font.
setPlatformAPI({ measureText });

export interface SvgChartInput {
  readonly option: EChartsCoreOption;
  readonly width: number;
  readonly height: number;
  /** Short name of the chart, written as the SVG's <title>. */
  readonly title: string;
  /** What the chart shows, in words, for screen readers (the SVG's aria-label). */
  readonly description: string;
}

/** Renders an ECharts option to a standalone, deterministic SVG document (no DOM, no animation). */
export function renderSvgChart({ option, width, height, title, description }: SvgChartInput): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({
      animation: false,
      useUTC: true,
      // Without a DOM ECharts' aria code writes nothing; finishSvg writes the aria-label itself.
      aria: { enabled: true },
      backgroundColor: ink.background,
      textStyle: { fontFamily, fontSize: 12, color: ink.text },
      ...option,
    });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  return finishSvg(svg, title, description);
}

/**
 * Makes ECharts' output a stable, static document. ECharts numbers ids per instance and hover classes per process
 * (zr0-c0, zr3-cls-17, …); a static picture has no use for the hover classes, the <style> holding them or the
 * ecmeta_* hydration hints, and the remaining ids are renamed after the content, so equal input gives equal output
 * and two different charts inlined in one page never share an id. User text is escaped by zrender, so none of
 * these patterns (all with a raw quote or angle bracket) can match inside it.
 */
function finishSvg(svg: string, title: string, description: string): string {
  if (!svg.startsWith('<svg ')) throw new Error('ECharts did not return an SVG document');
  let out = svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\n?/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
  const idRef = /(id="|="url\(#|href="#)zr\d+-/g;
  const prefix = `tg${fnv1a(out.replace(idRef, '$1'))}-`;
  out = out.replace(idRef, `$1${prefix}`);
  const open = out.indexOf('>');
  const label = escapeXml(description ? `${title}. ${description}` : title);
  return xmlChars(
    `<svg role="img" aria-label="${label}" ${out.slice(5, open + 1)}\n<title>${escapeXml(title)}</title>${out.slice(open + 1)}`,
  );
}

/**
 * Characters XML 1.0 allows nowhere, not even escaped: control characters other than tab, newline and
 * carriage return, unpaired surrogates (which also cut emoji in half when a long label is truncated),
 * and U+FFFE, U+FFFF. The API refuses such text now, but older records may hold it.
 */
const notXmlChar = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The text with every character XML 1.0 does not allow replaced by U+FFFD, so the document stays well-formed. */
export const xmlChars = (text: string): string => text.replace(notXmlChar, '\ufffd');

/** A chart's width or height: the given number of pixels, or the default when absent. */
export function chartSize(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 1 || value > 20_000)
    throw new Error(`${field} must be a number of pixels from 1 to 20000, got ${value}`);
  return Math.round(value);
}

/** Index of each key; keys name rows, lines and link ends, so a repeated one is refused, naming where. */
export function uniqueKeys(keys: readonly string[], field: string): Map<string, number> {
  const index = new Map<string, number>();
  keys.forEach((key, i) => {
    if (index.has(key)) throw new Error(`${field}[${i}].key ${JSON.stringify(key)} repeats ${field}[${index.get(key)}].key`);
    index.set(key, i);
  });
  return index;
}

/** User text on one line: a name with line breaks or runs of spaces would break a row label or a legend. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
