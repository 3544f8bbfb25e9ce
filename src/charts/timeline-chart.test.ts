import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { localeDateLabel } from './chart-dates.js';
import { healthColors, ink } from './palette.js';
import { renderTimelineChart, type TimelineChartInput } from './timeline-chart.js';

type Row = TimelineChartInput['rows'][number];
const labels = { baseline: 'Baseline', forecast: 'Forecast', actual: 'Actual', today: 'Today', criticalPath: 'Critical path' };
const row = (key: string, over: Partial<Row> = {}): Row => ({
  key,
  name: `Milestone ${key}`,
  baselineDate: '2026-04-01',
  forecastDate: '2026-04-08',
  actualDate: null,
  health: 'on_track',
  onCriticalPath: false,
  ...over,
});
const rows: Row[] = [
  row('M-1', { forecastDate: '2026-03-02', actualDate: '2026-03-04', health: 'done', onCriticalPath: true }),
  row('M-2', { forecastDate: '2026-04-20', health: 'at_risk', onCriticalPath: true }),
  row('M-3', { baselineDate: null, forecastDate: '2026-05-04', health: 'late' }),
  row('M-4', { forecastDate: '2026-05-18', onCriticalPath: true }),
];
const links = [
  { from: 'M-1', to: 'M-2' },
  { from: 'M-2', to: 'M-4' },
  { from: 'M-3', to: 'M-4' },
];
const chart = (extra: Partial<TimelineChartInput> = {}) =>
  renderTimelineChart({ title: 'Plan', today: '2026-04-10', rows, links, labels, ...extra });

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
const textElements = (svg: string) =>
  [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({ attrs: m[1] ?? '', text: decode(m[2] ?? '') }));
const texts = (svg: string) => textElements(svg).map((t) => t.text);
/** Arrowheads: the chart's only filled polygons in the link colours. */
const arrowheads = (svg: string) => elements(svg, 'polygon').filter((p) => p.fill === ink.link || p.fill === ink.linkCritical);

