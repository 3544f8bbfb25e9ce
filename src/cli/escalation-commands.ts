import type { Command } from 'commander';
import {
  type Escalation,
  EscalationsQuerySchema,
  ReassignEscalationSchema,
  ResolveEscalationSchema,
  SetTriggerSchema,
  TriggerKindSchema,
} from '../contract/escalation.js';
import type { Result } from '../domain/result.js';
import { roles } from '../domain/roles.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, fail, type Output, outputOf, table } from './output.js';
import { addPageOptions, nextPageLine, pageOptions } from './paging.js';
import type { CliContext } from './session.js';
import { must, requireProgram, resolveOwner } from './targets.js';

/** "1 business day", "4 business hours". */
const windowText = (w: { readonly amount: number; readonly unit: 'business_hours' | 'business_days' }): string =>
  `${w.amount} business ${w.unit === 'business_hours' ? 'hour' : 'day'}${w.amount === 1 ? '' : 's'}`;

// tollgate trigger list|set and tollgate escalation list|ack|resolve|reassign (issue 13).

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const line = (e: Escalation) =>
  `${e.programCode} ${e.key} ${e.status}${e.isOverdue ? ' (overdue)' : ''}: ${e.triggerKind.replaceAll('_', ' ')} — ${e.subject.title}; ${e.owner.name} by ${when(e.deadlineAt)} UTC`;

const statusChoices = EscalationsQuerySchema.shape.status;

/** Both lists: a table of escalations, newest raised first. */
function escalationTable(items: readonly Escalation[]): string {
  return table(
    ['Key', 'Program', 'Status', 'Trigger', 'About', 'Owner', 'Level', 'Deadline (UTC)'],
    items.map((e) => [
      e.key,
      e.programCode,
      `${e.status}${e.isOverdue ? ' OVERDUE' : ''}`,
      e.triggerKind,
      `${e.subject.ref} ${e.subject.title}`,
      e.owner.name,
      String(e.level),
      when(e.deadlineAt),
    ]),
    { maxWidths: [undefined, undefined, undefined, undefined, 50] },
  );
}

