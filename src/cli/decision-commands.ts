import type { Command } from 'commander';
import { entityOfKey } from '../app/links.js';
import {
  DecideSchema,
  type Decision,
  DecisionQueueQuerySchema,
  DecisionsQuerySchema,
  EditDecisionSchema,
  RequestDecisionSchema,
  SupersedeSchema,
} from '../contract/decision.js';
import type { ProgramSummary } from '../contract/program.js';
import type { LinkableEntity } from '../domain/link.js';
import { linkableEntities } from '../domain/link.js';
import type { Result } from '../domain/result.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { minuteUtc } from './format.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, facts, fail, type Output, outputOf, table } from './output.js';
import { addPageOptions, nextPageLine, pageOptions, periodLine } from './paging.js';
import type { CliContext } from './session.js';
import { must, requireOwner, requireProgram } from './targets.js';

const ask = RequestDecisionSchema.shape;
const listed = DecisionsQuerySchema.shape;
const verdict = DecideSchema.shape;

const versionHelp = 'fail with VERSION_CONFLICT unless the decision is still at this version (for scripts)';
const jsonHelp = "print the decision as the API's JSON (Decision)";
const collect = (value: string, previous: string[]) => [...previous, value];

/** The API's field names as the options a person typed, for refusals. */
const flags = {
  statement: '--statement',
  context: '--context',
  options: '--option',
  ownerId: '--owner',
  dueDate: '--due',
  outcome: '--outcome',
  rationale: '--rationale',
  expectedImpact: '--impact',
  reason: '--reason',
  version: '--version',
};

const flagWords: Record<string, string> = { no_owner: 'no owner', no_due_date: 'no due date' };

/** When it is due, in words: "2026-03-09 (overdue)", "no due date". */
function dueText(d: Decision): string {
  if (d.dueDate === null) return d.status === 'open' ? 'no due date' : '—';
  return d.isOverdue ? `${d.dueDate} (overdue)` : d.dueDate;
}

const statusText = (d: Decision): string =>
  d.status === 'superseded' && d.supersededBy ? `superseded by ${d.supersededBy.key}` : d.status;

/** One decision for people: what, who, when, the verdict, the chain and the links. */
function describe(d: Decision): string {
  const rows: [string, string][] = [
    ['status', statusText(d)],
    ['owner', d.owner ? `${d.owner.name} <${d.owner.email}>` : 'none (flagged)'],
    ['due', dueText(d)],
    ['requested by', d.requestedBy?.name ?? '—'],
  ];
  if (d.context) rows.push(['context', d.context]);
  if (d.options) rows.push(['options', d.options.split('\n').join('; ')]);
  if (d.status !== 'open') {
    rows.push(['outcome', d.outcome ?? '—'], ['rationale', d.rationale ?? '—'], ['expected impact', d.expectedImpact ?? '—']);
    rows.push(['decided', `${d.decidedAt ? minuteUtc(d.decidedAt) : '—'} by ${d.decidedBy?.name ?? '—'}`]);
  }
  if (d.supersedes) rows.push(['supersedes', d.supersedes.key]);
  if (d.links.length) rows.push(['links', d.links.map((l) => `${l.key} ${l.title}`).join('; ')]);
  rows.push(['version', String(d.version)]);
  return `${d.programCode} ${d.key} "${d.statement}"\n${facts(rows)}`;
}

function logTable(items: readonly Decision[]): string {
  if (items.length === 0) return 'No decisions listed. Ask for one with `tollgate decision request`.';
  return table(
    ['Key', 'Statement', 'Status', 'Owner', 'Due', 'Outcome'],
    items.map((d) => [d.key, d.statement, statusText(d), d.owner?.name ?? 'no owner', dueText(d), d.outcome]),
    { maxWidths: [undefined, 44, 18, 18, undefined, 40] },
  );
}

function queueTable(items: readonly Decision[]): string {
  if (items.length === 0) return 'No open decisions.';
  return table(
    ['Program', 'Key', 'Statement', 'Owner', 'Due', 'Flags'],
    items.map((d) => [
      d.programCode,
      d.key,
      d.statement,
      d.owner?.name ?? null,
      d.dueDate === null ? null : dueText(d),
      d.flags.map((f) => flagWords[f] ?? f).join(', ') || null,
    ]),
    { maxWidths: [undefined, undefined, 50, 18, undefined, undefined] },
  );
}

