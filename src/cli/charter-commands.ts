import type { Command } from 'commander';
import { type CharterDocument, SetCharterSchema } from '../contract/charter.js';
import type { ProgramSummary } from '../contract/program.js';
import type { Refusal } from '../domain/result.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, facts, fail, type Output, outputOf } from './output.js';
import type { CliContext } from './session.js';
import { must, requireProgram } from './targets.js';

const body = SetCharterSchema.shape;
const collect = (value: string, previous: string[]) => [...previous, value];

/** The API's field names as the options a person typed, for refusals. */
const flagOf = (path: string): string => {
  if (path === 'decisionOwnerId') return '--decision-owner';
  if (path.startsWith('escalationPath')) return '--escalation';
  if (path.startsWith('successDefinitions')) return `--success${path.slice('successDefinitions'.length).replace(/^\./, ' ')}`;
  if (path === 'weeklyReport.weekday') return '--report-day';
  if (path === 'weeklyReport.time') return '--report-time';
  if (path === 'weeklyReport.updateRequests.businessDaysBefore') return '--request-days-before';
  if (path === 'weeklyReport.updateRequests.untouchedDays') return '--request-untouched-days';
  if (path === 'weeklyReport.autoIssue') return '--auto-issue';
  if (path.startsWith('weeklyReport')) return '--recipients';
  if (path === 'leadershipReview.scoreAtLeast') return '--review-score';
  if (path === 'leadershipReview.unresolvedDays') return '--review-days';
  return path;
};

/** An activation refused for an incomplete charter: each missing part named by the `charter set` option that writes it. */
export function incompleteCharterRefusal(r: Refusal, programCode: string): Refusal {
  const flags = Object.fromEntries((r.fields ?? []).map((f) => [f.path, flagOf(f.path)]));
  const n = r.fields?.length ?? 0;
  return {
    ...withFlags(r, flags),
    message: `The kickoff charter of ${programCode} is not complete: ${n} thing${n === 1 ? '' : 's'} missing. Write ${n === 1 ? 'it' : 'them'} with \`tollgate charter set ${programCode}\` before activating:`,
  };
}

const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** mon … sun (or the full name, any case), or 1 (Monday) … 7 (Sunday). */
function weekdayOf(out: Output, raw: string): number | null {
  const given = raw.trim().toLowerCase();
  if (given === 'none') return null;
  if (/^[1-7]$/.test(given)) return Number(given);
  const i = given.length < 3 ? -1 : weekdayNames.findIndex((d) => d.toLowerCase().startsWith(given));
  return i >= 0 ? i + 1 : badOption(out, '--report-day', 'Give a weekday: mon … sun, or 1 (Monday) … 7 (Sunday).', raw);
}

const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.toLowerCase() !== 'none');

/** The people who hold a role on the program, by id and by e-mail address. */
async function peopleOf(b: Backend, out: Output, p: ProgramSummary) {
  return must(out, await b.listProgramPeople({ params: { programId: p.id } })).items;
}

/** One charter for people: who decides, the escalation path, success per gate, the report, the review rule, what is missing. */
function describe(c: CharterDocument): string {
  const name = (id: string) => {
    const p = c.people.find((x) => x.id === id);
    return p ? `${p.name} <${p.email}>` : id;
  };
  const rows: [string, string][] = [
    ['decision owner', c.decisionOwnerId ? name(c.decisionOwnerId) : '—'],
    ['escalation', c.escalationPath.length ? c.escalationPath.map((id, i) => `${i + 1}. ${name(id)}`).join('  ') : '—'],
  ];
  for (const gate of c.gates) rows.push([`success ${gate}`, c.successDefinitions[gate] ?? '—']);
  const w = c.weeklyReport;
  const when =
    w.weekday === null && w.time === null
      ? 'day and time not chosen'
      : `${w.weekday === null ? 'day not chosen' : weekdayNames[w.weekday - 1]}${w.time === null ? ', time not chosen' : ` ${w.time}`}`;
  const to = [...w.recipientIds.map(name), ...w.recipientEmails];
  rows.push(['weekly report', `${when}, to ${to.length ? to.join(', ') : 'nobody yet'}`]);
  const u = w.updateRequests;
  rows.push([
    'update requests',
    u.businessDaysBefore === null
      ? 'off'
      : `${u.businessDaysBefore === 0 ? "on the report's day" : `${u.businessDaysBefore} business day${u.businessDaysBefore === 1 ? '' : 's'} before the report`}, to owners of items due, overdue or untouched for ${u.untouchedDays} days`,
  ]);
  rows.push(['issued', w.autoIssue ? 'automatically at that day and time (findings acknowledged)' : 'by the cadence owner']);
  const r = c.leadershipReview;
  rows.push([
    'leadership review',
    r.scoreAtLeast === null && r.unresolvedDays === null
      ? 'rule not set'
      : `risks scoring ${r.scoreAtLeast === null ? '(score not set)' : `≥ ${r.scoreAtLeast}`} unresolved for ${
          r.unresolvedDays === null ? '(days not set)' : `${r.unresolvedDays} business days`
        }`,
  ]);
  rows.push(['version', String(c.version)]);
  const gaps = c.gaps.length
    ? `\nMissing before activation (${c.gaps.length}):\n${c.gaps.map((g) => `  - ${g.path}: ${g.message}`).join('\n')}`
    : '\nComplete: nothing is missing before activation.';
  return `${c.programCode} kickoff charter\n${facts(rows)}${gaps}`;
}

