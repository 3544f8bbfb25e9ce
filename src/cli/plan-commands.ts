import type { Command } from 'commander';
import { DateInputSchema } from '../contract/common.js';
import { MtaQuerySchema, type Plan, PlanQuerySchema, SlipsQuerySchema, TakeBaselineSchema } from '../contract/plan.js';
import { incompleteCharterRefusal } from './charter-commands.js';
import { addActingOptions, withBackend } from './connect.js';
import { actualText, healthWhy, healthWord, minuteUtc, varianceText } from './format.js';
import { parseIntOption, parseOption, withFlags } from './options.js';
import { emit, facts, fail, outputOf, table } from './output.js';
import { addPageOptions, nextPageLine, pageOptions } from './paging.js';
import type { CliContext } from './session.js';
import { must, requireMilestone, requireProgram } from './targets.js';

// `tollgate plan …`: plan vs actual against a baseline, days to spare, the critical path, slips,
// baselines and the milestone trend.

const bd = (n: number) => `${n} business day${Math.abs(n) === 1 ? '' : 's'}`;

/** The plan in words first, then one row per milestone. */
export function planText(p: Plan): string {
  const base = p.baseline
    ? `baseline ${p.baseline.number} "${p.baseline.name}" (${minuteUtc(p.baseline.takenAt)}${p.baseline.decision ? `, approved by ${p.baseline.decision.key}` : ''})`
    : 'no baseline yet: the milestones’ own planned dates (activate the program to take baseline 0)';
  const open = p.rows.filter((r) => r.actualDate === null);
  const breaches = open.filter((r) => r.breach).length;
  const head = facts([
    ['Compared with', base],
    ['Target release', p.targetReleaseDate ?? 'not set'],
    ['Days to spare', p.minSlackDays === null || p.targetReleaseDate === null ? '—' : bd(p.minSlackDays)],
    ['Critical path', p.criticalPath.length > 0 ? p.criticalPath.join(' → ') : '—'],
    ['Outside tolerance', `${breaches} of ${open.length} open milestones`],
    ...(p.provisionalYears.length > 0
      ? [
          [
            'Provisional',
            `${p.provisionalYears.map((y) => `${y.year} (${y.countries.join(', ')})`).join(', ')}: official holidays not yet published; dates marked ? may move`,
          ] as [string, string],
        ]
      : []),
  ]);
  const rows = p.rows.map((r) => [
    `${r.key}${r.onCriticalPath ? ' ◆' : ''}`,
    r.name,
    r.owner?.name ?? 'no owner',
    r.baselineDate,
    `${r.forecastDate}${r.provisional ? ' ?' : ''}`,
    actualText(r),
    r.varianceDays === null ? null : varianceText(r.varianceDays),
    `${r.toleranceDays}${r.toleranceIsDefault ? '' : '*'}${r.breach ? ' breach' : ''}`,
    r.slackDays === null ? null : `${r.slackDays}`,
    healthWord(r.health),
    healthWhy(r.healthReason, r.key),
    r.slips.count === 0 ? null : `${r.slips.count}× ${varianceText(r.slips.netDays)}`,
  ]);
  return [
    `${p.code}: plan vs actual`,
    head,
    '',
    table(['Key', 'Name', 'Owner', 'Planned', 'Forecast', 'Actual', 'Variance', 'Tol.', 'Spare', 'Health', 'Why', 'Moved'], rows, {
      maxWidths: [undefined, 28, 16, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 34],
      // What the other columns and the health already say, left out first on a narrow terminal.
      dropOrder: [10, 7, 2, 11],
    }),
    '◆ critical path · ? provisional date · * own tolerance · bd = business days; Spare = days to spare before the target release',
  ].join('\n');
}

