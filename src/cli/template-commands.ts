import type { Command } from 'commander';
import {
  CopyTemplateSchema,
  type EditTemplate,
  EditTemplateSchema,
  type TemplateJson,
  TemplateParamsSchema,
  TemplateQuerySchema,
  type TemplateSummary,
} from '../contract/template.js';
import { addActingOptions, withBackend } from './connect.js';
import { badOption, parseIntOption, parseOption, readText } from './options.js';
import { emit, fail, type Output, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';

const jsonHelp = "print the API's JSON";

const ppapWords = { submit: 'submit', retain: 'retain', on_request: 'on request' } as const;

function listText(items: readonly TemplateSummary[]): string {
  const rows = items.map((t) => [
    t.source === 'shipped' ? t.id : `${t.id}\n(workspace${t.isArchived ? ', archived' : ''})`,
    `v${t.version}`,
    t.name,
    t.gates.map((g) => `${g.key} ${g.name} (${g.requiredItems}/${g.items})`).join('\n'),
    t.milestones,
  ]);
  return `${table(['Template', 'Version', 'Name', 'Gates (required/items)', 'Milestones'], rows, { maxWidths: [undefined, undefined, 30, 60] })}\n\`tollgate template show ID\` shows one in full.`;
}

function showText(t: TemplateJson): string {
  const origin =
    t.basedOn === null
      ? 'shipped with Tollgate'
      : `the workspace's own, copied from ${t.basedOn.id} v${t.basedOn.version}${t.isArchived ? ', archived' : ''}`;
  const head = `${t.name} (${t.id} v${t.version}, ${origin})${t.ppapLevel === null ? '' : `, PPAP level ${t.ppapLevel}`}\n${t.description}`;
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

const editable = ['name', 'description', 'ppapLevel', 'gates', 'milestones', 'escalation'] as const;

/**
 * The template in a file (as `template show --json` prints it): only what an edit may change is taken,
 * checked with the API's schema; the refusal names each field at fault.
 */
function readTemplateFile(out: Output, path: string): Record<string, unknown> {
  const text = readText(out, '--file', path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return badOption(out, '--file', `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`, path);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return badOption(out, '--file', 'Not a JSON object.', path);
  // A template without PPAP shows its level as null: nothing to change.
  const taken = Object.fromEntries(
    editable
      .filter((k) => k in data && (data as Record<string, unknown>)[k] !== null)
      .map((k) => [k, (data as Record<string, unknown>)[k]]),
  );
  const r = EditTemplateSchema.omit({ version: true, reason: true }).safeParse(taken);
  if (r.success) return taken;
  const fields = r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(the file)', message: i.message }));
  return fail(out, {
    code: 'VALIDATION_FAILED',
    message: `The template in ${path} has ${fields.length} problem(s); see \`tollgate template show ID --json\` for its shape.`,
    fields,
  });
}

/** `tollgate template list|show|copy|edit`: the program templates (a program is made from one). */
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

  addActingOptions(
    templates
      .command('copy')
      .description("Copy a template as the workspace's own, at version 1 (workspace admins)")
      .argument('<templateId>', 'the template copied, e.g. default-4-gate')
      .requiredOption('--id <id>', "the copy's id: lower-case letters, digits and dashes")
      .requiredOption('--name <name>', "the copy's name")
      .option('--ppap-level <n>', 'for a template with PPAP: the submission level the copy is made for, 1-5')
      .option('--reason <text>', 'why, for the change log')
      .option('--json', jsonHelp)
      .addHelpText('after', '\nExample:\n  tollgate template copy default-4-gate --id keller-4-gate --name "Keller four gates"'),
  ).action(async (from: string, o: { id: string; name: string; ppapLevel?: string; reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const templateId = parseOption(out, '<templateId>', TemplateParamsSchema.shape.templateId, from);
    const shape = CopyTemplateSchema.shape;
    const body = {
      id: parseOption(out, '--id', shape.id, o.id.trim()),
      name: parseOption(out, '--name', shape.name, o.name),
      ...(o.ppapLevel === undefined ? {} : { ppapLevel: parseIntOption(out, '--ppap-level', shape.ppapLevel, o.ppapLevel) }),
      ...(o.reason === undefined ? {} : { reason: parseOption(out, '--reason', shape.reason, o.reason) }),
    };
    await withBackend(ctx, cmd, out, async (b) => {
      const t = must(out, await b.copyTemplate({ params: { templateId }, body }));
      emit(
        out,
        t,
        () => `Copied ${templateId} as ${t.id} v${t.version} (${t.name}). \`tollgate template edit ${t.id} --file FILE\` edits it.`,
      );
    });
  });

  addActingOptions(
    templates
      .command('edit')
      .description(
        "Edit a workspace template's gates, checklists, milestones or name, or archive it; its version counts up (workspace admins)",
      )
      .argument('<templateId>', 'a workspace template (shipped ones are read-only: copy one first)')
      .option(
        '--file <template.json>',
        'the template as `template show ID --json` prints it, edited: its name, description, ppapLevel, gates, milestones and escalation are taken',
      )
      .option('--name <name>', 'a new name')
      .option('--ppap-level <n>', "for a PPAP-based template: another submission level (each element's requirement follows)")
      .option('--archive', 'no longer offer it for new programs')
      .option('--restore', 'offer it again')
      .requiredOption('--reason <text>', 'why, for the change log')
      .option('--version <n>', 'fail with VERSION_CONFLICT unless the template is still at this version (for scripts)')
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate template show keller-4-gate --json > keller.json   # edit keller.json\n  tollgate template edit keller-4-gate --file keller.json --reason "Label artwork at G1"',
      ),
  ).action(
    async (
      id: string,
      o: {
        file?: string;
        name?: string;
        ppapLevel?: string;
        archive?: boolean;
        restore?: boolean;
        reason: string;
        version?: string;
        json?: boolean;
      },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const templateId = parseOption(out, '<templateId>', TemplateParamsSchema.shape.templateId, id);
      const shape = EditTemplateSchema.shape;
      if (o.archive && o.restore) badOption(out, '--restore', 'Give --archive or --restore, not both.');
      const fromFile = o.file === undefined ? {} : readTemplateFile(out, o.file);
      const change = {
        ...fromFile,
        ...(o.name === undefined ? {} : { name: parseOption(out, '--name', shape.name, o.name) }),
        ...(o.ppapLevel === undefined ? {} : { ppapLevel: parseIntOption(out, '--ppap-level', shape.ppapLevel, o.ppapLevel) }),
        ...(o.archive ? { isArchived: true } : o.restore ? { isArchived: false } : {}),
      };
      if (Object.keys(change).length === 0)
        badOption(out, '--file', 'Give --file, --name, --ppap-level, --archive or --restore: nothing to change.');
      const reason = parseOption(out, '--reason', shape.reason, o.reason);
      const version = o.version === undefined ? undefined : parseIntOption(out, '--version', shape.version, o.version);
      await withBackend(ctx, cmd, out, async (b) => {
        const before = version === undefined ? must(out, await b.getTemplate({ params: { templateId }, query: {} })) : null;
        const t = must(
          out,
          await b.editTemplate({
            params: { templateId },
            body: { ...change, version: version ?? before?.version ?? 1, reason } as EditTemplate,
          }),
        );
        emit(out, t, () => `${t.id} is at version ${t.version} now${t.isArchived ? ', archived' : ''}.`);
      });
    },
  );
}