interface SetOptions {
  decisionOwner?: string;
  escalation?: string;
  success: string[];
  reportDay?: string;
  reportTime?: string;
  recipients?: string;
  autoIssue?: string;
  reviewScore?: string;
  reviewDays?: string;
  requestDaysBefore?: string;
  requestUntouchedDays?: string;
  reason?: string;
  version?: string;
  json?: boolean;
}

export function registerCharterCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('charter')
    .description("A program's kickoff charter: decision owner, escalation path, success per gate, weekly report, leadership review")
    .addHelpText('after', '\nA program is activated only with a complete charter; `charter show` lists what is still missing.');

  addActingOptions(
    group
      .command('show')
      .description('The charter and what activation still needs')
      .argument('<program>', 'program code or id')
      .option('--json', "print the API's JSON (Charter)"),
  ).action(async (programRef: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const c = must(out, await b.getCharter({ params: { programId: program.id } }));
      emit(out, c, () => describe(c));
    });
  });

  addActingOptions(
    group
      .command('set')
      .description('Change the parts of the charter given (the cadence owner); the rest stays as it is')
      .argument('<program>', 'program code or id')
      .option('--decision-owner <person>', 'the one decision owner: e-mail address or id of someone on the program ("none" clears)')
      .option('--escalation <people>', 'the escalation path, first level first: e-mail addresses or ids, comma-separated ("none" clears)')
      .option(
        '--success <gate=text>',
        'what success at a gate means, e.g. G1="Golden sample signed" (repeat per gate; empty text clears)',
        collect,
        [],
      )
      .option('--report-day <day>', 'the weekly report day: mon … sun or 1 … 7 ("none" clears)')
      .option('--report-time <HH:MM>', 'the weekly report time, local at the factory ("none" clears)')
      .option(
        '--recipients <addresses>',
        'who receives the weekly report, comma-separated: people on the program and outside addresses ("none" clears)',
      )
      .option('--auto-issue <on|off>', "on: Tollgate issues the week's report itself at the report day and time, as the cadence owner")
      .option('--review-score <n>', 'risks scoring at least this (1–25) go to leadership review …')
      .option('--review-days <n>', '… when unresolved for this many business days (1–120)')
      .option(
        '--request-days-before <n>',
        'ask owners to update their items this many business days before the report\'s day (0: that day, up to 10; "none": off)',
      )
      .option('--request-untouched-days <n>', '… also about items not updated for this many days (1–60)')
      .option('--reason <text>', 'why, for the change log')
      .option('--version <n>', 'fail with VERSION_CONFLICT unless the charter is still at this version (for scripts)')
      .option('--json', "print the API's JSON (Charter)")
      .addHelpText(
        'after',
        '\nExample:\n  tollgate --as lead@demo.test charter set KHG-KW500 --decision-owner owner@demo.test --escalation lead@demo.test,owner@demo.test \\\n    --success G1="Golden sample signed" --report-day fri --report-time 16:00 --recipients owner@demo.test,buyer@client.example',
      ),
  ).action(async (programRef: string, o: SetOptions, cmd: Command) => {
    const out = outputOf(o);
    const version = o.version === undefined ? undefined : parseIntOption(out, '--version', body.version, o.version);
    const success = o.success.map((given) => {
      const at = given.indexOf('=');
      const gate = at > 0 ? given.slice(0, at).trim().toUpperCase() : '';
      if (!gate) return badOption(out, '--success', 'Give a gate and its text, e.g. G1="Golden sample signed".', given);
      return [gate, given.slice(at + 1).trim()] as const;
    });
    const weekday = o.reportDay === undefined ? undefined : weekdayOf(out, o.reportDay);
    const noneOr = (raw: string | undefined) => (raw === undefined ? undefined : raw.trim().toLowerCase() === 'none' ? null : raw.trim());
    const time = noneOr(o.reportTime);
    const autoIssue =
      o.autoIssue === undefined
        ? undefined
        : ['on', 'yes', 'true'].includes(o.autoIssue.trim().toLowerCase())
          ? true
          : ['off', 'no', 'false'].includes(o.autoIssue.trim().toLowerCase())
            ? false
            : badOption(out, '--auto-issue', 'Give on or off.', o.autoIssue);
    const score =
      o.reviewScore === undefined
        ? undefined
        : parseIntOption(out, '--review-score', body.leadershipReview.shape.scoreAtLeast, o.reviewScore);
    const days =
      o.reviewDays === undefined
        ? undefined
        : parseIntOption(out, '--review-days', body.leadershipReview.shape.unresolvedDays, o.reviewDays);
    const requestRule = body.weeklyReport.shape.updateRequests.unwrap().shape;
    const daysBefore =
      o.requestDaysBefore === undefined
        ? undefined
        : o.requestDaysBefore.trim().toLowerCase() === 'none'
          ? null
          : parseIntOption(out, '--request-days-before', requestRule.businessDaysBefore, o.requestDaysBefore);
    const untouched =
      o.requestUntouchedDays === undefined
        ? undefined
        : parseIntOption(out, '--request-untouched-days', requestRule.untouchedDays, o.requestUntouchedDays);
    const reason = o.reason === undefined ? undefined : parseOption(out, '--reason', body.reason, o.reason);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const before = must(out, await b.getCharter({ params: { programId: program.id } }));
      const people = await peopleOf(b, out, program);
      const person = (flag: string, ref: string): string => {
        const wanted = ref.trim();
        const found = people.find((x) => x.id === wanted || x.email === wanted.toLowerCase());
        return (
          found?.id ??
          fail(out, {
            code: 'USER_NOT_FOUND',
            message: `Nobody "${ref}" holds a role on ${program.code}. See \`tollgate programs people ${program.code}\`.`,
            fields: [{ path: flag, message: 'Not a member of this program.' }],
          })
        );
      };
      let decisionOwnerId = before.decisionOwnerId;
      if (o.decisionOwner !== undefined)
        decisionOwnerId = o.decisionOwner.trim().toLowerCase() === 'none' ? null : person('--decision-owner', o.decisionOwner);
      const escalationPath = o.escalation === undefined ? before.escalationPath : list(o.escalation).map((r) => person('--escalation', r));
      const successDefinitions = { ...before.successDefinitions };
      for (const [gate, text] of success) {
        if (text) successDefinitions[gate] = text;
        else delete successDefinitions[gate];
      }
      let { recipientIds, recipientEmails } = before.weeklyReport;
      if (o.recipients !== undefined) {
        // Someone on the program is a recipient by id (their address follows them); any other address is sent to as given.
        const given = list(o.recipients);
        recipientIds = [];
        recipientEmails = [];
        for (const r of given) {
          const found = people.find((x) => x.id === r || x.email === r.toLowerCase());
          if (found) recipientIds.push(found.id);
          else recipientEmails.push(r);
        }
      }
      const r = await b.setCharter({
        params: { programId: program.id },
        body: {
          version: version ?? before.version,
          decisionOwnerId,
          escalationPath,
          successDefinitions,
          weeklyReport: {
            weekday: weekday === undefined ? before.weeklyReport.weekday : weekday,
            time: time === undefined ? before.weeklyReport.time : time,
            recipientIds,
            recipientEmails,
            updateRequests: {
              businessDaysBefore: daysBefore === undefined ? before.weeklyReport.updateRequests.businessDaysBefore : daysBefore,
              untouchedDays: untouched ?? before.weeklyReport.updateRequests.untouchedDays,
            },
            autoIssue: autoIssue ?? before.weeklyReport.autoIssue,
          },
          leadershipReview: {
            scoreAtLeast: score === undefined ? before.leadershipReview.scoreAtLeast : score,
            unresolvedDays: days === undefined ? before.leadershipReview.unresolvedDays : days,
          },
          reason,
        },
      });
      if (!r.ok) {
        const fields = Object.fromEntries((r.error.fields ?? []).map((f) => [f.path, flagOf(f.path)]));
        return fail(out, withFlags(r.error, fields));
      }
      emit(out, r.value, () => describe(r.value));
    });
  });
}
