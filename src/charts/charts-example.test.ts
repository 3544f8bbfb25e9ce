import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type MtaChartInput, renderMtaChart } from './mta-chart.js';
import { renderTimelineChart, type TimelineChartInput } from './timeline-chart.js';

// A realistic 10-milestone plan, written to test-output/charts/ so a person can look at the pictures.
const DAY = 86_400_000;
const add = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const plan = [
  { key: 'M-1', name: 'Design freeze', baseline: '2026-01-19', slipPerWeek: [0, 0, 0, 0], doneAt: 3 },
  { key: 'M-2', name: 'Tooling kick-off', baseline: '2026-02-02', slipPerWeek: [0, 7, 0, 0, 0, 0], doneAt: 6 },
  { key: 'M-3', name: 'Long-lead parts ordered', baseline: '2026-02-16', slipPerWeek: [0, 0, 0, 0, 0, 0, 0], doneAt: 7 },
  { key: 'M-4', name: 'PPAP submission', baseline: '2026-03-09', slipPerWeek: [0, 0, 0, 7, 0, 0, 7, 0, 0, 0, 0, 0] },
  { key: 'M-5', name: 'First article inspection', baseline: '2026-03-23', slipPerWeek: [0, 0, 0, 0, 0, 7, 0, 0, 7, 0, 7, 0] },
  { key: 'M-6', name: 'Pilot run & ramp-up', baseline: '2026-04-13', slipPerWeek: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  { key: 'M-7', name: 'Supplier audit (Tier 2)', baseline: '2026-04-20', slipPerWeek: [0, 0, -7, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  { key: 'M-8', name: 'Gate 3 review', baseline: '2026-05-04', slipPerWeek: [0, 0, 0, 7, 0, 0, 0, 0, 14, 0, 0, 0] },
  { key: 'M-9', name: 'Customer sign-off', baseline: '2026-05-25', slipPerWeek: [0, 0, 0, 0, 0, 0, 0, 0, 14, 0, 0, 7] },
  { key: 'M-10', name: 'SOP line 2', baseline: '2026-06-15', slipPerWeek: [0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 7, 7] },
] as const;

const weeks = Array.from({ length: 12 }, (_, i) => ({ week: `2026-W${String(2 + i).padStart(2, '0')}`, start: add('2026-01-05', 7 * i) }));

const exampleMta: MtaChartInput = {
  title: 'KHG-KW500 — milestone trend',
  weeks,
  series: plan.map((m) => {
    let forecast: string = m.baseline;
    const doneAt = 'doneAt' in m ? m.doneAt : 99;
    return {
      key: m.key,
      name: m.name,
      baselineDate: m.baseline,
      points: weeks.map((w, i) => {
        forecast = add(forecast, i < doneAt ? (m.slipPerWeek[i] ?? 0) : 0);
        return { week: w.week, forecastDate: m.key === 'M-6' && i === 4 ? null : forecast, done: i >= doneAt };
      }),
    };
  }),
  labels: { x: 'Reporting week', y: 'Forecast date', baseline: 'Baseline', done: 'Done' },
};

const last = (key: string) => exampleMta.series.find((s) => s.key === key)?.points.at(-1)?.forecastDate ?? '2026-01-01';
const health = ['done', 'done', 'done', 'at_risk', 'late', 'on_track', 'on_track', 'late', 'at_risk', 'on_track'] as const;

const exampleTimeline: TimelineChartInput = {
  title: 'KHG-KW500 — plan',
  today: '2026-03-27',
  rows: plan.map((m, i) => ({
    key: m.key,
    name: m.name,
    baselineDate: m.key === 'M-7' ? null : m.baseline,
    forecastDate: last(m.key),
    actualDate: health[i] === 'done' ? last(m.key) : null,
    health: health[i] ?? 'on_track',
    onCriticalPath: ['M-1', 'M-2', 'M-4', 'M-5', 'M-8', 'M-9', 'M-10'].includes(m.key),
  })),
  links: [
    { from: 'M-1', to: 'M-2' },
    { from: 'M-1', to: 'M-3' },
    { from: 'M-2', to: 'M-4' },
    { from: 'M-4', to: 'M-5' },
    { from: 'M-3', to: 'M-6' },
    { from: 'M-5', to: 'M-8' },
    { from: 'M-6', to: 'M-8' },
    { from: 'M-7', to: 'M-8' },
    { from: 'M-8', to: 'M-9' },
    { from: 'M-9', to: 'M-10' },
  ],
  labels: { baseline: 'Baseline', forecast: 'Forecast', actual: 'Actual', today: 'Today', criticalPath: 'Critical path' },
};

describe('example charts', () => {
  it('renders the 10-milestone example to test-output/charts/', () => {
    const dir = new URL('../../test-output/charts/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const mta = renderMtaChart(exampleMta);
    const timeline = renderTimelineChart(exampleTimeline);
    writeFileSync(new URL('mta.svg', dir), mta);
    writeFileSync(new URL('timeline.svg', dir), timeline);
    expect(mta).toMatch(/^<svg /);
    expect(timeline).toMatch(/^<svg /);
  });
});
