import type { Command } from 'commander';
import { CreateMilestoneLinkSchema, type MilestoneLink } from '../contract/plan.js';
import type { ProgramSummary } from '../contract/program.js';
import { addActingOptions, withBackend } from './connect.js';
import { agreedPushes, pushedText, pushedVersions, pushesText } from './move-preview.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, fail, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must, requireProgram } from './targets.js';

// `tollgate milestone link …`: finish-to-start dependencies between a program's milestones.

const link = CreateMilestoneLinkSchema.shape;
const flags = {
  predecessor: '<predecessor>',
  predecessorId: '<predecessor>',
  successor: '<successor>',
  successorId: '<successor>',
  lagDays: '--lag',
  reason: '--reason',
};

const businessDays = (n: number) => `${n} business day${Math.abs(n) === 1 ? '' : 's'}`;

const end = (m: MilestoneLink['predecessor']) => `${m.key} ${m.name}`;

/**
 * A link's id as people see it: its last 8 characters. They are random in a UUIDv7, whose first ones
 * are its creation time (the same for links made together); `remove` takes them, or all of it.
 */
export const shortLinkId = (id: string): string => id.slice(-8);

/** The links an id as typed names: the whole id, or its end (at least 4 characters). */
const linksNamed = (links: readonly MilestoneLink[], typed: string) =>
  links.filter((l) => l.id === typed || (typed.length >= 4 && l.id.toLowerCase().endsWith(typed.toLowerCase())));

/** "M-4 starts no earlier than 1 business day after M-3 is done". */
function ruleText(l: MilestoneLink): string {
  const { predecessor: p, successor: s } = l;
  if (l.lagDays === 0) return `${s.key} is due no earlier than ${p.key}`;
  if (l.lagDays > 0) return `${s.key} is due at least ${businessDays(l.lagDays)} after ${p.key}`;
  return `${s.key} may be due up to ${businessDays(-l.lagDays)} before ${p.key}`;
}

function linkTable(p: ProgramSummary, links: readonly MilestoneLink[]): string {
  if (links.length === 0)
    return `No dependencies in ${p.code} yet. Add one: tollgate milestone link add ${p.code} <predecessor> <successor>`;
  const rows = links.map((l) => [shortLinkId(l.id), end(l.predecessor), end(l.successor), l.lagDays]);
  return `${table(['Link id', 'Predecessor', 'Successor', 'Lag (bd)'], rows, { maxWidths: [undefined, 36, 36] })}\nlag in business days after the predecessor is due; negative: overlap`;
}

const reasonOption = (out: ReturnType<typeof outputOf>, raw: string | undefined) =>
  raw === undefined ? undefined : parseOption(out, '--reason', link.reason, raw);

