import { describe, expect, it } from 'vitest';
import { localeDateLabel } from './chart-dates.js';
import { type MtaChartInput, renderMtaChart } from './mta-chart.js';
import { ink, seriesColors } from './palette.js';

const weeks = ['2026-W10', '2026-W11', '2026-W12', '2026-W13'].map((week, i) => ({
  week,
  start: `2026-03-${String(2 + 7 * i).padStart(2, '0')}`,
}));
const labels = { x: 'Week', y: 'Forecast', baseline: 'Baseline', done: 'Done' };

const series = (key: string, name: string, forecasts: readonly (string | null)[], doneFrom = 99) => ({
  key,
  name,
  baselineDate: '2026-04-01',
  points: forecasts.map((forecastDate, i) => ({ week: weeks[i]?.week ?? '', forecastDate, done: i >= doneFrom })),
});

const chart = (s: MtaChartInput['series'], extra: Partial<MtaChartInput> = {}) =>
  renderMtaChart({ title: 'Trend', weeks, series: s, labels, ...extra });

/** Attributes of every <tag …> element of the SVG. */
const elements = (svg: string, tag: string) =>
  [...svg.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
const decode = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] ?? ''));
/** The drawn forecast lines: unfilled 2px strokes in a series colour (legend icons are filled, baselines dashed). */
const forecastLines = (svg: string) =>
  elements(svg, 'path').filter(
    (p) => p.fill === 'none' && p['stroke-width'] === '2' && seriesColors.includes(p.stroke ?? '') && !p['stroke-dasharray'],
  );

describe('renderMtaChart', () => {
  const three = [
    series('M-1', 'Design freeze', ['2026-04-01', '2026-04-01', '2026-04-08', '2026-04-15']),
    series('M-2', 'Tooling', ['2026-04-20', '2026-04-20', '2026-04-20', '2026-04-20']),
    series('M-3', 'SOP', ['2026-05-04', '2026-05-11', '2026-05-11', '2026-05-18']),
  ];

  it('is an SVG document of the asked size, with the default size when none is asked', () => {
    const svg = chart(three);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(elements(svg, 'svg')[0]).toMatchObject({ width: '960', height: '480', role: 'img' });
    expect(elements(chart(three, { width: 700, height: 300 }), 'svg')[0]).toMatchObject({ width: '700', height: '300' });
  });

  it('labels each line with its key and lists "key name" in the legend', () => {
    const t = texts(chart(three));
    for (const key of ['M-1', 'M-2', 'M-3']) expect(t).toContain(key);
    expect(t).toContain('M-2 Tooling');
    expect(t).toEqual(expect.arrayContaining(['Baseline', 'Done', 'Week', 'Forecast', 'Trend']));
  });

  it('draws one forecast line per series, plus a dashed baseline per series', () => {
    expect(forecastLines(chart(three.slice(0, 1)))).toHaveLength(1);
    expect(forecastLines(chart(three))).toHaveLength(3);
    const dashed = elements(chart(three), 'path').filter((p) => p['stroke-dasharray'] && seriesColors.includes(p.stroke ?? ''));
    expect(dashed).toHaveLength(3);
  });

  it('leaves a gap where a week has no forecast', () => {
    const moves = (forecasts: (string | null)[]) => (forecastLines(chart([series('M-1', 'A', forecasts)]))[0]?.d?.match(/M/g) ?? []).length;
    expect(moves(['2026-04-01', '2026-04-01', '2026-04-08', '2026-04-15'])).toBe(1);
    expect(moves(['2026-04-01', null, '2026-04-08', '2026-04-15'])).toBe(2);
  });

  it('marks done points with a white check on a filled disc', () => {
    const checks = (s: MtaChartInput['series']) =>
      elements(chart(s), 'path').filter((p) => p.fill === ink.background && p.d?.endsWith('Z')).length;
    expect(checks(three)).toBe(0);
    expect(checks([series('M-1', 'A', ['2026-04-01', '2026-04-01', '2026-04-01', '2026-04-01'], 2)])).toBe(2);
  });

  it('escapes user text everywhere, including the aria-label', () => {
    const evil = '<script>alert(1)</script> & "x"';
    const svg = chart([series('M-9', evil, ['2026-04-01', '2026-04-02', null, '2026-04-03'])], { title: `Plan ${evil}` });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('"x"');
    expect(decode(elements(svg, 'svg')[0]?.['aria-label'] ?? '')).toContain(`M-9 ${evil}`);
    expect(texts(svg)).toContain(`Plan ${evil}`);
  });

  it('gives identical output for identical input and distinct ids for different charts', () => {
    const first = chart(three);
    chart(three.slice(0, 2), { width: 500 }); // whatever was rendered before must not leak into the next chart
    expect(chart(three)).toBe(first);
    const ids = (svg: string) => new Set([...svg.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    const a = ids(chart(three));
    expect(a.size).toBeGreaterThan(0);
    expect([...ids(chart(three.slice(1)))].some((id) => a.has(id))).toBe(false);
  });

  it('covers every baseline and forecast in the date axis', () => {
    const svg = chart([series('M-1', 'A', ['2026-01-05', '2026-03-01', '2026-06-01', null])]);
    const dates = texts(svg)
      .filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))
      .sort();
    expect(dates[0] ?? '9999').toMatch(/^2025-12|^2026-01/);
    expect(dates.at(-1) ?? '').toMatch(/^2026-0[67]/);
  });

  it('writes axis dates and the description as the page does when given its date format', () => {
    const svg = chart(three, { formatDate: localeDateLabel('en-GB') });
    const axis = texts(svg).filter((t) => /^\d{1,2} [A-Z][a-z]{2} 2026$/.test(t));
    expect(axis.length).toBeGreaterThan(2);
    expect(texts(svg).some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))).toBe(false);
    expect(decode(elements(svg, 'svg')[0]?.['aria-label'] ?? '')).toContain('Baseline 1 Apr 2026');
    // Without a format, dates stay as written: YYYY-MM-DD.
    expect(decode(elements(chart(three), 'svg')[0]?.['aria-label'] ?? '')).toContain('Baseline 2026-04-01');
  });

  it('says there is nothing to show when there is no series', () => {
    const svg = chart([]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Trend', 'No milestones to show']));
    expect(texts(chart([], { labels: { ...labels, empty: 'Keine Meilensteine' } }))).toContain('Keine Meilensteine');
  });

  it('refuses input that does not fit, naming the field', () => {
    expect(() => chart([series('M-1', 'A', ['2026-02-30'])])).toThrow(/series\[0\]\.points\[0\]\.forecastDate/);
    expect(() => chart([{ ...series('M-1', 'A', []), points: [{ week: '2027-W01', forecastDate: null, done: false }] }])).toThrow(
      /series\[0\]\.points\[0\]\.week/,
    );
    expect(() => chart(three, { width: 0 })).toThrow(/width/);
  });
});
