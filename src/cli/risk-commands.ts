import type { Command } from 'commander';
import type { z } from 'zod';
import type { ProgramSummary } from '../contract/program.js';
import {
  EndRiskSchema,
  RaiseRiskSchema,
  RealizeRiskSchema,
  type Risk,
  type RiskChange,
  RiskChangesQuerySchema,
  type RiskDetail,
  type RiskRegister,
  UpdateRiskSchema,
} from '../contract/risk.js';
import { addDays, isoWeekday, type PlainDate } from '../domain/plain-date.js';
import type { Result } from '../domain/result.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { minuteUtc } from './format.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, facts, fail, type Output, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must, requireProgram, resolveOwner } from './targets.js';

const raise = RaiseRiskSchema.shape;
const update = UpdateRiskSchema.shape;
const realizeAction = RealizeRiskSchema.shape.action.unwrap().shape;

const versionHelp = 'fail with VERSION_CONFLICT unless the risk is still at this version (for scripts)';
const jsonHelp = "print the risk as the API's JSON (Risk)";
const levelHint = 'Must be a whole number from 1 to 5.';

/** The option names for the API's fields, so that a refusal names what the person typed. */
const flags = {
  title: '--title',
  description: '--description',
  ownerId: '--owner',
  category: '--category',
  likelihood: '--likelihood',
  impact: '--impact',
  earlyWarning: '--early-warning',
  strategy: '--strategy',
  mitigation: '--mitigation',
  residualLikelihood: '--residual',
  residualImpact: '--residual',
  reviewDate: '--review',
  status: '--status',
  reason: '--reason',
  version: '--version',
  'action.title': '--action-title',
  'action.ownerId': '--action-owner',
  'action.dueDate': '--action-due',
  'action.severity': '--action-severity',
} as const;

// --- words and tables for people ---

const flagWords: Record<Risk['flags'][number], string> = { no_owner: 'NO OWNER', no_due_date: 'NO REVIEW DATE' };

/** What needs attention: missing owner or review date, and a review that is due. */
const attention = (r: Risk): string[] => [...r.flags.map((f) => flagWords[f]), ...(r.isReviewDue ? ['REVIEW DUE'] : [])];

const scoreText = (r: Risk) => `${r.score} (${r.likelihood}×${r.impact}, ${r.band})`;
const residualText = (r: Risk) => (r.residualScore === null ? '—' : `${r.residualScore} (${r.residualLikelihood}×${r.residualImpact})`);

/** The risk as it is after a write, for people. */
function describe(p: ProgramSummary, r: Risk): string {
  const marks = attention(r);
  return [
    `${p.code} ${r.key} "${r.title}" (${r.category})`,
    `score ${scoreText(r)}, residual ${residualText(r)}; ${r.status}, owner ${r.owner?.name ?? 'none'}`,
    `review ${r.reviewDate ?? 'not set'}${marks.length ? ` — ${marks.join(', ')}` : ''}`,
    ...(r.actions.length ? [`actions ${r.actions.map((a) => `${a.key} ${a.title} (${a.status})`).join('; ')}`] : []),
    `now at version ${r.version}`,
  ].join('\n  ');
}

/** A 5×5 heat map: likelihood down (5 at the top), impact across; each cell the keys of the risks in it. */
export function heatMapText(cells: RiskRegister['heatMap']['current']): string {
  const at = (l: number, i: number) => cells.find((c) => c.likelihood === l && c.impact === i)?.keys ?? [];
  const rows = [5, 4, 3, 2, 1].map((l) => [`L${l}`, ...[1, 2, 3, 4, 5].map((i) => at(l, i).join(' ') || '·')]);
  return table(['', 'I1', 'I2', 'I3', 'I4', 'I5'], rows, { maxWidths: [undefined, 12, 12, 12, 12, 12] });
}

function registerText(p: ProgramSummary, reg: RiskRegister): string {
  if (reg.items.length === 0) return `No risks on ${p.code} yet. Raise one: tollgate risk raise ${p.code} --title ... --owner ...`;
  const list = table(
    ['Key', 'Risk', 'Category', 'Score', 'Residual', 'Status', 'Owner', 'Review', 'Actions', 'Attention'],
    reg.items.map((r) => [
      r.key,
      r.title,
      r.category,
      scoreText(r),
      residualText(r),
      r.status,
      r.owner?.name ?? 'NO OWNER',
      r.reviewDate,
      r.actions.map((a) => a.key).join(' ') || null,
      attention(r).join(', ') || null,
    ]),
    { maxWidths: [undefined, 34, undefined, undefined, undefined, undefined, 18, undefined, 12, 16] },
  );
  const live = reg.items.filter((r) => r.status === 'open' || r.status === 'mitigating');
  const high = live.filter((r) => r.band === 'high').length;
  return [
    `${p.code}: ${live.length} live risk${live.length === 1 ? '' : 's'}, ${high} high (score 15 or more)`,
    list,
    '',
    'Heat map of live risks, current score (likelihood × impact):',
    heatMapText(reg.heatMap.current),
    '',
    'Heat map, residual score (current where no residual is set):',
    heatMapText(reg.heatMap.residual),
  ].join('\n');
}

