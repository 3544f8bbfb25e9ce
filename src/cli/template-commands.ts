import type { Command } from 'commander';
import { type TemplateJson, TemplateParamsSchema, TemplateQuerySchema, type TemplateSummary } from '../contract/template.js';
import { addActingOptions, withBackend } from './connect.js';
import { parseOption } from './options.js';
import { emit, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';

const jsonHelp = "print the API's JSON";

const ppapWords = { submit: 'submit', retain: 'retain', on_request: 'on request' } as const;

function listText(items: readonly TemplateSummary[]): string {
  const rows = items.map((t) => [
    t.id,
    `v${t.version}`,
    t.name,
    t.gates.map((g) => `${g.key} ${g.name} (${g.requiredItems}/${g.items})`).join('\n'),
    t.milestones,
  ]);
  return `${table(['Template', 'Version', 'Name', 'Gates (required/items)', 'Milestones'], rows, { maxWidths: [undefined, undefined, 30, 60] })}\n\`tollgate template show ID\` shows one in full.`;
}

function showText(t: TemplateJson): string {
  const head = `${t.name} (${t.id} v${t.version})${t.ppapLevel === null ? '' : `, PPAP level ${t.ppapLevel}`}\n${t.description}`;
  const gates = t.gates.map((g) => {
    const who = g.decidedBy === 'gate_owner' ? 'the gate owner' : 'the decision owner';
    const rows = g.checklist.map((i) => [
      i.key,
      i.title,
      i.isRequired ? 'yes' : 'no',
      i.ownerRole.replace('_', ' '),
      i.dueOffsetDays === 0 ? 'review day' : `${-i.dueOffsetDays} bd before`,
      i.ppap ? `${i.ppap.element}: ${ppapWords[i.ppap.requirement]}` : '',
    ]);
    return [
      `${g.key} ${g.name}: owner ${g.ownerRole.replace('_', ' ')}, decided by ${who}, review milestone ${g.reviewMilestoneKey}, at risk from ${g.warningDays} business days before`,
      `Close criteria: ${g.closeCriteria}`,
      table(['Item', 'Title', 'Required', 'Owner', 'Due', 'PPAP'], rows, { maxWidths: [undefined, 50] }),
    ].join('\n');
  });
  const milestones = table(
    ['Milestone', 'Name', 'Gate', 'After (business days)', 'Critical'],
    t.milestones.map((m) => [
      m.key,
      m.name,
      m.gateKey,
      m.predecessors.map((p) => `${p.milestoneKey} +${p.lagDays}`).join(', '),
      m.isCritical ? 'yes' : '',
    ]),
    { maxWidths: [undefined, 40] },
  );
  return [head, ...gates, `Standard milestones:\n${milestones}`].join('\n\n');
}

/** `tollgate template list|show`: the program templates (a program is made from one). */
export function registerTemplateCommands(cli: Command, ctx: CliContext): void {
  const templates = cli
    .command('template')
    .alias('templates')
    .description('Program templates: the gates with their checklists and the standard milestones a program is made from');

  addActingOptions(
    templates
      .command('list', { isDefault: true })
      .description('Every template, with its gates and how many checklist items each has')
      .option('--json', jsonHelp),
  ).action(async (o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const list = must(out, await b.listTemplates({}));
      emit(out, list, () => listText(list.items));
    });
  });

  addActingOptions(
    templates
      .command('show')
      .description('One template in full: each gate, its close criteria and checklist, and the standard milestones')
      .argument('<id>', 'the template, e.g. default-4-gate or apqp-ppap')
      .option('--ppap-level <n>', 'for a template with PPAP: the submission level, 1-5 (default 3)')
      .option('--json', jsonHelp)
      .addHelpText('after', '\nExamples:\n  tollgate template show default-4-gate\n  tollgate template show apqp-ppap --ppap-level 4'),
  ).action(async (id: string, o: { ppapLevel?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const templateId = parseOption(out, '<id>', TemplateParamsSchema.shape.templateId, id);
    const ppapLevel =
      o.ppapLevel === undefined ? undefined : parseOption(out, '--ppap-level', TemplateQuerySchema.shape.ppapLevel, o.ppapLevel.trim());
    await withBackend(ctx, cmd, out, async (b) => {
      const t = must(out, await b.getTemplate({ params: { templateId }, query: ppapLevel === undefined ? {} : { ppapLevel } }));
      emit(out, t, () => showText(t));
    });
  });
}