export function registerPlanCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('plan')
    .description('Plan vs actual, days to spare, the critical path, slips, baselines and the milestone trend');

  addActingOptions(
    group
      .command('show')
      .description('Every milestone against a baseline: planned, forecast, actual, variance, tolerance, days to spare, health')
      .argument('<program>', 'program code or id')
      .option('--baseline <n>', 'the baseline to compare with (default: the latest)')
      .option('--json', "print the API's JSON (Plan)")
      .addHelpText('after', '\nExample:\n  tollgate plan show KHG-KW500 --baseline 0'),
  ).action(async (ref: string, o: { baseline?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const baseline =
      o.baseline === undefined
        ? undefined
        : parseIntOption(out, '--baseline', PlanQuerySchema.shape.baseline, o.baseline, 'Must be a baseline number (0 or more).');
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const r = await b.getPlan({ params: { programId: program.id }, query: { baseline } });
      const plan = r.ok ? r.value : fail(out, withFlags(r.error, { baseline: '--baseline' }));
      emit(out, plan, () => planText(plan));
    });
  });

  addActingOptions(
    addPageOptions(
      group
        .command('slips')
        .description("A milestone's slip history: every move of its forecast, who, when, how far and why, oldest first")
        .argument('<program>', 'program code or id')
        .argument('<milestone>', 'milestone key (M-12) or id'),
      'moves',
      100,
      500,
    ).option('--json', "print the API's JSON (SlipHistory)"),
  ).action(async (ref: string, mref: string, o: { limit?: string; cursor?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const query = pageOptions(out, SlipsQuerySchema.shape.limit, 500, o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const m = await requireMilestone(b, out, program, mref);
      const r = await b.getSlips({ params: { programId: program.id, milestoneId: m.id }, query });
      const h = r.ok ? r.value : fail(out, withFlags(r.error, { cursor: '--cursor' }));
      const more = nextPageLine('Later moves', ['plan', 'slips', program.code, h.milestone.key], { '--limit': o.limit }, h.nextCursor);
      emit(out, h, () =>
        h.count === 0
          ? `${program.code} ${h.milestone.key} "${h.milestone.name}" has never moved.`
          : [
              `${program.code} ${h.milestone.key} "${h.milestone.name}": moved ${h.count} time${h.count === 1 ? '' : 's'}, ${varianceText(h.netDays)} in all`,
              table(
                ['When (UTC)', 'Who', 'From', 'To', 'Moved', 'Why'],
                h.moves.map((x) => [minuteUtc(x.at), x.by?.name ?? null, x.from, x.to, varianceText(x.days), x.reason]),
                { maxWidths: [undefined, 18, undefined, undefined, undefined, 50] },
              ),
            ].join('\n') + more,
      );
    });
  });

  addActingOptions(
    group
      .command('trend')
      .description('Milestone trend analysis: each milestone’s forecast at the end of each reporting week, from the change log')
      .argument('<program>', 'program code or id')
      .option('--from <date>', 'a day of the first week (default: 12 weeks back)')
      .option('--to <date>', 'a day of the last week (default: this week)')
      .option('--milestones <keys>', 'comma-separated keys, e.g. M-3,M-12 (default: the milestones flagged critical)')
      .option('--json', "print the API's JSON (Mta)"),
  ).action(async (ref: string, o: { from?: string; to?: string; milestones?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const from = o.from === undefined ? undefined : parseOption(out, '--from', DateInputSchema, o.from);
    const to = o.to === undefined ? undefined : parseOption(out, '--to', DateInputSchema, o.to);
    const keys =
      o.milestones === undefined
        ? undefined
        : parseOption(out, '--milestones', MtaQuerySchema.shape.milestones, o.milestones)
            ?.split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const r = await b.getMta({ params: { programId: program.id }, query: { from, to, milestones: keys?.join(',') } });
      const mta = r.ok ? r.value : fail(out, withFlags(r.error, { from: '--from', to: '--to', milestones: '--milestones' }));
      emit(out, mta, () =>
        [
          `${program.code}: forecast at the end of each reporting week (✓ done; the running week is read now)`,
          table(
            ['Week', ...mta.series.map((s) => s.key)],
            mta.weeks.map((w, i) => [
              w.week,
              ...mta.series.map((s) => {
                const pt = s.points[i];
                return pt?.forecastDate ? `${pt.forecastDate}${pt.done ? ' ✓' : ''}` : null;
              }),
            ]),
          ),
          mta.series.map((s) => `${s.key} ${s.name} (baseline ${s.baselineDate})`).join('\n'),
        ].join('\n'),
      );
    });
  });

  addActingOptions(
    group
      .command('baselines')
      .description("The program's baselines: 0 taken at activation, then each re-baseline with its approving decision")
      .argument('<program>', 'program code or id')
      .option('--json', "print the API's JSON (Baseline items)"),
  ).action(async (ref: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const { items } = must(out, await b.listBaselines({ params: { programId: program.id } }));
      emit(out, { items }, () =>
        items.length === 0
          ? `${program.code} has no baseline yet: \`tollgate plan activate ${program.code}\` takes baseline 0.`
          : table(
              ['No.', 'Name', 'Taken (UTC)', 'By', 'Approved by', 'Milestones'],
              items.map((x) => [
                x.number,
                x.name,
                minuteUtc(x.takenAt),
                x.takenBy?.name ?? null,
                x.decision ? `${x.decision.key} ${x.decision.statement}` : null,
                x.milestoneCount,
              ]),
              { maxWidths: [undefined, 30, undefined, 18, 40] },
            ),
      );
    });
  });

  addActingOptions(
    group
      .command('activate')
      .description(
        'The program goes active and takes baseline 0 (cadence owner); needs its complete kickoff charter (tollgate charter set)',
      )
      .argument('<program>', 'program code or id')
      .option('--reason <text>', 'why, for the change log')
      .option('--json', "print the API's JSON (Baseline)"),
  ).action(async (ref: string, o: { reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const r = await b.activateProgram({ params: { programId: program.id }, body: { version: program.version, reason: o.reason } });
      if (!r.ok && r.error.code === 'CHARTER_INCOMPLETE') return fail(out, incompleteCharterRefusal(r.error, program.code));
      const taken = must(out, r);
      emit(out, taken, () => `${program.code} is active; baseline 0 holds ${taken.milestoneCount} planned dates.`);
    });
  });

  addActingOptions(
    group
      .command('rebaseline')
      .description("Make today's forecasts the plan, as baseline N, approved by a decision the decision owner decided (cadence owner)")
      .argument('<program>', 'program code or id')
      .requiredOption('--name <text>', 'what the re-plan is, e.g. "After tooling T2 delay"')
      .requiredOption('--decision <key>', 'the decided decision that approves it, e.g. D-7')
      .option('--reason <text>', 'more on why, for the change log')
      .option('--json', "print the API's JSON (Baseline)"),
  ).action(async (ref: string, o: { name: string; decision: string; reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const body = {
      name: parseOption(out, '--name', TakeBaselineSchema.shape.name, o.name),
      decisionId: parseOption(out, '--decision', TakeBaselineSchema.shape.decisionId, o.decision),
      ...(o.reason ? { reason: o.reason } : {}),
    };
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const r = await b.takeBaseline({ params: { programId: program.id }, body: body });
      const taken = r.ok ? r.value : fail(out, withFlags(r.error, { decisionId: '--decision', name: '--name' }));
      emit(out, taken, () => `${program.code} baseline ${taken.number} "${taken.name}" taken, approved by ${taken.decision?.key ?? '—'}.`);
    });
  });
}