function detailText(p: ProgramSummary, d: RiskDetail): string {
  const r = d.risk;
  const head = facts([
    ['Risk', `${p.code} ${r.key} "${r.title}"`],
    ['Category', r.category],
    ['Owner', r.owner ? `${r.owner.name} <${r.owner.email}>` : 'NO OWNER'],
    ['Status', r.status],
    ['Score', scoreText(r)],
    ['Residual', residualText(r)],
    ['Strategy', r.strategy],
    ['Early warning', r.earlyWarning || '—'],
    ['Mitigation', r.mitigation || '—'],
    ['Review', `${r.reviewDate ?? 'not set'}${attention(r).length ? ` — ${attention(r).join(', ')}` : ''}`],
    ['Actions', r.actions.map((a) => `${a.key} ${a.title} (${a.status})`).join('; ') || 'none'],
    ['Version', String(r.version)],
  ]);
  const description = r.description ? `\n\n  ${r.description}` : '';
  const history = table(
    ['When (UTC)', 'Who', 'Score', 'Residual', 'Why'],
    d.scoreHistory.map((s) => [
      minuteUtc(s.at),
      s.by,
      `${s.score} (${s.likelihood}×${s.impact})`,
      s.residualScore,
      s.reason ?? (s === d.scoreHistory[0] ? 'raised' : null),
    ]),
    { maxWidths: [undefined, 18, undefined, undefined, 50] },
  );
  return `${head}${description}\n\nScore history:\n${history}`;
}

const kindWords: Record<RiskChange['kind'], string> = { new: 'new', rescored: 're-scored', closed: 'closed', realized: 'realized' };

function changesText(p: ProgramSummary, since: string, until: string, items: readonly RiskChange[]): string {
  const period = `${p.code} risk changes ${since} – ${until} (${p.timeZone})`;
  if (items.length === 0) return `${period}: none.`;
  const score = (c: RiskChange) => (c.kind === 'rescored' ? `${c.from} → ${c.to}` : c.kind === 'new' ? String(c.to) : null);
  return `${period}:\n${table(
    ['When (UTC)', 'Risk', 'What', 'Score', 'Who', 'Why'],
    items.map((c) => [minuteUtc(c.at), `${c.risk.key} ${c.risk.title}`, kindWords[c.kind], score(c), c.by, c.reason]),
    { maxWidths: [undefined, 36, undefined, undefined, 18, 44] },
  )}`;
}

// --- options ---

const levelOption = (out: Output, flag: string, schema: z.ZodType, raw: string) =>
  parseIntOption(out, flag, schema, raw, levelHint) as number;

/** --residual L I (two levels), or "none" to clear them where that is allowed. */
function residualOption(out: Output, raw: string[] | undefined, allowNone: boolean) {
  if (raw === undefined) return {};
  if (allowNone && raw.length === 1 && raw[0]?.toLowerCase() === 'none') return { residualLikelihood: null, residualImpact: null };
  if (raw.length !== 2) {
    badOption(
      out,
      '--residual',
      `Give two levels, likelihood then impact (e.g. --residual 2 3)${allowNone ? ', or none' : ''}.`,
      raw.join(' '),
    );
  }
  return {
    residualLikelihood: levelOption(out, '--residual', raise.likelihood, raw[0] as string),
    residualImpact: levelOption(out, '--residual', raise.impact, raw[1] as string),
  };
}

/** --review <date>, or "none" to clear it. */
const reviewOption = (out: Output, raw: string | undefined): PlainDate | null | undefined =>
  raw === undefined ? undefined : raw.trim().toLowerCase() === 'none' ? null : parseOption(out, '--review', raise.reviewDate, raw.trim());

const versionOption = (out: Output, raw: string | undefined): number | undefined =>
  raw === undefined
    ? undefined
    : parseIntOption(out, '--version', update.version, raw, 'Must be a version number (1 or more) as printed by --json.');