export function registerEscalationCommands(cli: Command, ctx: CliContext): void {
  const triggers = cli.command('trigger').description("A program's escalation triggers: what raises an escalation, for whom, how fast");
  addActingOptions(
    triggers
      .command('list')
      .description("The program's triggers, one per kind (the defaults where none was set)")
      .argument('<program>', 'program code or id')
      .option('--json', "print the API's JSON ({ programCode, items: Trigger[] })"),
  ).action(async (programRef: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const p = await requireProgram(b, out, programRef);
      const list = must(out, await b.listTriggers({ params: { programId: p.id } }));
      emit(out, list, () =>
        table(
          ['Kind', 'On', 'N', 'Severity', 'Owner', 'Window', 'Climbs', 'Set'],
          list.items.map((t) => [
            t.kind,
            t.isEnabled ? 'yes' : 'no',
            t.threshold === null ? '–' : String(t.threshold),
            t.severity,
            t.owner.kind === 'person' ? t.owner.userId : t.owner.role,
            windowText(t.window),
            t.climbs ? 'yes' : 'no',
            t.isDefault ? 'default' : `v${t.version}`,
          ]),
        ),
      );
    });
  });

  addActingOptions(
    triggers
      .command('set')
      .description('Set one trigger kind of a program (cadence owner); what is not given stays as it is')
      .argument('<program>', 'program code or id')
      .argument('<kind>', `one of: ${TriggerKindSchema.options.join(', ')}`)
      .option('--on', 'enable it')
      .option('--off', 'disable it')
      .option('--threshold <n>', "the kind's N (see `tollgate trigger list`)")
      .option('--severity <s>', 'low, medium, high or critical')
      .option('--owner <who>', `a person (e-mail or id) or a role: ${roles.join(', ')}`)
      .option('--within <window>', 'the response window, e.g. 4h (business hours) or 2d (business days)')
      .option('--climbs <yes|no>', "whether expiry climbs the charter's escalation path")
      .option('--reason <text>', 'why (kept in the change log)')
      .option('--json', "print the API's JSON ({ programCode, items: Trigger[] })"),
  ).action(
    async (
      programRef: string,
      kindRaw: string,
      o: {
        on?: boolean;
        off?: boolean;
        threshold?: string;
        severity?: string;
        owner?: string;
        within?: string;
        climbs?: string;
        reason?: string;
        json?: boolean;
      },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const kind = parseOption(out, '<kind>', TriggerKindSchema, kindRaw.trim().toLowerCase());
      if (o.on && o.off) badOption(out, '--on', 'Give --on or --off, not both.');
      const within = o.within === undefined ? undefined : /^([0-9]{1,3})\s*([hd])$/i.exec(o.within.trim());
      if (o.within !== undefined && !within) badOption(out, '--within', 'Say 4h (business hours) or 2d (business days).', o.within);
      if (o.climbs !== undefined && !['yes', 'no'].includes(o.climbs)) badOption(out, '--climbs', 'Say yes or no.', o.climbs);
      await withBackend(ctx, cmd, out, async (b) => {
        const p = await requireProgram(b, out, programRef);
        const current = must(out, await b.listTriggers({ params: { programId: p.id } })).items.find((t) => t.kind === kind);
        if (!current) return fail(out, { code: 'NOT_FOUND', message: `No trigger ${kind}.` });
        let owner = current.owner;
        if (o.owner !== undefined) {
          const role = roles.find((r) => r === o.owner?.trim().toLowerCase().replaceAll(' ', '_'));
          owner = role
            ? { kind: 'role', role }
            : { kind: 'person', userId: (await resolveOwner(b, out, p, o.owner)) ?? badOption(out, '--owner', 'Name a person or a role.') };
        }
        const body = {
          isEnabled: o.on ? true : o.off ? false : current.isEnabled,
          threshold: o.threshold === undefined ? current.threshold : o.threshold.trim() === 'none' ? null : Number(o.threshold),
          severity: (o.severity?.trim().toLowerCase() ?? current.severity) as typeof current.severity,
          owner,
          window: within
            ? {
                unit: (within[2]?.toLowerCase() === 'h' ? 'business_hours' : 'business_days') as 'business_hours' | 'business_days',
                amount: Number(within[1]),
              }
            : current.window,
          climbs: o.climbs === undefined ? current.climbs : o.climbs === 'yes',
          version: current.version,
          reason: o.reason,
        };
        const checked = SetTriggerSchema.safeParse(body);
        if (!checked.success)
          return badOption(out, '--threshold', checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        const r = await b.setTrigger({ params: { programId: p.id, kind }, body: checked.data });
        const saved = r.ok
          ? r.value
          : fail(
              out,
              withFlags(r.error, {
                threshold: '--threshold',
                'window.amount': '--within',
                'owner.userId': '--owner',
                severity: '--severity',
              }),
            );
        const t = saved.items.find((x) => x.kind === kind);
        emit(
          out,
          saved,
          () =>
            `Set ${p.code} ${kind}: ${t?.isEnabled ? 'on' : 'off'}, N ${t?.threshold ?? '–'}, ${t?.severity}, within ${t ? windowText(t.window) : '–'}.`,
        );
      });
    },
  );

  const group = cli.command('escalation').description('Escalations: raised by triggers, with an action owner and a deadline');
  addActingOptions(
    addPageOptions(
      group
        .command('list', { isDefault: true })
        .description('Escalations newest first: of one program, or of every program you see')
        .argument('[program]', 'program code or id (every program you see when left out)')
        .option('--mine', 'only those you are the action owner of')
        .option('--status <s>', `${statusChoices.unwrap().options.join(', ')} (default open)`),
      'escalations',
      50,
      200,
    ).option('--json', "print the API's JSON ({ items: Escalation[], nextCursor })"),
  ).action(
    async (
      programRef: string | undefined,
      o: { mine?: boolean; status?: string; limit?: string; cursor?: string; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const status = parseOption(out, '--status', statusChoices, o.status);
      const page = pageOptions(out, EscalationsQuerySchema.shape.limit, 200, o);
      await withBackend(ctx, cmd, out, async (b) => {
        let found: { items: Escalation[]; nextCursor: string | null };
        if (programRef !== undefined) {
          const p = await requireProgram(b, out, programRef);
          found = must(out, await b.listProgramEscalations({ params: { programId: p.id }, query: { status, ...page } }));
          if (o.mine) badOption(out, '--mine', 'Give a program or --mine, not both.');
        } else found = must(out, await b.listEscalations({ query: { owner: o.mine ? 'me' : undefined, status, ...page } }));
        const more = nextPageLine(
          'More escalations',
          ['escalation', 'list', ...(programRef ? [programRef] : [])],
          { '--mine': o.mine ? '' : undefined, '--status': o.status, '--limit': o.limit },
          found.nextCursor,
        );
        emit(out, found, () =>
          found.items.length === 0 ? `No ${status === 'all' ? '' : `${status} `}escalations.` : `${escalationTable(found.items)}${more}`,
        );
      });
    },
  );

  const step = (
    name: string,
    description: string,
    extra: (c: Command) => Command,
    write: (
      b: Backend,
      out: Output,
      programId: string,
      e: Escalation,
      version: number,
      o: Record<string, string | undefined>,
    ) => Promise<Result<Escalation>>,
    said: string,
  ) =>
    addActingOptions(
      extra(
        group
          .command(name)
          .description(description)
          .argument('<program>', 'program code or id')
          .argument('<escalation>', 'escalation key (X-3) or id')
          .option('--version <n>', 'fail with VERSION_CONFLICT unless it is still at this version (for scripts)')
          .option('--json', "print the escalation as the API's JSON (Escalation)"),
      ),
    ).action(async (programRef: string, ref: string, o: Record<string, string | undefined> & { json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      const version =
        o.version === undefined
          ? undefined
          : parseIntOption(out, '--version', ResolveEscalationSchema.shape.version, o.version, 'A version number as printed by --json.');
      await withBackend(ctx, cmd, out, async (b) => {
        const p = await requireProgram(b, out, programRef);
        const e = must(out, await b.getEscalation({ params: { programId: p.id, escalationId: ref.trim() } }));
        const r = await write(b, out, p.id, e, version ?? e.version, o);
        const v = r.ok
          ? r.value
          : fail(
              out,
              withFlags(r.error, {
                version: '--version',
                outcome: '--outcome',
                reason: '--reason',
                ownerId: '--to',
                decisionId: '--decision',
                actionId: '--action',
              }),
            );
        emit(out, v, () => `${said} ${line(v)}`);
      });
    });

  step(
    'ack',
    "Acknowledge an escalation (its action owner, the cadence owner or the charter's decision owner): it climbs no more",
    (c) => c,
    (b, _out, programId, e, version) => b.acknowledgeEscalation({ params: { programId, escalationId: e.id }, body: { version } }),
    'Acknowledged:',
  );
  step(
    'resolve',
    'Resolve an escalation with an outcome, optionally linking the decision or action that settled it',
    (c) =>
      c
        .option('--outcome <text>', 'how it was resolved (required)')
        .option('--decision <key>', 'a decision of the program (D-4)')
        .option('--action <key>', 'an action of the program (A-7)'),
    (b, out, programId, e, version, o) => {
      const outcome = parseOption(out, '--outcome', ResolveEscalationSchema.shape.outcome, o.outcome ?? '');
      return b.resolveEscalation({
        params: { programId, escalationId: e.id },
        body: { version, outcome, decisionId: o.decision ?? null, actionId: o.action ?? null },
      });
    },
    'Resolved:',
  );
  step(
    'reassign',
    'Hand an open escalation to another person of the program, with a reason (cadence owner)',
    (c) => c.option('--to <who>', 'the new action owner (e-mail or id)').option('--reason <text>', 'why (required)'),
    async (b, out, programId, e, version, o) => {
      if (o.to === undefined) badOption(out, '--to', 'Name the new action owner.');
      const p = await requireProgram(b, out, programId);
      const ownerId = (await resolveOwner(b, out, p, o.to as string)) ?? badOption(out, '--to', 'Name a person.');
      const reason = parseOption(out, '--reason', ReassignEscalationSchema.shape.reason, o.reason ?? '');
      return b.reassignEscalation({ params: { programId, escalationId: e.id }, body: { version, ownerId, reason } });
    },
    'Reassigned:',
  );
}
