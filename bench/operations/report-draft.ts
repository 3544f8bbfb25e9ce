import { getReportDraft } from '../../src/app/reports/report-draft.js';
import { weekOfInstant } from '../../src/domain/report/iso-week.js';
import { generateExtraProgram } from '../lib/portfolio.js';
import { type BenchContext, defineOperation, expectOk } from './types.js';

/** The program the draft operations read: 500 milestones, kicked off a year before the bench instant. */
const big = { code: 'BIG-500', milestones: 500, kickoffWeeksAgo: 52 } as const;

interface State {
  readonly programId: string;
  readonly week: string;
}

/** Writes the big program once per run (untimed), or finds it from an earlier operation of the run. */
async function bigProgram(ctx: BenchContext): Promise<string> {
  const found = await ctx.deps.store.reads.findProgram(big.code);
  if (found) return found.id;
  const started = performance.now();
  const id = await generateExtraProgram(ctx.deps, ctx.deps.store.reads, ctx.rng.derive('big-program'), ctx.deps.clock.now(), big);
  const rows = await ctx.deps.store.reads.findProgram(id);
  ctx.note(
    `${big.code} (${big.milestones} milestones, a year of history) written in ${((performance.now() - started) / 1000).toFixed(1)} s; zone ${rows?.timeZone}`,
  );
  return id;
}

/** The draft report of one big program for this week: the cadence owner opening the report page. */
export const reportDraft500 = defineOperation<State>({
  name: 'report-draft-500',
  description: `getReportDraft of ${big.code} (${big.milestones} milestones, a year of history) for the week in progress: read, wound back, assembled and linted`,
  targetP95Ms: 100,
  async setup(ctx) {
    const programId = await bigProgram(ctx);
    const zone = (await ctx.deps.store.reads.findProgram(programId))?.timeZone ?? 'UTC';
    const week = weekOfInstant(ctx.deps.clock.now().toISOString(), zone).label;
    const draft = expectOk(await getReportDraft(ctx.deps, { programId, actor: ctx.actor, week }), 'getReportDraft');
    ctx.note(
      `${big.code} ${week}: ${draft.report.planVsActual.length} milestones in plan vs actual, ${draft.report.milestoneMovement.moved.length} moved, ${draft.findings.length} lint findings`,
    );
    return { programId, week };
  },
  run: async (ctx, s) =>
    expectOk(await getReportDraft(ctx.deps, { programId: s.programId, actor: ctx.actor, week: s.week }), 'getReportDraft'),
});

/** The same program's draft of a week a quarter back: every change since wound back over today's records. */
export const reportDraft500Past = defineOperation<State>({
  name: 'report-draft-500-past',
  description: `getReportDraft of ${big.code} for the week 13 weeks before the bench instant (a quarter of change-log rows wound back)`,
  async setup(ctx) {
    const programId = await bigProgram(ctx);
    const zone = (await ctx.deps.store.reads.findProgram(programId))?.timeZone ?? 'UTC';
    const week = weekOfInstant(new Date(ctx.deps.clock.now().getTime() - 13 * 7 * 86_400_000).toISOString(), zone).label;
    return { programId, week };
  },
  run: async (ctx, s) =>
    expectOk(await getReportDraft(ctx.deps, { programId: s.programId, actor: ctx.actor, week: s.week }), 'getReportDraft'),
});