/** The reason, required of every risk write: checked here, so both backends refuse alike. */
const reasonOption = (out: Output, raw: string | undefined): string => parseOption(out, '--reason', update.reason, raw);

/** Reads the program and the risk first: a person at a terminal writes over what they just saw. */
async function targetOf(b: Backend, out: Output, programRef: string, riskRef: string, version: number | undefined) {
  const program = await requireProgram(b, out, programRef);
  const before = must(out, await b.getRisk({ params: { programId: program.id, riskId: riskRef.trim() } })).risk;
  return { program, before, version: version ?? before.version };
}

const written = <T>(out: Output, r: Result<T>): T => (r.ok ? r.value : fail(out, withFlags(r.error, flags)));

interface WriteOptions {
  json?: boolean;
  version?: string;
  reason?: string;
}

interface RiskFieldOptions {
  title?: string;
  description?: string;
  owner?: string;
  category?: string;
  likelihood?: string;
  impact?: string;
  earlyWarning?: string;
  strategy?: string;
  mitigation?: string;
  residual?: string[];
  review?: string;
}

/** The field options that raise and update share. */
function addFieldOptions(cmd: Command, required: boolean): Command {
  const req = required ? ' (required)' : '';
  return cmd
    .option('--title <text>', `what could happen, e.g. "Resin shortage from single source"${req}`)
    .option('--description <text>', 'more about the cause and the effect')
    .option('--owner <person>', `who watches it: e-mail address or id of a person on the program${req}`)
    .option('--category <category>', `schedule, quality, supply, commercial or compliance${req}`)
    .option('--likelihood <1-5>', `how likely it is to happen, 1 (rare) to 5 (almost certain)${req}`)
    .option('--impact <1-5>', `how bad it would be, 1 (minor) to 5 (severe)${req}`)
    .option('--early-warning <text>', 'the signal that shows the risk is about to happen')
    .option('--strategy <strategy>', 'response: avoid, mitigate, transfer or accept (default: mitigate)')
    .option('--mitigation <text>', 'what is done to lower it')
    .option('--residual <levels...>', 'likelihood and impact once the response works, e.g. --residual 2 3')
    .option('--review <date>', 'when it is next reviewed, YYYY-MM-DD');
}

