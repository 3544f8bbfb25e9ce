import type { Command } from 'commander';
import {
  CompleteMilestoneSchema,
  CreateMilestoneSchema,
  type Milestone,
  MoveMilestoneSchema,
  UpdateMilestoneSchema,
} from '../contract/milestone.js';
import type { ProgramSummary } from '../contract/program.js';
import type { Result } from '../domain/result.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { healthWord, varianceText } from './format.js';
import { registerLinkCommands } from './link-commands.js';
import { confirmedPushes, previewText, pushedText, pushedVersions } from './move-preview.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, fail, type Output, outputOf } from './output.js';
import type { CliContext } from './session.js';
import { must, requireMilestone, requireOwner, requireProgram } from './targets.js';

const create = CreateMilestoneSchema.shape;
const update = UpdateMilestoneSchema.shape;

const versionHelp = 'fail with VERSION_CONFLICT unless the milestone is still at this version (for scripts)';
const jsonHelp = "print the milestone as the API's JSON (Milestone)";

/** The milestone as it is after a write, for people. */
function describe(p: ProgramSummary, m: Milestone): string {
  const dates = [`baseline ${m.baselineDate}`, `forecast ${m.forecastDate}`, ...(m.actualDate ? [`actual ${m.actualDate}`] : [])];
  return [
    `${p.code} ${m.key} "${m.name}"`,
    `${m.phase}${m.isCritical ? ', critical' : ''}, owner ${m.owner?.name ?? 'none'}`,
    `${dates.join(', ')} (${varianceText(m.varianceDays)}, ${healthWord(m.health)})`,
    `now at version ${m.version}`,
  ].join('\n  ');
}

/** --version, checked before anything is read like every other option. */
const versionOption = (out: Output, raw: string | undefined): number | undefined =>
  raw === undefined
    ? undefined
    : parseIntOption(out, '--version', update.version, raw, 'Must be a version number (1 or more) as printed by --json.');

/** Reads the program and milestone first: a person at a terminal writes over what they just saw. */
async function targetOf(b: Backend, out: Output, programRef: string, milestoneRef: string, version: number | undefined) {
  const program = await requireProgram(b, out, programRef);
  const before = await requireMilestone(b, out, program, milestoneRef);
  return { program, before, version: version ?? before.version };
}

/** The written milestone, or the refusal (with the current state on VERSION_CONFLICT) naming the options. */
function written(out: Output, r: Result<Milestone>, flags: Record<string, string>): Milestone {
  return r.ok ? r.value : fail(out, withFlags(r.error, { version: '--version', ...flags }));
}

interface WriteOptions {
  json?: boolean;
  version?: string;
}

