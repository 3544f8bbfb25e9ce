import type { Command } from 'commander';
import type { z } from 'zod';
import type { MeetingAgendaSchema } from '../contract/meeting.js';
import { RecordOutcomeSchema } from '../contract/meeting.js';
import { ReportWeekSchema } from '../contract/report.js';
import { agendaText, type MeetingAgenda } from '../domain/report/meeting-agenda.js';
import { addActingOptions, withBackend } from './connect.js';
import { badOption, parseOption, withFlags } from './options.js';
import { emit, fail, outputOf } from './output.js';
import type { CliContext } from './session.js';
import { must, requireOwner, requireProgram } from './targets.js';

// tollgate report agenda|outcome (issue 14): the week's cadence meeting, its agenda and the outcomes recorded in it.

type Meeting = z.output<typeof MeetingAgendaSchema>;

/** The agenda, then the minutes so far, in plain text. */
function meetingText(m: Meeting): string {
  const names = new Map(m.people.map((p) => [p.id, p.name]));
  const who = (id: string | null) => (id === null ? 'no owner' : (names.get(id) ?? id));
  const minutes = m.minutes.map((e) =>
    e.kind === 'decision'
      ? `  ${e.key} ${e.statement}: decided "${e.outcome}" (${who(e.ownerId)}), recorded by ${who(e.actorId)} at ${e.at}`
      : `  ${e.key} ${e.title}: ${who(e.ownerId)}, due ${e.dueDate ?? 'no date'}, recorded by ${who(e.actorId)} at ${e.at}`,
  );
  return `${agendaText(m as unknown as MeetingAgenda, names)}\nMinutes:\n${minutes.length === 0 ? '  None recorded yet.' : minutes.join('\n')}`;
}

const verdictFlags = { outcome: '--outcome', rationale: '--rationale', expectedImpact: '--impact' };

export function registerMeetingCommands(group: Command, ctx: CliContext): void {
  addActingOptions(
    group
      .command('agenda')
      .description("The week's cadence meeting: the agenda generated from the draft (decisions first), attendees, minutes so far")
      .argument('<program>', 'program code or id')
      .requiredOption('--week <week>', "the ISO week in the program's time zone, e.g. 2026-W49")
      .option('--json', "print the API's JSON (MeetingAgenda)"),
  ).action(async (programRef: string, o: { week: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const week = parseOption(out, '--week', ReportWeekSchema, o.week.trim());
    await withBackend(ctx, cmd, out, async (b) => {
      const m = must(out, await b.getMeetingAgenda({ params: { programId: programRef.trim(), week } }));
      emit(out, m, () => meetingText(m));
    });
  });

  addActingOptions(
    group
      .command('outcome')
      .description(
        "Record an outcome of the week's cadence meeting (cadence owner): --decide an open decision you own, a --decision taken in the meeting, or an --action",
      )
      .argument('<program>', 'program code or id')
      .requiredOption('--week <week>', "the ISO week in the program's time zone, e.g. 2026-W49")
      .option('--decide <decision>', 'the open decision decided: key (D-3) or id')
      .option('--decision <statement>', 'a decision taken in the meeting, recorded as yours and decided at once')
      .option('--action <title>', 'a new action (needs --owner and --due)')
      .option('--outcome <text>', 'what was decided')
      .option('--rationale <text>', 'why')
      .option('--impact <text>', 'what it will change (dates, cost, quality)')
      .option('--owner <person>', "the action's owner: e-mail address or id")
      .option('--due <date>', "the action's due date, YYYY-MM-DD")
      .option('--json', "print the API's JSON (MeetingAgenda)")
      .addHelpText(
        'after',
        '\nExamples:\n  tollgate report outcome KHG-KW500 --week 2026-W11 --decide D-4 --outcome "Approve" --rationale "…" --impact "…"\n  tollgate report outcome KHG-KW500 --week 2026-W11 --action "Book air freight" --owner supplier@demo.test --due 2026-03-20',
      ),
  ).action(
    async (
      programRef: string,
      o: {
        week: string;
        decide?: string;
        decision?: string;
        action?: string;
        outcome?: string;
        rationale?: string;
        impact?: string;
        owner?: string;
        due?: string;
        json?: boolean;
      },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const week = parseOption(out, '--week', ReportWeekSchema, o.week.trim());
      const given = [o.decide, o.decision, o.action].filter((x) => x !== undefined).length;
      if (given !== 1) badOption(out, '--action', 'Give exactly one of --decide, --decision and --action.');
      const verdict = { outcome: o.outcome ?? '', rationale: o.rationale ?? '', expectedImpact: o.impact ?? '' };
      await withBackend(ctx, cmd, out, async (b) => {
        const program = await requireProgram(b, out, programRef);
        const params = { programId: program.id, week };
        let body: unknown;
        let flags: Record<string, string> = verdictFlags;
        if (o.action !== undefined) {
          if (o.owner === undefined) badOption(out, '--owner', 'Name who will do it: every action has an owner.');
          const ownerId = await requireOwner(b, out, program, o.owner);
          body = { kind: 'action', title: o.action, ownerId, dueDate: o.due?.trim() };
          flags = { title: '--action', ownerId: '--owner', dueDate: '--due' };
        } else if (o.decide !== undefined) {
          const d = must(out, await b.getDecision({ params: { programId: program.id, decisionId: o.decide.trim() } }));
          body = { kind: 'decision', decisionId: d.id, version: d.version, ...verdict };
        } else {
          body = { kind: 'new_decision', statement: o.decision, ...verdict };
          flags = { ...verdictFlags, statement: '--decision' };
        }
        const parsed = RecordOutcomeSchema.safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const flag = flags[String(issue?.path[0] ?? '')] ?? '--action';
          badOption(out, flag, issue?.message ?? 'Not valid.');
        }
        const r = await b.recordMeetingOutcome({ params, body: parsed.data });
        const m = r.ok ? r.value : fail(out, withFlags(r.error, flags));
        const last = m.minutes.at(-1);
        emit(out, m, () => `Recorded ${last?.key ?? ''} in the minutes of ${m.programCode} ${m.week}.`);
      });
    },
  );
}