/** --version, checked before anything is read like every other option. */
const versionOption = (out: Output, raw: string | undefined): number | undefined =>
  raw === undefined
    ? undefined
    : parseIntOption(out, '--version', verdict.version, raw, 'Must be a version number (1 or more) as printed by --json.');

/** The decision named by key (D-7, any case) or id, or the command ends with DECISION_NOT_FOUND. */
async function requireDecision(b: Backend, out: Output, p: ProgramSummary, ref: string): Promise<Decision> {
  const r = await b.getDecision({ params: { programId: p.id, decisionId: ref.trim() } });
  if (r.ok) return r.value;
  if (r.error.code !== 'DECISION_NOT_FOUND') return fail(out, r.error);
  return fail(out, { ...r.error, message: `${r.error.message} See \`tollgate decision list ${p.code}\` for its keys.` });
}

/** Reads the program and the decision first: a person at a terminal writes over what they just saw. */
async function targetOf(b: Backend, out: Output, programRef: string, decisionRef: string, version: number | undefined) {
  const program = await requireProgram(b, out, programRef);
  const before = await requireDecision(b, out, program, decisionRef);
  return { program, before, version: version ?? before.version };
}

const written = <T>(out: Output, r: Result<T>): T => (r.ok ? r.value : fail(out, withFlags(r.error, flags)));

/** --link M-12 (the kind from the key's letter) or milestone:<id>, as the API's link refs. */
function linkRefs(out: Output, raw: readonly string[]): { entity: LinkableEntity; id: string }[] {
  return raw.map((given) => {
    const [kind, id] = given.includes(':') ? given.split(':', 2) : [undefined, given];
    const entity =
      kind === undefined ? entityOfKey(given) : (linkableEntities as readonly string[]).includes(kind) ? (kind as LinkableEntity) : null;
    if (!entity || !id?.trim()) {
      return badOption(
        out,
        '--link',
        'Give a key such as M-12, D-3, R-2 or A-7, or <kind>:<id> (milestone, decision, risk, action).',
        given,
      );
    }
    return { entity, id: id.trim() };
  });
}

interface VerdictOptions {
  outcome?: string;
  rationale?: string;
  impact?: string;
  version?: string;
  json?: boolean;
}

const verdictOf = (out: Output, o: VerdictOptions) => ({
  outcome: parseOption(out, '--outcome', verdict.outcome, o.outcome),
  rationale: parseOption(out, '--rationale', verdict.rationale, o.rationale),
  expectedImpact: parseOption(out, '--impact', verdict.expectedImpact, o.impact),
});