export function registerMilestoneCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('milestone')
    .description('Add, edit, move and complete milestones (every change is kept in the change log)')
    .addHelpText(
      'after',
      '\nMilestones are named by key (M-12, any case) or id. Writes read the milestone first and save over\nthe version read; scripts pass --version <n> so a change made in between is refused, not overwritten.',
    );

  addActingOptions(
    group
      .command('add')
      .description('Add a milestone to a program; it gets the next key (M-n)')
      .argument('<program>', 'program code or id')
      .option('--name <text>', 'what is reached, e.g. "T1 samples shipped" (required)')
      .option('--phase <phase>', 'gate phase: G1, G2, G3 or G4 (required)')
      .option('--baseline <date>', 'the promised date, YYYY-MM-DD (required)')
      .option('--forecast <date>', 'the expected date, YYYY-MM-DD (default: the baseline)')
      .option('--owner <person>', 'who delivers it: e-mail address or id (required; see `tollgate programs people <program>`)')
      .option('--critical', 'mark it critical to the release')
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate milestone add KHG-KW500 --name "T1 samples shipped" --phase G1 --baseline 2026-03-12 --owner supplier@demo.test',
      ),
  ).action(
    async (
      programRef: string,
      o: { name?: string; phase?: string; baseline?: string; forecast?: string; owner?: string; critical?: boolean; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const name = parseOption(out, '--name', create.name, o.name);
      const phase = parseOption(out, '--phase', create.phase, o.phase);
      const baselineDate = parseOption(out, '--baseline', create.baselineDate, o.baseline);
      const forecastDate = parseOption(out, '--forecast', create.forecastDate, o.forecast);
      const owner = parseOption(out, '--owner', create.ownerId, o.owner);
      await withBackend(ctx, cmd, out, async (b) => {
        const program = await requireProgram(b, out, programRef);
        const ownerId = await requireOwner(b, out, program, owner);
        const r = await b.createMilestone({
          params: { programId: program.id },
          body: {
            name,
            phase,
            ownerId,
            baselineDate,
            forecastDate,
            isCritical: o.critical === true,
          },
        });
        const v = written(out, r, {
          name: '--name',
          phase: '--phase',
          ownerId: '--owner',
          baselineDate: '--baseline',
          forecastDate: '--forecast',
        });
        emit(out, v, () => `Added ${describe(program, v)}`);
      });
    },
  );

  addActingOptions(
    group
      .command('edit')
      .description('Change name, phase, owner, critical flag or baseline date (a new baseline needs --reason)')
      .argument('<program>', 'program code or id')
      .argument('<milestone>', 'milestone key (M-12) or id')
      .option('--name <text>', 'new name')
      .option('--phase <phase>', 'new phase: G1, G2, G3 or G4')
      .option('--owner <person>', "hand it over: the new owner's e-mail address or id")
      .option('--critical', 'mark it critical')
      .option('--not-critical', 'mark it not critical')
      .option('--baseline <date>', 're-state the promised date, YYYY-MM-DD (needs --reason)')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate milestone edit KHG-KW500 M-12 --baseline 2026-04-02 --reason "Client moved the launch"',
      ),
  ).action(
    async (
      programRef: string,
      milestoneRef: string,
      o: WriteOptions & {
        name?: string;
        phase?: string;
        owner?: string;
        critical?: boolean;
        notCritical?: boolean;
        baseline?: string;
        reason?: string;
      },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      if (o.critical && o.notCritical) badOption(out, '--critical', 'Give either --critical or --not-critical, not both.');
      const editable = ['name', 'phase', 'owner', 'critical', 'notCritical', 'baseline'] as const;
      if (!editable.some((k) => o[k] !== undefined)) {
        fail(out, {
          code: 'VALIDATION_FAILED',
          message: 'Nothing to edit: give at least one of --name, --phase, --owner, --critical, --not-critical or --baseline.',
        });
      }
      const name = o.name === undefined ? undefined : parseOption(out, '--name', create.name, o.name);
      const phase = o.phase === undefined ? undefined : parseOption(out, '--phase', create.phase, o.phase);
      const baselineDate = o.baseline === undefined ? undefined : parseOption(out, '--baseline', create.baselineDate, o.baseline);
      const reason = parseOption(out, '--reason', update.reason, o.reason);
      const given = versionOption(out, o.version);
      await withBackend(ctx, cmd, out, async (b) => {
        const { program, before, version } = await targetOf(b, out, programRef, milestoneRef, given);
        const ownerId = o.owner === undefined ? undefined : await requireOwner(b, out, program, o.owner);
        const isCritical = o.critical ? true : o.notCritical ? false : undefined;
        const r = await b.updateMilestone({
          params: { programId: program.id, milestoneId: before.id },
          body: { version, reason, name, phase, ownerId, isCritical, baselineDate },
        });
        const v = written(out, r, {
          name: '--name',
          phase: '--phase',
          ownerId: '--owner',
          baselineDate: '--baseline',
          reason: '--reason',
        });
        emit(out, v, () => `Updated ${describe(program, v)}`);
      });
    },
  );

  addActingOptions(
    group
      .command('move')
      .description("Move a milestone's forecast date; every move needs a reason, and a move that pushes others asks first")
      .argument('<program>', 'program code or id')
      .argument('<milestone>', 'milestone key (M-12) or id')
      .option('--to <date>', 'the new forecast date, YYYY-MM-DD (required)')
      .option('--reason <text>', 'why the date moves, kept in the change log (required)')
      .option('--preview', 'only show which milestones the move would push later; write nothing (--reason not needed)')
      .option('--yes', 'move the milestones it pushes too without asking (needed without a terminal to ask at)')
      .option('--version <n>', versionHelp)
      .option('--json', `${jsonHelp}; with --preview the MovePreview ({ pushes: Push[] })`)
      .addHelpText(
        'after',
        `
Successors (see \`tollgate milestone link\`) that would fall due too soon after the new date are pushed
later with it, in the same write. The pushes are shown and confirmed first; the move then insists on
the versions shown, so a change made to a pushed milestone in between refuses the whole move.

Examples:
  tollgate milestone move KHG-KW500 M-12 --to 2026-03-20 --preview
  tollgate milestone move KHG-KW500 M-12 --to 2026-03-20 --reason "Mould cavity 2 needs texture rework" --yes`,
      ),
  ).action(
    async (
      programRef: string,
      milestoneRef: string,
      o: WriteOptions & { to?: string; reason?: string; preview?: boolean; yes?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const forecastDate = parseOption(out, '--to', MoveMilestoneSchema.shape.forecastDate, o.to);
      // A missing reason is the domain's refusal (REASON_REQUIRED), the same as an empty one.
      const reason = o.preview ? '' : parseOption(out, '--reason', MoveMilestoneSchema.shape.reason, o.reason ?? '');
      const given = versionOption(out, o.version);
      await withBackend(ctx, cmd, out, async (b) => {
        const { program, before, version } = await targetOf(b, out, programRef, milestoneRef, given);
        if (o.preview) {
          const preview = must(
            out,
            await b.previewMove({ params: { programId: program.id, milestoneId: before.id }, body: { forecastDate } }),
          );
          emit(out, preview, () => previewText(before, forecastDate, preview.pushes));
          return;
        }
        const intent = { program, before, forecastDate, reason, version: given, isConfirmed: o.yes === true };
        const pushes = await confirmedPushes(b, out, intent);
        const r = await b.moveMilestone({
          params: { programId: program.id, milestoneId: before.id },
          body: {
            version,
            forecastDate,
            reason,
            ...(pushes.length ? { pushedVersions: pushedVersions(pushes) } : {}),
          },
        });
        const v = written(out, r, { forecastDate: '--to', reason: '--reason' });
        emit(out, v, () => `Moved the forecast from ${before.forecastDate}: ${describe(program, v)}${pushedText(v.pushed)}`);
      });
    },
  );

  addActingOptions(
    group
      .command('complete')
      .description('Mark a milestone done on the day it was actually reached')
      .argument('<program>', 'program code or id')
      .argument('<milestone>', 'milestone key (M-12) or id')
      .option('--actual <date>', "the day it was reached, YYYY-MM-DD, not in the future (default: today in the program's time zone)")
      .option('--note <text>', 'a note for the change log, e.g. why it finished late')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate milestone complete KHG-KW500 M-12 --actual 2026-03-18 --note "Two days late: customs hold"',
      ),
  ).action(async (programRef: string, milestoneRef: string, o: WriteOptions & { actual?: string; note?: string }, cmd: Command) => {
    const out = outputOf(o);
    const actual = o.actual === undefined ? undefined : parseOption(out, '--actual', CompleteMilestoneSchema.shape.actualDate, o.actual);
    const reason = parseOption(out, '--note', CompleteMilestoneSchema.shape.reason, o.note);
    const given = versionOption(out, o.version);
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, before, version } = await targetOf(b, out, programRef, milestoneRef, given);
      const r = await b.completeMilestone({
        params: { programId: program.id, milestoneId: before.id },
        body: { version, actualDate: actual ?? program.today, reason },
      });
      const v = written(out, r, { actualDate: '--actual', reason: '--note' });
      emit(out, v, () => `Completed ${describe(program, v)}${pushedText(v.pushed)}`);
    });
  });

  registerLinkCommands(group, ctx);
}