describe('renderTimelineChart', () => {
  it('is an SVG document whose default height grows with the number of rows', () => {
    const svg = chart();
    expect(svg.startsWith('<svg')).toBe(true);
    const size = (s: string) => elements(s, 'svg')[0] ?? {};
    expect(size(svg)).toMatchObject({ width: '960', role: 'img' });
    const more = chart({ rows: [...rows, row('M-5'), row('M-6')], links: [] });
    expect(Number(size(more).height) - Number(size(svg).height)).toBe(56);
    expect(size(chart({ width: 640, height: 300 }))).toMatchObject({ width: '640', height: '300' });
  });

  it('names every row "key name", in bold when the row is on the critical path', () => {
    const t = textElements(chart());
    for (const r of rows) expect(t.map((e) => e.text)).toContain(`${r.key} ${r.name}`);
    const bold = t.filter((e) => e.attrs.includes('font-weight:bold')).map((e) => e.text);
    expect(bold).toEqual(expect.arrayContaining(['M-1 Milestone M-1', 'M-2 Milestone M-2', 'M-4 Milestone M-4']));
    expect(bold).not.toContain('M-3 Milestone M-3');
  });

  it('draws one arrow per link, darker between critical-path rows', () => {
    expect(arrowheads(chart())).toHaveLength(3);
    expect(arrowheads(chart()).filter((p) => p.fill === ink.linkCritical)).toHaveLength(2);
    expect(arrowheads(chart({ links: [] }))).toHaveLength(0);
    expect(elements(chart(), 'polyline').filter((p) => p.stroke === ink.link || p.stroke === ink.linkCritical)).toHaveLength(3);
  });

  it('draws a vertical today line across the rows, labelled', () => {
    const svg = chart();
    const line = elements(svg, 'path').filter((p) => p.stroke === ink.today);
    expect(line).toHaveLength(1);
    const [, x1, y1, x2, y2] = /^M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)$/.exec(line[0]?.d ?? '') ?? [];
    expect(x1).toBe(x2);
    expect(Number(y2) - Number(y1)).toBeGreaterThanOrEqual(4 * 28 - 1);
    expect(texts(svg)).toContain('Today');
  });

  it('shows health by colour and shape, and the actual date of a done milestone', () => {
    const svg = chart();
    const filled = (color: string) => elements(svg, 'path').filter((p) => p.fill === color);
    // one marker per row of that health plus its legend icon
    expect(filled(healthColors.late)).toHaveLength(2);
    expect(filled(healthColors.at_risk)).toHaveLength(2);
    expect(new Set([filled(healthColors.late)[0]?.d, filled(healthColors.at_risk)[0]?.d, filled(healthColors.on_track)[0]?.d]).size).toBe(
      3,
    );
    expect(texts(svg)).toContain('Actual 2026-03-04');
    // a hollow diamond per row with a baseline (M-3 has none), plus the legend icon
    expect(elements(svg, 'path').filter((p) => p.fill === ink.background && p.stroke === ink.baseline)).toHaveLength(4);
  });

  it('writes dates as the page does when given its date format: axis, actual-date labels and description', () => {
    const svg = chart({ formatDate: localeDateLabel('en-US') });
    expect(texts(svg)).toContain('Actual Mar 4, 2026');
    expect(texts(svg).filter((t) => /^[A-Z][a-z]{2} \d{1,2}, 2026$/.test(t)).length).toBeGreaterThan(2);
    expect(texts(svg).some((t) => /\d{4}-\d{2}-\d{2}/.test(t))).toBe(false);
    const description = decode(elements(svg, 'svg')[0]?.['aria-label'] ?? '');
    expect(description).toContain('Today Apr 10, 2026');
    expect(description).toContain('Forecast May 18, 2026 (On track)');
  });

  it('escapes user text everywhere, including the aria-label', () => {
    const evil = '<script>alert(1)</script> & "x"';
    const svg = chart({ title: evil, rows: [row('M-1', { name: evil })], links: [] });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('"x"');
    expect(texts(svg)).toContain(evil);
    expect(decode(elements(svg, 'svg')[0]?.['aria-label'] ?? '')).toContain(`M-1 ${evil}`);
  });

  it('is well-formed XML even when a stored name holds a NUL, a control character or a lone surrogate', () => {
    // The API refuses such text now; records stored before may still hold it.
    const broken = 'Tool\u0000ing\u0007 T1 \ud800 / \udc00 end';
    const svg = chart({ title: `Plan \u0000 \ud83d`, rows: [row('M-1', { name: broken }), row('M-2', { name: 'Kettle 😀' })], links: [] });
    const problems: string[] = [];
    const parser = new SaxesParser();
    parser.on('error', (e) => problems.push(e.message));
    parser.write(svg).close();
    expect(problems).toEqual([]);
    for (const c of ['\u0000', '\u0007', '\ud800', '\udc00']) expect(svg).not.toContain(c);
    expect(texts(svg)).toContain('M-1 Tool\ufffding\ufffd T1 \ufffd / \ufffd end');
    expect(texts(svg)).toContain('M-2 Kettle 😀');
  });

  it('gives identical output for identical input', () => {
    const first = chart();
    chart({ rows: rows.slice(0, 2), links: [] });
    expect(chart()).toBe(first);
  });

  it('says there is nothing to show when there are no rows', () => {
    const svg = chart({ rows: [], links: [] });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Plan', 'No milestones to show']));
    expect(texts(chart({ rows: [], links: [], labels: { ...labels, empty: 'Rien à montrer' } }))).toContain('Rien à montrer');
  });

  it('refuses input that does not fit, naming the field', () => {
    expect(() => chart({ links: [{ from: 'M-9', to: 'M-1' }] })).toThrow(/links\[0\]\.from/);
    expect(() => chart({ today: '10/04/2026' })).toThrow(/today/);
    expect(() => chart({ rows: [row('M-1'), row('M-1')], links: [] })).toThrow(/rows\[1\]\.key "M-1" repeats rows\[0\]\.key/);
    expect(() => chart({ rows: [row('M-1', { actualDate: '2026-13-01' })], links: [] })).toThrow(/rows\[0\]\.actualDate/);
  });
});
