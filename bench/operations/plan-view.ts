import { getMta } from '../../src/app/plan/get-mta.js';
import { getPlan } from '../../src/app/plan/get-plan.js';
import { renderMtaChart } from '../../src/charts/mta-chart.js';
import { defineOperation, expectOk } from './types.js';

/** The Plan page's table: plan vs actual with slack, critical path, health signals and slip summaries. */
export const loadPlan = defineOperation<{ programId: string }>({
  name: 'load-plan',
  description: 'getPlan of a random program (plan vs actual, slack, critical path, health, slips)',
  setup: () => ({ programId: '' }),
  beforeEach: (ctx, s) => {
    s.programId = ctx.rng.pick(ctx.portfolio.programs).id;
  },
  run: async (ctx, s) => expectOk(await getPlan(ctx.deps, { ...s, actor: ctx.actor }), 'getPlan').rows.length,
});

/** The trend chart: 12 weeks of forecast history from the change log, rendered to SVG. */
export const mtaChart = defineOperation<{ programId: string }>({
  name: 'mta-chart',
  description: 'getMta (12 weeks, default milestones) + renderMtaChart to SVG for a random program',
  setup: () => ({ programId: '' }),
  beforeEach: (ctx, s) => {
    s.programId = ctx.rng.pick(ctx.portfolio.programs).id;
  },
  run: async (ctx, s) => {
    const v = expectOk(await getMta(ctx.deps, { ...s, actor: ctx.actor }), 'getMta');
    const svg = renderMtaChart({
      title: `${v.code} — milestone trend`,
      weeks: v.weeks,
      series: v.series,
      labels: { x: 'Reporting week', y: 'Forecast date', baseline: 'Baseline', done: 'Done' },
    });
    return svg.length;
  },
});