export function registerDecisionCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('decision')
    .description('The decision log and the decision queue: ask, decide, supersede (every step is kept in the change log)')
    .addHelpText(
      'after',
      '\nDecisions are named by key (D-7, any case) or id. A decided decision never changes: to change course,\nsupersede it with a new decision and a reason; both show the chain.',
    );

  addActingOptions(
    addPageOptions(
      group
        .command('list')
        .description("A program's decision log by key: every open decision, and the decided and superseded ones of a period")
        .argument('<program>', 'program code or id')
        .option('--status <status>', 'open, closed (decided or superseded), decided, superseded or all (default: all)')
        .option('--order <order>', 'asc (D-1 first, the default) or desc (the latest asked first)')
        .option('--since <date>', 'closed decisions last changed before this day are left out (default: 365 days before --until)')
        .option('--until <date>', 'closed decisions last changed after this day are left out (default: today)'),
      'decisions',
      100,
      500,
    )
      .option('--json', "print the API's JSON ({ items: Decision[], nextCursor, period })")
      .addHelpText(
        'after',
        '\nExamples:\n  tollgate decision list KHG-KW500 --status closed --since 2026-01-01\n  tollgate decision list KHG-KW500 --limit 20 --cursor <cursor printed by the page before>',
      ),
  ).action(
    async (
      programRef: string,
      o: { status?: string; order?: string; since?: string; until?: string; limit?: string; cursor?: string; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const query = {
        status: parseOption(out, '--status', listed.status, o.status),
        order: parseOption(out, '--order', listed.order, o.order),
        since: parseOption(out, '--since', listed.since, o.since),
        until: parseOption(out, '--until', listed.until, o.until),
        ...pageOptions(out, listed.limit, 500, o),
      };
      await withBackend(ctx, cmd, out, async (b) => {
        const program = await requireProgram(b, out, programRef);
        const r = await b.listDecisions({ params: { programId: program.id }, query });
        const page = r.ok ? r.value : fail(out, withFlags(r.error, { since: '--since', until: '--until', cursor: '--cursor' }));
        const { status, order, since, until, limit } = o;
        const more = nextPageLine(
          'More decisions',
          ['decision', 'list', program.code],
          { '--status': status, '--order': order, '--since': since, '--until': until, '--limit': limit },
          page.nextCursor,
        );
        emit(out, page, () => logTable(page.items) + more + periodLine('Decided and superseded decisions', page.period));
      });
    },
  );

  addActingOptions(
    group
      .command('queue')
      .description('Open decisions across your programs: overdue first, then by due date, undated last')
      .option('--owner <person>', 'only this owner\'s: "me", an e-mail address or an id (default: everybody\'s)')
      .option('--json', "print the API's JSON ({ items: Decision[] })")
      .addHelpText('after', '\nExample:\n  tollgate --as owner@demo.test decision queue --owner me'),
  ).action(async (o: { owner?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const ownerId = o.owner === undefined ? undefined : parseOption(out, '--owner', DecisionQueueQuerySchema.shape.ownerId, o.owner.trim());
    await withBackend(ctx, cmd, out, async (b) => {
      const { items } = must(out, await b.decisionQueue({ query: { ownerId } }));
      emit(out, { items }, () => queueTable(items));
    });
  });

  addActingOptions(
    group
      .command('show')
      .description('One decision: statement, owner, due date, verdict, the chain and the links')
      .argument('<program>', 'program code or id')
      .argument('<decision>', 'decision key (D-7) or id')
      .option('--json', jsonHelp),
  ).action(async (programRef: string, decisionRef: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const d = await requireDecision(b, out, program, decisionRef);
      emit(out, d, () => describe(d));
    });
  });

  addActingOptions(
    group
      .command('request')
      .description('Ask for a decision; it gets the next key (D-n) and its owner sees it in their queue')
      .argument('<program>', 'program code or id')
      .option('--statement <text>', 'what must be decided (required)')
      .option('--owner <person>', 'who decides: e-mail address or id of a decision, cadence or quality owner (required)')
      .option('--due <date>', 'when it is needed, YYYY-MM-DD (required)')
      .option('--context <text>', 'what led to it')
      .option('--option <text>', 'an option on the table (repeat for each)', collect, [])
      .option('--link <key>', 'a record it is about: M-12, D-3, R-2, A-7 or <kind>:<id> (repeat for each)', collect, [])
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate decision request KHG-KW500 --statement "Approve tooling rework on cavity 2 (+6 k USD)" \\\n    --owner owner@demo.test --due 2026-03-13 --option "Rework cavity 2" --option "Run on cavity 1 only" --link M-12',
      ),
  ).action(
    async (
      programRef: string,
      o: { statement?: string; owner?: string; due?: string; context?: string; option: string[]; link: string[]; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const statement = parseOption(out, '--statement', ask.statement, o.statement);
      const dueDate = parseOption(out, '--due', ask.dueDate, o.due?.trim());
      const owner = parseOption(out, '--owner', ask.ownerId, o.owner);
      const context = parseOption(out, '--context', ask.context, o.context);
      const options = parseOption(out, '--option', ask.options, o.option.length ? o.option.map((x) => x.trim()).join('\n') : undefined);
      const links = linkRefs(out, o.link);
      await withBackend(ctx, cmd, out, async (b) => {
        const program = await requireProgram(b, out, programRef);
        const ownerId = await requireOwner(b, out, program, owner);
        const d = written(
          out,
          await b.requestDecision({ params: { programId: program.id }, body: { statement, context, options, ownerId, dueDate, links } }),
        );
        emit(out, d, () => `Requested ${describe(d)}`);
      });
    },
  );

  addActingOptions(
    group
      .command('edit')
      .description('Reword, re-assign or re-date an open decision (a decided one never changes: supersede it)')
      .argument('<program>', 'program code or id')
      .argument('<decision>', 'decision key (D-7) or id')
      .option('--statement <text>', 'new statement')
      .option('--owner <person>', 'new owner: e-mail address or id')
      .option('--due <date>', 'new due date, YYYY-MM-DD (it cannot be taken away)')
      .option('--context <text>', 'new context')
      .option('--option <text>', 'replace the options (repeat for each)', collect, [])
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp),
  ).action(
    async (
      programRef: string,
      decisionRef: string,
      o: { statement?: string; owner?: string; due?: string; context?: string; option: string[]; version?: string; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const edit = EditDecisionSchema.shape;
      if (o.statement === undefined && o.owner === undefined && o.due === undefined && o.context === undefined && o.option.length === 0) {
        fail(out, {
          code: 'VALIDATION_FAILED',
          message: 'Nothing to edit: give at least one of --statement, --owner, --due, --context or --option.',
        });
      }
      const statement = o.statement === undefined ? undefined : parseOption(out, '--statement', edit.statement, o.statement);
      const dueDate =
        o.due === undefined
          ? undefined
          : parseOption(out, '--due', edit.dueDate, o.due.trim(), 'A decision keeps a due date: give a date, YYYY-MM-DD, to move it.');
      const context = parseOption(out, '--context', edit.context, o.context);
      const options = o.option.length ? parseOption(out, '--option', edit.options, o.option.map((x) => x.trim()).join('\n')) : undefined;
      const given = versionOption(out, o.version);
      await withBackend(ctx, cmd, out, async (b) => {
        const { program, before, version } = await targetOf(b, out, programRef, decisionRef, given);
        const owner = o.owner === undefined ? undefined : await requireOwner(b, out, program, o.owner);
        const d = written(
          out,
          await b.editDecision({
            params: { programId: program.id, decisionId: before.id },
            body: { version, statement, context, options, ownerId: owner ?? undefined, dueDate },
          }),
        );
        emit(out, d, () => `Updated ${describe(d)}`);
      });
    },
  );

  addActingOptions(
    group
      .command('decide')
      .description('Decide an open decision (its owner only): outcome, rationale and expected impact')
      .argument('<program>', 'program code or id')
      .argument('<decision>', 'decision key (D-7) or id')
      .option('--outcome <text>', 'what is decided (required)')
      .option('--rationale <text>', 'why (required)')
      .option('--impact <text>', 'what it will change: dates, cost, quality (required)')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate decision decide KHG-KW500 D-3 --outcome "Accept for T1" --rationale "Not visible when closed" --impact "None on dates"',
      ),
  ).action(async (programRef: string, decisionRef: string, o: VerdictOptions, cmd: Command) => {
    const out = outputOf(o);
    const v = verdictOf(out, o);
    const given = versionOption(out, o.version);
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, before, version } = await targetOf(b, out, programRef, decisionRef, given);
      const d = written(out, await b.decideDecision({ params: { programId: program.id, decisionId: before.id }, body: { version, ...v } }));
      emit(out, d, () => `Decided ${describe(d)}`);
    });
  });

  addActingOptions(
    group
      .command('supersede')
      .description('Change course: a new decision, decided now with a reason, supersedes a decided one')
      .argument('<program>', 'program code or id')
      .argument('<decision>', 'key (D-7) or id of the decided decision to replace')
      .option('--reason <text>', 'why the earlier decision no longer holds (required)')
      .option('--statement <text>', 'what is decided now (default: the earlier statement)')
      .option('--outcome <text>', 'what is decided (required)')
      .option('--rationale <text>', 'why (required)')
      .option('--impact <text>', 'what it will change: dates, cost, quality (required)')
      .option('--version <n>', versionHelp)
      .option('--json', "print the API's JSON ({ replaced: Decision, replacement: Decision })")
      .addHelpText(
        'after',
        '\nExample:\n  tollgate decision supersede KHG-KW500 D-1 --reason "Rework takes five weeks" --outcome "Run on cavity 1 only" \\\n    --rationale "Keeps the launch date" --impact "Half output until W16"',
      ),
  ).action(async (programRef: string, decisionRef: string, o: VerdictOptions & { reason?: string; statement?: string }, cmd: Command) => {
    const out = outputOf(o);
    const s = SupersedeSchema.shape;
    const reason = parseOption(out, '--reason', s.reason, o.reason);
    const statement = parseOption(out, '--statement', s.statement, o.statement);
    const v = verdictOf(out, o);
    const given = versionOption(out, o.version);
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, before, version } = await targetOf(b, out, programRef, decisionRef, given);
      const r = written(
        out,
        await b.supersedeDecision({ params: { programId: program.id, decisionId: before.id }, body: { version, reason, statement, ...v } }),
      );
      emit(out, r, () => `${r.replacement.key} supersedes ${r.replaced.key}.\n${describe(r.replacement)}`);
    });
  });
}
