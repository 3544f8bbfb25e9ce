import type { Command } from 'commander';
import {
  type Action,
  ActionSeveritySchema,
  ActionsQuerySchema,
  EditActionSchema,
  EffectivenessSchema,
  MarkDoneSchema,
  OpenActionSchema,
  ReopenSchema,
} from '../contract/action.js';
import { DateInputSchema } from '../contract/common.js';
import type { ProgramSummary } from '../contract/program.js';
import type { Result } from '../domain/result.js';
import { actionsTable, describeAction } from './action-text.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, fail, type Output, outputOf } from './output.js';
import { addPageOptions, nextPageLine, pageOptions, periodLine } from './paging.js';
import type { CliContext } from './session.js';
import { requireOwner, requireProgram, resolveOwner } from './targets.js';

const opened = OpenActionSchema.shape;
const listed = ActionsQuerySchema.shape;
const edited = EditActionSchema.shape;
const versionHelp = 'fail with VERSION_CONFLICT unless the action is still at this version (for scripts)';
const jsonHelp = "print the action as the API's JSON (Action)";

/** The action named by key (A-12, any case) or id, or the command ends with ACTION_NOT_FOUND. */
async function requireAction(b: Backend, out: Output, p: ProgramSummary, ref: string): Promise<Action> {
  const r = await b.getAction({ params: { programId: p.id, actionId: ref.trim() } });
  if (r.ok) return r.value;
  return fail(
    out,
    r.error.code === 'ACTION_NOT_FOUND'
      ? { ...r.error, message: `No action "${ref}" in ${p.code}. See \`tollgate action list ${p.code}\`.` }
      : r.error,
  );
}

const versionOption = (out: Output, raw: string | undefined): number | undefined =>
  raw === undefined
    ? undefined
    : parseIntOption(out, '--version', edited.version, raw, 'Must be a version number (1 or more) as printed by --json.');

/** A date option that may also be "none" (clears it). */
const dateOrNone = (out: Output, flag: string, raw: string | undefined) =>
  raw === undefined ? undefined : raw.trim().toLowerCase() === 'none' ? null : parseOption(out, flag, DateInputSchema, raw.trim());

function written(out: Output, r: Result<Action>, flags: Record<string, string>): Action {
  return r.ok ? r.value : fail(out, withFlags(r.error, { version: '--version', ...flags }));
}

interface StepOptions {
  json?: boolean;
  version?: string;
}

/** Runs one write on an action read first (at its version unless --version says otherwise). */
async function onAction(
  ctx: CliContext,
  cmd: Command,
  out: Output,
  refs: { program: string; action: string; version: number | undefined },
  write: (b: Backend, p: ProgramSummary, a: Action, version: number) => Promise<Result<Action>>,
  flags: Record<string, string>,
  said: string,
): Promise<void> {
  await withBackend(ctx, cmd, out, async (b) => {
    const program = await requireProgram(b, out, refs.program);
    const before = await requireAction(b, out, program, refs.action);
    const v = written(out, await write(b, program, before, refs.version ?? before.version), flags);
    emit(out, v, () => `${said} ${describeAction(program, v)}`);
  });
}

