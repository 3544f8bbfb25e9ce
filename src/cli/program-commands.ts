import type { Command } from 'commander';
import { listPrograms } from '../app/list-programs.js';
import type { MilestoneView, ProgramView } from '../app/views.js';
import { milestoneJson, programJson } from '../present/api-json.js';
import { healthWhy, healthWord, varianceText } from './format.js';
import { emit, facts, outputOf, table } from './output.js';
import { type CliContext, withSession } from './session.js';
import { milestonesOf, requireProgram } from './targets.js';

const programWhy = (v: ProgramView) => healthWhy(v.healthReason, v.healthMilestone?.key ?? null);

const nextText = (v: ProgramView, sep: string) =>
  v.nextMilestone ? `${v.nextMilestone.key} ${v.nextMilestone.name}${sep}${v.nextMilestone.forecastDate}` : null;

function portfolioTable(programs: readonly ProgramView[]): string {
  if (programs.length === 0) return 'No programs yet. Load the demo portfolio with `tollgate demo`.';
  return table(
    ['Code', 'Name', 'Client', 'Supplier', 'Phase', 'Health', 'Why', 'Next milestone', 'Owner'],
    programs.map((v) => [
      v.program.code,
      v.program.name,
      v.client.name,
      `${v.program.supplierName} (${v.program.factoryCity}, ${v.program.factoryCountry})`,
      v.currentPhase,
      healthWord(v.health),
      programWhy(v),
      nextText(v, ', '),
      v.owner?.name ?? null,
    ]),
    { maxWidths: [undefined, 24, 20, 26, undefined, undefined, 30, 28, 16] },
  );
}

function programFacts(v: ProgramView, milestones: readonly MilestoneView[]): string {
  const p = v.program;
  const header = facts([
    ['Client', `${v.client.name} (${v.client.country})`],
    ['Supplier', `${p.supplierName} (${p.factoryCity}, ${p.factoryCountry})`],
    ['Time zone', `${p.timeZone} (today there: ${v.today})`],
    ['Status', `${p.status.replace('_', ' ')}, phase ${v.currentPhase ?? '—'}`],
    ['Health', `${healthWord(v.health)}: ${programWhy(v)}`],
    ['Tolerance', `${p.toleranceDays} business days after the baseline before a milestone is late`],
    ['Next', nextText(v, ', ') ?? '—'],
    ['Owner', v.owner?.name ?? 'no owner'],
    ['Release', p.targetReleaseDate ? `target ${p.targetReleaseDate}` : 'no target date'],
    ['Progress', `${v.doneCount} of ${v.milestoneCount} milestones done`],
  ]);
  const rows = milestones.map(({ milestone: m, owner, health, varianceDays }) => [
    `${m.key}${m.isCritical ? ' *' : ''}`,
    m.name,
    m.phase,
    owner?.name ?? 'no owner',
    m.baselineDate,
    m.forecastDate,
    m.actualDate,
    varianceText(varianceDays),
    healthWord(health),
  ]);
  const list = milestones.length
    ? `${table(['Key', 'Name', 'Phase', 'Owner', 'Baseline', 'Forecast', 'Actual', 'Variance', 'Health'], rows)}\n* critical · variance in business days (bd) against the baseline`
    : `No milestones yet. Add one: tollgate milestone add ${p.code} --name <text> --phase G1 --baseline <YYYY-MM-DD>`;
  return `${p.code}  ${p.name}\n${header}\n\n${list}`;
}

export function registerProgramCommands(cli: Command, ctx: CliContext): void {
  const programs = cli.command('programs').description('See the portfolio and single programs');

  programs
    .command('list', { isDefault: true })
    .description('Every program with its health, why, next milestone and owner')
    .option('--json', "print the API's JSON ({ items: ProgramSummary[] }) instead of a table")
    .addHelpText('after', '\nHealth is that of the worst open milestone: late, at risk, on track, or done.')
    .action(async (o: { json?: boolean }) => {
      const out = outputOf(o);
      await withSession(ctx, async (s) => {
        const views = await listPrograms(s.deps);
        emit(out, { items: views.map(programJson) }, () => portfolioTable(views));
      });
    });

  programs
    .command('show')
    .description('One program: its facts and every milestone with baseline, forecast, actual, variance and health')
    .argument('<program>', 'program code (e.g. KHG-KW500, any case) or id')
    .option('--json', 'print { program: ProgramSummary, milestones: Milestone[] } as in the API')
    .action(async (ref: string, o: { json?: boolean }) => {
      const out = outputOf(o);
      await withSession(ctx, async (s) => {
        const view = await requireProgram(s, out, ref);
        const milestones = await milestonesOf(s, out, view);
        emit(out, { program: programJson(view), milestones: milestones.map(milestoneJson) }, () => programFacts(view, milestones));
      });
    });
}