/** Registers `link add|list|remove` under the `milestone` command. */
export function registerLinkCommands(milestone: Command, ctx: CliContext): void {
  const group = milestone
    .command('link')
    .description('Make milestones depend on each other: a successor is due no earlier than its predecessor (plus a lag)')
    .addHelpText(
      'after',
      "\nA move that makes a predecessor later pushes its successors later with it (see `tollgate milestone move --preview`).\nLinks are finish-to-start with a lag in business days of the program's calendar; a link that would close a cycle is refused.",
    );

  addActingOptions(
    group
      .command('add')
      .description('Make <successor> depend on <predecessor> (cadence owner)')
      .argument('<program>', 'program code or id')
      .argument('<predecessor>', 'milestone key (M-3) or id that must be done first')
      .argument('<successor>', 'milestone key or id that depends on it')
      .option('--lag <n>', 'business days from the predecessor to the successor, -365 to 365; negative means overlap (default 0)')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--preview', 'only show which milestones the link would push later; write nothing')
      .option('-y, --yes', 'push the successor (and what follows it) later without asking, as the preview shows')
      .option('--json', "print the link as the API's JSON (AddedMilestoneLink); with --preview the LinkPreview ({ pushes: Push[] })")
      .addHelpText(
        'after',
        '\nA successor due before the link allows is pushed to the date the link requires, and its own successors with it:\nthe pushes are shown first and asked about (or confirmed by --yes); the link insists on the dates it showed.\n\nExamples:\n  tollgate milestone link add KHG-KW500 M-3 M-4 --lag 2 --reason "Trial needs two days of setup"\n  tollgate milestone link add KHG-KW500 M-3 M-4 --lag 2 --preview',
      ),
  ).action(
    async (
      programRef: string,
      predecessor: string,
      successor: string,
      o: { lag?: string; reason?: string; preview?: boolean; yes?: boolean; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const body = {
        predecessor: parseOption(out, '<predecessor>', link.predecessor, predecessor.trim()),
        successor: parseOption(out, '<successor>', link.successor, successor.trim()),
        lagDays:
          o.lag === undefined ? undefined : parseIntOption(out, '--lag', link.lagDays, o.lag, 'Must be a whole number from -365 to 365.'),
        reason: reasonOption(out, o.reason),
      };
      await withBackend(ctx, cmd, out, async (b) => {
        const program = await requireProgram(b, out, programRef);
        const { reason: _, ...asked } = body;
        const previewed = await b.previewLink({ params: { programId: program.id }, body: asked });
        const { pushes } = previewed.ok ? previewed.value : fail(out, withFlags(previewed.error, flags));
        const lag = body.lagDays ? ` (lag ${businessDays(body.lagDays)})` : '';
        const doing = `Linking ${program.code} ${body.predecessor} → ${body.successor}${lag}`;
        if (o.preview) {
          emit(out, { pushes }, () => pushesText(doing, pushes));
          return;
        }
        const agreed = await agreedPushes(out, pushes, {
          isConfirmed: o.yes === true,
          doing,
          refused: `This link pushes ${body.successor}${pushes.length > 1 ? ` and ${pushes.length - 1} more` : ''} later; nothing was linked. Re-run with --yes to push ${pushes.length === 1 ? 'it' : 'them'} (--preview shows what it pushes).`,
          question: `Link and push ${pushes.length === 1 ? '1 milestone' : `${pushes.length} milestones`} later? [y/N] `,
          declined: 'Not linked: nothing was written.',
        });
        const r = await b.addLink({
          params: { programId: program.id },
          body: agreed.length > 0 ? { ...body, pushedVersions: pushedVersions(agreed) } : body,
        });
        const l = r.ok ? r.value : fail(out, withFlags(r.error, flags));
        emit(
          out,
          l,
          () =>
            `Linked ${program.code} ${end(l.predecessor)} → ${end(l.successor)}: ${ruleText(l)}.${pushedText(l.pushed)}\n  link id ${shortLinkId(l.id)}`,
        );
      });
    },
  );

  addActingOptions(
    group
      .command('list')
      .description("A program's dependencies: link id, predecessor, successor and lag in business days")
      .argument('<program>', 'program code or id')
      .option('--json', "print the API's JSON ({ items: MilestoneLink[] })"),
  ).action(async (programRef: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const { items } = must(out, await b.listLinks({ params: { programId: program.id } }));
      emit(out, { items }, () => linkTable(program, items));
    });
  });

  addActingOptions(
    group
      .command('remove')
      .description('Remove a dependency (cadence owner); no date moves')
      .argument('<program>', 'program code or id')
      .argument('<linkId>', 'the link id as `tollgate milestone link list` shows it (its last 8 characters), or all of it')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--json', "print the API's answer ({ ok: true })"),
  ).action(async (programRef: string, linkId: string, o: { reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const id = parseOption(out, '<linkId>', link.predecessor, linkId.trim());
    const reason = reasonOption(out, o.reason);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      // The short id as listed is turned into the link's id here; one that names no link (or one gone by
      // now) is the API's refusal, and the milestones are named in the message.
      const named = linksNamed(must(out, await b.listLinks({ params: { programId: program.id } })).items, id);
      if (named.length > 1) {
        badOption(out, '<linkId>', `Matches ${named.length} links (${named.map((l) => l.id).join(', ')}); give more of it.`, id);
      }
      const known = named[0];
      must(out, await b.removeLink({ params: { programId: program.id, linkId: known?.id ?? id }, query: { reason } }));
      const what = known ? `${known.predecessor.key} → ${known.successor.key}` : id;
      emit(out, { ok: true }, () => `Removed the dependency ${what} from ${program.code}; no date moved.`);
    });
  });
}