export function registerActionCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('action')
    .description('Actions (issues, blockers): open, edit, mark done, confirm or reopen, check effectiveness')
    .addHelpText(
      'after',
      '\nActions are named by key (A-12, any case) or id. Closing takes two steps: the owner marks it done\n(`action done`), the cadence owner confirms (`action confirm`) or reopens it with a reason.',
    );

  addActingOptions(
    addPageOptions(
      group
        .command('list')
        .description(
          "A program's actions: open first (overdue ones marked), then done waiting for confirmation, then closed ones of a period",
        )
        .argument('<program>', 'program code or id')
        .option('--status <status>', 'open, done, closed or all (default: all)')
        .option('--owner <person>', "only this owner's: e-mail address, id, or me")
        .option('--since <date>', 'closed actions last changed before this day are left out (default: 365 days before --until)')
        .option('--until <date>', 'closed actions last changed after this day are left out (default: today)'),
      'actions',
      100,
      500,
    ).option('--json', "print the API's JSON ({ items: Action[], nextCursor, period })"),
  ).action(
    async (
      programRef: string,
      o: { status?: string; owner?: string; since?: string; until?: string; limit?: string; cursor?: string; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const status = parseOption(out, '--status', listed.status, o.status);
      const since = parseOption(out, '--since', listed.since, o.since);
      const until = parseOption(out, '--until', listed.until, o.until);
      const page = pageOptions(out, listed.limit, 500, o);
      if (o.owner?.trim().toLowerCase() === 'none') badOption(out, '--owner', 'Name a person; every action has an owner.');
      await withBackend(ctx, cmd, out, async (b) => {
        const program = await requireProgram(b, out, programRef);
        const owner = o.owner?.trim();
        const ownerId =
          owner === undefined
            ? undefined
            : owner.toLowerCase() === 'me'
              ? 'me'
              : ((await resolveOwner(b, out, program, owner)) ?? undefined);
        const r = await b.listActions({ params: { programId: program.id }, query: { status, ownerId, since, until, ...page } });
        const found = r.ok ? r.value : fail(out, withFlags(r.error, { since: '--since', until: '--until', cursor: '--cursor' }));
        const more = nextPageLine(
          'More actions',
          ['action', 'list', program.code],
          { '--status': o.status, '--owner': o.owner, '--since': o.since, '--until': o.until, '--limit': o.limit },
          found.nextCursor,
        );
        emit(out, found, () => actionsTable(program, found.items) + more + periodLine('Closed actions', found.period));
      });
    },
  );

  addActingOptions(
    group
      .command('add')
      .description('Open an action; it gets the next key (A-n) and needs an owner who holds a role on the program')
      .argument('<program>', 'program code or id')
      .option('--title <text>', 'what must be done (required)')
      .option('--owner <person>', 'who will do it: e-mail address or id (required; see `tollgate programs people`)')
      .option('--due <date>', 'when it must be done, YYYY-MM-DD (required)')
      .option('--severity <level>', 'low, medium, high or critical (default: medium)')
      .option('--blocks <milestone>', 'the milestone it blocks: key (M-12) or id')
      .option('--risk <risk>', 'the risk it addresses: key (R-3) or id')
      .option('--check <date>', 'a corrective action: when to check that the fix held, YYYY-MM-DD')
      .option('--description <text>', 'more detail')
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate action add KHG-KW500 --title "Re-run drop test with rib change" --owner supplier@demo.test --due 2026-03-20 --blocks M-12',
      ),
  ).action(
    async (
      programRef: string,
      o: {
        title?: string;
        owner?: string;
        due?: string;
        severity?: string;
        blocks?: string;
        risk?: string;
        check?: string;
        description?: string;
        json?: boolean;
      },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const title = parseOption(out, '--title', opened.title, o.title);
      const dueDate = parseOption(out, '--due', opened.dueDate, o.due?.trim());
      const owner = parseOption(out, '--owner', opened.ownerId, o.owner);
      const severity = parseOption(out, '--severity', ActionSeveritySchema, o.severity ?? 'medium');
      const checkDate = o.check === undefined ? undefined : parseOption(out, '--check', opened.checkDate, o.check.trim());
      const description = parseOption(out, '--description', opened.description, o.description);
      await withBackend(ctx, cmd, out, async (b) => {
        const program = await requireProgram(b, out, programRef);
        const ownerId = await requireOwner(b, out, program, owner);
        const r = await b.openAction({
          params: { programId: program.id },
          body: {
            title,
            description,
            ownerId,
            dueDate,
            severity,
            blocksMilestoneId: o.blocks?.trim(),
            riskId: o.risk?.trim(),
            checkDate,
          },
        });
        const v = written(out, r, {
          title: '--title',
          ownerId: '--owner',
          dueDate: '--due',
          blocksMilestoneId: '--blocks',
          riskId: '--risk',
          checkDate: '--check',
        });
        emit(out, v, () => `Opened ${describeAction(program, v)}`);
      });
    },
  );

  addActingOptions(
    group
      .command('edit')
      .description(
        'Change title, owner, due date (a move needs --reason; the first date is kept), severity, what it blocks, the check date',
      )
      .argument('<program>', 'program code or id')
      .argument('<action>', 'action key (A-12) or id')
      .option('--title <text>', 'new title')
      .option('--owner <person>', "hand it over: the new owner's e-mail address or id")
      .option('--due <date>', 'new due date, YYYY-MM-DD (needs --reason once it had one; it cannot be taken away)')
      .option('--severity <level>', 'low, medium, high or critical')
      .option('--blocks <milestone>', 'the milestone it blocks (M-12), or "none"')
      .option('--check <date>', 'effectiveness check date, YYYY-MM-DD, or "none"')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText('after', '\nExample:\n  tollgate action edit KHG-KW500 A-3 --due 2026-03-27 --reason "Rib insert arrives late"'),
  ).action(
    async (
      programRef: string,
      actionRef: string,
      o: StepOptions & {
        title?: string;
        owner?: string;
        due?: string;
        severity?: string;
        blocks?: string;
        check?: string;
        reason?: string;
      },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      if (!(['title', 'owner', 'due', 'severity', 'blocks', 'check'] as const).some((k) => o[k] !== undefined)) {
        fail(out, {
          code: 'VALIDATION_FAILED',
          message: 'Nothing to edit: give at least one of --title, --owner, --due, --severity, --blocks or --check.',
        });
      }
      const title = o.title === undefined ? undefined : parseOption(out, '--title', edited.title, o.title);
      const severity = o.severity === undefined ? undefined : parseOption(out, '--severity', ActionSeveritySchema, o.severity);
      const dueDate =
        o.due === undefined
          ? undefined
          : parseOption(out, '--due', edited.dueDate, o.due.trim(), 'An action keeps a due date: give a date, YYYY-MM-DD, to move it.');
      const checkDate = dateOrNone(out, '--check', o.check);
      const blocks = o.blocks === undefined ? undefined : o.blocks.trim().toLowerCase() === 'none' ? null : o.blocks.trim();
      const reason = parseOption(out, '--reason', edited.reason, o.reason);
      const version = versionOption(out, o.version);
      await onAction(
        ctx,
        cmd,
        out,
        { program: programRef, action: actionRef, version },
        async (b, p, a, v) => {
          const ownerId = o.owner === undefined ? undefined : await requireOwner(b, out, p, o.owner);
          return b.editAction({
            params: { programId: p.id, actionId: a.id },
            body: { version: v, reason, title, ownerId, dueDate, severity, blocksMilestoneId: blocks, checkDate },
          });
        },
        { title: '--title', ownerId: '--owner', dueDate: '--due', blocksMilestoneId: '--blocks', checkDate: '--check', reason: '--reason' },
        'Updated',
      );
    },
  );

  addActingOptions(
    group
      .command('done')
      .description('Mark your action done, with a note; it then waits for the cadence owner to confirm')
      .argument('<program>', 'program code or id')
      .argument('<action>', 'action key (A-12) or id')
      .option('--note <text>', 'what was done (required)')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp),
  ).action(async (programRef: string, actionRef: string, o: StepOptions & { note?: string }, cmd: Command) => {
    const out = outputOf(o);
    const note = parseOption(out, '--note', MarkDoneSchema.shape.note, o.note);
    const version = versionOption(out, o.version);
    await onAction(
      ctx,
      cmd,
      out,
      { program: programRef, action: actionRef, version },
      (b, p, a, v) => b.markActionDone({ params: { programId: p.id, actionId: a.id }, body: { version: v, note } }),
      { note: '--note' },
      'Marked done:',
    );
  });

  addActingOptions(
    group
      .command('confirm')
      .description('Confirm the closure of an action its owner marked done (cadence owner)')
      .argument('<program>', 'program code or id')
      .argument('<action>', 'action key (A-12) or id')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp),
  ).action(async (programRef: string, actionRef: string, o: StepOptions, cmd: Command) => {
    const out = outputOf(o);
    const version = versionOption(out, o.version);
    await onAction(
      ctx,
      cmd,
      out,
      { program: programRef, action: actionRef, version },
      (b, p, a, v) => b.confirmAction({ params: { programId: p.id, actionId: a.id }, body: { version: v } }),
      {},
      'Confirmed',
    );
  });

  addActingOptions(
    group
      .command('reopen')
      .description('Send a done or closed action back to open, with a reason (cadence owner)')
      .argument('<program>', 'program code or id')
      .argument('<action>', 'action key (A-12) or id')
      .option('--reason <text>', 'why it is not done after all (required)')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp),
  ).action(async (programRef: string, actionRef: string, o: StepOptions & { reason?: string }, cmd: Command) => {
    const out = outputOf(o);
    // A missing reason is the domain's refusal (REASON_REQUIRED), the same as an empty one.
    const reason = parseOption(out, '--reason', ReopenSchema.shape.reason, o.reason ?? '');
    const version = versionOption(out, o.version);
    await onAction(
      ctx,
      cmd,
      out,
      { program: programRef, action: actionRef, version },
      (b, p, a, v) => b.reopenAction({ params: { programId: p.id, actionId: a.id }, body: { version: v, reason } }),
      { reason: '--reason' },
      'Reopened',
    );
  });

  addActingOptions(
    group
      .command('check')
      .description("Record a corrective action's effectiveness check: did the fix hold? (cadence or quality owner)")
      .argument('<program>', 'program code or id')
      .argument('<action>', 'action key (A-12) or id')
      .option('--result <result>', 'effective or not_effective (required)')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp),
  ).action(async (programRef: string, actionRef: string, o: StepOptions & { result?: string }, cmd: Command) => {
    const out = outputOf(o);
    const result = parseOption(out, '--result', EffectivenessSchema.shape.result, o.result, 'Must be effective or not_effective.');
    const version = versionOption(out, o.version);
    await onAction(
      ctx,
      cmd,
      out,
      { program: programRef, action: actionRef, version },
      (b, p, a, v) => b.recordEffectiveness({ params: { programId: p.id, actionId: a.id }, body: { version: v, result } }),
      { result: '--result' },
      'Checked',
    );
  });
}