export function registerRiskCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('risk')
    .description('The risk register: raise, re-score, close or realize risks; heat maps and risk changes')
    .addHelpText(
      'after',
      '\nRisks are named by key (R-3, any case) or id. Every change needs --reason and is kept in the change log.\nWrites read the risk first and save over the version read; scripts pass --version <n>.',
    );

  addActingOptions(
    group
      .command('list')
      .description('The register, live risks by score first, with 5×5 heat maps (current and residual)')
      .argument('<program>', 'program code or id')
      .option('--json', "print the API's JSON (RiskRegister)")
      .addHelpText('after', '\nExample:\n  tollgate risk list KHG-KW500'),
  ).action(async (programRef: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const reg = must(out, await b.listRisks({ params: { programId: program.id } }));
      emit(out, reg, () => registerText(program, reg));
    });
  });

  addActingOptions(
    group
      .command('show')
      .description('One risk with its linked actions and its score history')
      .argument('<program>', 'program code or id')
      .argument('<risk>', 'risk key (R-3) or id')
      .option('--json', "print the API's JSON (RiskDetail)")
      .addHelpText('after', '\nExample:\n  tollgate risk show KHG-KW500 R-3'),
  ).action(async (programRef: string, riskRef: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const d = must(out, await b.getRisk({ params: { programId: program.id, riskId: riskRef.trim() } }));
      emit(out, d, () => detailText(program, d));
    });
  });

  addActingOptions(
    addFieldOptions(group.command('raise').description('Raise a risk; it gets the next key (R-n) and needs an owner'), true)
      .argument('<program>', 'program code or id')
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate risk raise KHG-KW500 --title "Resin shortage from single source" --owner supplier@demo.test \\\n    --category supply --likelihood 4 --impact 4 --residual 2 3 --review 2026-03-20',
      ),
  ).action(async (programRef: string, o: RiskFieldOptions & { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const title = parseOption(out, '--title', raise.title, o.title);
    const category = parseOption(
      out,
      '--category',
      raise.category,
      o.category,
      'One of schedule, quality, supply, commercial, compliance.',
    );
    const likelihood =
      o.likelihood === undefined
        ? badOption(out, '--likelihood', 'This option is required.')
        : levelOption(out, '--likelihood', raise.likelihood, o.likelihood);
    const impact =
      o.impact === undefined
        ? badOption(out, '--impact', 'This option is required.')
        : levelOption(out, '--impact', raise.impact, o.impact);
    const strategy = parseOption(out, '--strategy', raise.strategy, o.strategy, 'One of avoid, mitigate, transfer, accept.');
    const description = parseOption(out, '--description', raise.description, o.description);
    const earlyWarning = parseOption(out, '--early-warning', raise.earlyWarning, o.earlyWarning);
    const mitigation = parseOption(out, '--mitigation', raise.mitigation, o.mitigation);
    const residual = residualOption(out, o.residual, false);
    const reviewDate = reviewOption(out, o.review);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      // No --owner: the risk is refused with OWNER_REQUIRED, as the API refuses it.
      const ownerId = o.owner === undefined ? null : await resolveOwner(b, out, program, o.owner);
      const r = await b.raiseRisk({
        params: { programId: program.id },
        body: {
          title,
          description,
          ownerId,
          category,
          likelihood,
          impact,
          earlyWarning,
          strategy,
          mitigation,
          ...residual,
          reviewDate,
        },
      });
      const v = written(out, r);
      emit(out, v, () => `Raised ${describe(program, v)}`);
    });
  });

  addActingOptions(
    addFieldOptions(group.command('update').description('Re-score, re-plan or hand over an open risk; needs --reason'), false)
      .argument('<program>', 'program code or id')
      .argument('<risk>', 'risk key (R-3) or id')
      .option('--status <status>', 'open or mitigating (close and realize are their own commands)')
      .option('--reason <text>', 'why it changes, kept in the change log (required)')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\n--residual none and --review none clear them.\n\nExample:\n  tollgate risk update KHG-KW500 R-3 --likelihood 2 --reason "Second resin source approved"',
      ),
  ).action(async (programRef: string, riskRef: string, o: RiskFieldOptions & WriteOptions & { status?: string }, cmd: Command) => {
    const out = outputOf(o);
    const editable = [
      'title',
      'description',
      'owner',
      'category',
      'likelihood',
      'impact',
      'earlyWarning',
      'strategy',
      'mitigation',
      'residual',
      'review',
      'status',
    ] as const;
    if (!editable.some((k) => o[k] !== undefined)) {
      fail(out, {
        code: 'VALIDATION_FAILED',
        message:
          'Nothing to update: give at least one of --title, --description, --owner, --category, --likelihood, --impact, --early-warning, --strategy, --mitigation, --residual, --review or --status.',
      });
    }
    const opt = <S extends z.ZodType>(flag: string, schema: S, raw: string | undefined, hint?: string) =>
      raw === undefined ? undefined : parseOption(out, flag, schema, raw, hint);
    const title = opt('--title', update.title, o.title);
    const description = opt('--description', update.description, o.description);
    const category = opt('--category', update.category, o.category, 'One of schedule, quality, supply, commercial, compliance.');
    const likelihood = o.likelihood === undefined ? undefined : levelOption(out, '--likelihood', raise.likelihood, o.likelihood);
    const impact = o.impact === undefined ? undefined : levelOption(out, '--impact', raise.impact, o.impact);
    const earlyWarning = opt('--early-warning', update.earlyWarning, o.earlyWarning);
    const strategy = opt('--strategy', update.strategy, o.strategy, 'One of avoid, mitigate, transfer, accept.');
    const mitigation = opt('--mitigation', update.mitigation, o.mitigation);
    const status = opt('--status', update.status, o.status, 'open or mitigating; to end a risk use `risk close` or `risk realize`.');
    const residual = residualOption(out, o.residual, true);
    const reviewDate = reviewOption(out, o.review);
    const reason = reasonOption(out, o.reason);
    const given = versionOption(out, o.version);
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, before, version } = await targetOf(b, out, programRef, riskRef, given);
      const owner = o.owner === undefined ? undefined : await resolveOwner(b, out, program, o.owner);
      const r = await b.updateRisk({
        params: { programId: program.id, riskId: before.id },
        body: {
          version,
          reason,
          title,
          description,
          ownerId: owner,
          category,
          likelihood,
          impact,
          earlyWarning,
          strategy,
          mitigation,
          ...residual,
          reviewDate,
          status,
        },
      });
      const v = written(out, r);
      const moved = v.score !== before.score ? ` (score ${before.score} → ${v.score})` : '';
      emit(out, v, () => `Updated${moved} ${describe(program, v)}`);
    });
  });

  addActingOptions(
    group
      .command('close')
      .description('Close an open risk that can no longer happen; needs --reason')
      .argument('<program>', 'program code or id')
      .argument('<risk>', 'risk key (R-3) or id')
      .option('--reason <text>', 'why it is over, kept in the change log (required)')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText('after', '\nExample:\n  tollgate risk close KHG-KW500 R-3 --reason "Second resin source running"'),
  ).action(async (programRef: string, riskRef: string, o: WriteOptions, cmd: Command) => {
    const out = outputOf(o);
    const reason = parseOption(out, '--reason', EndRiskSchema.shape.reason, o.reason);
    const given = versionOption(out, o.version);
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, before, version } = await targetOf(b, out, programRef, riskRef, given);
      const v = written(out, await b.closeRisk({ params: { programId: program.id, riskId: before.id }, body: { version, reason } }));
      emit(out, v, () => `Closed ${describe(program, v)}`);
    });
  });

  addActingOptions(
    group
      .command('realize')
      .description('Mark an open risk realized (it happened); opens an action linked to it')
      .argument('<program>', 'program code or id')
      .argument('<risk>', 'risk key (R-3) or id')
      .option('--reason <text>', 'what happened, kept in the change log and as the action description (required)')
      .option('--action-title <text>', 'what must be done (default: "Respond to: <risk title>")')
      .option('--action-owner <person>', "who does it: e-mail address or id (default: the risk's owner)")
      .option('--action-due <date>', 'when it is due, YYYY-MM-DD')
      .option('--action-severity <severity>', 'low, medium, high or critical (default: high)')
      .option('--version <n>', versionHelp)
      .option('--json', "print the API's JSON ({ risk: Risk, action: Action })")
      .addHelpText(
        'after',
        '\nExample:\n  tollgate risk realize KHG-KW500 R-4 --reason "T1 samples held at customs" --action-due 2026-03-16',
      ),
  ).action(
    async (
      programRef: string,
      riskRef: string,
      o: WriteOptions & { actionTitle?: string; actionOwner?: string; actionDue?: string; actionSeverity?: string },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const reason = parseOption(out, '--reason', RealizeRiskSchema.shape.reason, o.reason);
      const title = o.actionTitle === undefined ? undefined : parseOption(out, '--action-title', realizeAction.title, o.actionTitle);
      const dueDate = o.actionDue === undefined ? undefined : parseOption(out, '--action-due', realizeAction.dueDate, o.actionDue);
      const severity = parseOption(
        out,
        '--action-severity',
        realizeAction.severity,
        o.actionSeverity,
        'One of low, medium, high, critical.',
      );
      const given = versionOption(out, o.version);
      await withBackend(ctx, cmd, out, async (b) => {
        const { program, before, version } = await targetOf(b, out, programRef, riskRef, given);
        const ownerId = o.actionOwner === undefined ? undefined : await resolveOwner(b, out, program, o.actionOwner);
        if (ownerId === null) badOption(out, '--action-owner', 'The action needs an owner; leave the option out for the risk owner.');
        const r = await b.realizeRisk({
          params: { programId: program.id, riskId: before.id },
          body: { version, reason, action: { title, ownerId, dueDate, severity } },
        });
        const v = written(out, r);
        const a = v.action;
        emit(
          out,
          v,
          () =>
            `Realized ${describe(program, v.risk)}\nOpened ${a.key} "${a.title}"\n  owner ${a.owner?.name ?? 'none'}, due ${a.dueDate ?? 'not set'}, severity ${a.severity}`,
        );
      });
    },
  );

  addActingOptions(
    group
      .command('changes')
      .description("What happened to a program's risks between two days: new, re-scored, closed, realized")
      .argument('<program>', 'program code or id')
      .option('--since <date>', "the first day, YYYY-MM-DD, in the program's time zone (default: this week's Monday)")
      .option('--until <date>', 'the last day, inclusive (default: today)')
      .option('--json', "print the API's JSON ({ items: RiskChange[] })")
      .addHelpText('after', '\nExample:\n  tollgate risk changes KHG-KW500 --since 2026-03-09 --until 2026-03-15'),
  ).action(async (programRef: string, o: { since?: string; until?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const query = RiskChangesQuerySchema.shape;
    const sinceGiven = o.since === undefined ? undefined : parseOption(out, '--since', query.since, o.since.trim());
    const untilGiven = o.until === undefined ? undefined : parseOption(out, '--until', query.until, o.until.trim());
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const today = program.today as PlainDate;
      const until = untilGiven ?? today;
      const since = sinceGiven ?? addDays(today, 1 - isoWeekday(today));
      const { items } = written(out, await b.riskChanges({ params: { programId: program.id }, query: { since, until } }));
      emit(out, { items }, () => changesText(program, since, until, items));
    });
  });
}
