import type { Command } from 'commander';
import type { Milestone } from '../contract/milestone.js';
import { type NeedsOwnerItem, NeedsOwnerQuerySchema } from '../contract/needs-owner.js';
import type { ProgramSummary } from '../contract/program.js';
import type { ProgramPersonJson } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { actualText, healthWhy, healthWord, roleWord, varianceText } from './format.js';
import { parseIntOption, parseOption } from './options.js';
import { emit, facts, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { milestonesOf, must, requireProgram } from './targets.js';

const programWhy = (p: ProgramSummary) => healthWhy(p.healthReason, p.healthMilestone?.key ?? null);

const nextText = (p: ProgramSummary, sep: string) =>
  p.nextMilestone ? `${p.nextMilestone.key} ${p.nextMilestone.name}${sep}${p.nextMilestone.forecastDate}` : null;

function portfolioTable(programs: readonly ProgramSummary[]): string {
  if (programs.length === 0) return 'No programs you hold a role on. An admin gives you roles (or loads the demo: `tollgate demo`).';
  return table(
    ['Code', 'Name', 'Client', 'Supplier', 'Phase', 'Health', 'Why', 'Next milestone', 'Owner'],
    programs.map((p) => [
      p.code,
      p.name,
      p.client.name,
      `${p.supplier.name} (${p.supplier.city}, ${p.supplier.country})`,
      p.currentPhase,
      healthWord(p.health),
      programWhy(p),
      nextText(p, ', '),
      p.owner?.name ?? null,
    ]),
    // On a narrow terminal the supplier, then the client and the phase are left out first.
    { maxWidths: [undefined, 24, 20, 26, undefined, undefined, 30, 28, 16], dropOrder: [3, 2, 4] },
  );
}

/** What the person may do here, in words: "move (own items), complete (own items)". */
/** What the person may do, grouped by kind of record: "milestones: move, complete (own items); risks: raise". */
function mayText(p: ProgramSummary): string {
  const groups = new Map<string, string[]>();
  for (const [action, grant] of Object.entries(p.can)) {
    if (action === 'program.read' || grant === 'no') continue;
    const [kind = action, verb = action] = action.split('.');
    const list = groups.get(kind) ?? [];
    list.push(`${verb}${grant === 'own' ? ' (own items)' : ''}`);
    groups.set(kind, list);
  }
  return groups.size ? [...groups].map(([kind, verbs]) => `${kind}s: ${verbs.join(', ')}`).join('; ') : 'read only';
}

function programFacts(p: ProgramSummary, milestones: readonly Milestone[]): string {
  const header = facts([
    ['Client', `${p.client.name} (${p.client.country})`],
    ['Supplier', `${p.supplier.name} (${p.supplier.city}, ${p.supplier.country})`],
    ['Time zone', `${p.timeZone} (today there: ${p.today})`],
    ['Status', `${p.status.replace('_', ' ')}, phase ${p.currentPhase ?? '—'}`],
    ['Health', `${healthWord(p.health)}: ${programWhy(p)}`],
    ['Tolerance', `${p.toleranceDays} business days after the baseline before a milestone is late`],
    ['Next', nextText(p, ', ') ?? '—'],
    ['Owner', p.owner?.name ?? 'no owner'],
    ['Release', p.targetReleaseDate ? `target ${p.targetReleaseDate}` : 'no target date'],
    ['Progress', `${p.doneCount} of ${p.milestoneCount} milestones done`],
    ['You', `${p.myRoles.length ? p.myRoles.map(roleWord).join(', ') : 'admin'}: ${mayText(p)}`],
  ]);
  const rows = milestones.map((m) => [
    `${m.key}${m.isCritical ? ' *' : ''}`,
    m.name,
    m.phase,
    m.owner?.name ?? 'no owner',
    m.baselineDate,
    m.forecastDate,
    actualText(m),
    varianceText(m.varianceDays),
    healthWord(m.health),
  ]);
  const list = milestones.length
    ? `${table(['Key', 'Name', 'Phase', 'Owner', 'Baseline', 'Forecast', 'Actual', 'Variance', 'Health'], rows, { dropOrder: [2] })}\n* critical · variance in business days (bd) against the baseline`
    : `No milestones yet. Add one: tollgate milestone add ${p.code} --name <text> --phase G1 --baseline <YYYY-MM-DD>`;
  return `${p.code}  ${p.name}\n${header}\n\n${list}`;
}

function peopleTable(people: readonly ProgramPersonJson[], code: string): string {
  if (people.length === 0) return `Nobody holds a role on ${code} yet.`;
  return table(
    ['Name', 'E-mail', 'Roles'],
    people.map((p) => [p.name, p.email, p.roles.map(roleWord).join(', ')]),
  );
}

/** The `programs` group (also `program`), which the set-up commands join (cli/setup-commands.ts). */
export function registerProgramCommands(cli: Command, ctx: CliContext): Command {
  const programs = cli
    .command('programs')
    .alias('program')
    .description('See the portfolio and single programs; create, copy, edit and archive them');

  addActingOptions(
    programs
      .command('list', { isDefault: true })
      .description('Every program you may see, with its health, why, next milestone and owner')
      .option('--json', "print the API's JSON ({ items: ProgramSummary[] }) instead of a table")
      .addHelpText('after', '\nHealth is that of the worst open milestone: late, at risk, on track, or done.'),
  ).action(async (o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const { items } = must(out, await b.listPrograms());
      emit(out, { items }, () => portfolioTable(items));
    });
  });

  addActingOptions(
    programs
      .command('show')
      .description('One program: its facts and every milestone with baseline, forecast, actual, variance and health')
      .argument('<program>', 'program code (e.g. KHG-KW500, any case) or id')
      .option('--json', 'print { program: ProgramSummary, milestones: Milestone[] } as in the API'),
  ).action(async (ref: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const milestones = await milestonesOf(b, out, program);
      emit(out, { program, milestones }, () => programFacts(program, milestones));
    });
  });

  addActingOptions(
    programs
      .command('people')
      .description('The people holding a role on a program: who can own its milestones (give their e-mail as --owner)')
      .argument('<program>', 'program code or id')
      .option('--json', "print the API's JSON ({ items: ProgramPerson[] })"),
  ).action(async (ref: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const { items } = must(out, await b.listProgramPeople({ params: { programId: program.id } }));
      emit(out, { items }, () => peopleTable(items, program.code));
    });
  });

  addActingOptions(
    programs
      .command('needs-owner')
      .description('Open milestones, decisions and actions still without an owner or a due date, and how to complete each')
      .argument('<program>', 'program code or id')
      .option('--limit <n>', 'show at most n items, 1-200 (default 50)')
      .option('--cursor <cursor>', 'the next page: the cursor a previous page printed')
      .option('--json', "print the API's JSON ({ items: NeedsOwnerItem[], nextCursor })"),
  ).action(async (ref: string, o: { limit?: string; cursor?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const q = NeedsOwnerQuerySchema.shape;
    const limit =
      o.limit === undefined ? undefined : parseIntOption(out, '--limit', q.limit, o.limit, 'Must be a whole number from 1 to 200.');
    const cursor = parseOption(out, '--cursor', q.cursor, o.cursor, 'Must be the cursor a previous page printed.');
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, ref);
      const page = must(out, await b.listNeedsOwner({ params: { programId: program.id }, query: { limit, cursor } }));
      const more = page.nextCursor ? `\nMore: tollgate programs needs-owner ${program.code} --cursor ${page.nextCursor}` : '';
      emit(out, page, () => needsOwnerTable(page.items, program.code) + more);
    });
  });
  return programs;
}

const fixWith = { milestone: 'milestone edit', decision: 'decision edit', action: 'action edit' } as const;

function needsOwnerTable(items: readonly NeedsOwnerItem[], code: string): string {
  if (items.length === 0) return `Every open milestone, decision and action of ${code} has an owner and a due date.`;
  return table(
    ['Key', 'Title', 'Lacks', 'Complete with'],
    items.map((i) => [
      i.key,
      i.title,
      i.lacks.map((g) => (g === 'owner' ? 'owner' : 'due date')).join(', '),
      `tollgate ${fixWith[i.kind]} ${code} ${i.key}${i.lacks.includes('owner') ? ' --owner <person>' : ''}${i.lacks.includes('due_date') ? ' --due <date>' : ''}`,
    ]),
  );
}
